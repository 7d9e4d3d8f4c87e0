"""Every store and device setting, declared once: key, type, allowed values, default, and the
label and description the admin screen shows.

This is the only place a setting's key is written. Readers and writers refer to the constants
(``SYNC_PRIMARY``), never to the key text, and check values with :meth:`SettingDef.problem` /
:meth:`SettingDef.check`, so the admin screen, the backend pulls and ``Settings.set`` refuse the
same values for the same reasons. Labels and descriptions are English source text; ``ui/``
translates them in the Qt Linguist context ``"settings"`` (lupdate reads this file, hence the
``QT_TRANSLATE_NOOP`` markers). Storage lives above: ``services/settings.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast
from urllib.parse import urlsplit

from .errors import CashierError

T = TypeVar("T")

# The Qt Linguist context ``ui/`` translates labels and descriptions in.
CONTEXT = "settings"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: the one lupdate reads
    """Marks ``text`` for Qt Linguist (lupdate finds it by this name) and returns it unchanged;
    the domain stays free of Qt and ``ui/`` translates at display time."""
    return text


@dataclass(frozen=True)
class SettingDef(Generic[T]):
    """One setting. ``low``/``high`` bound an int (inclusive); ``choices`` list the only values
    allowed; ``max_length`` bounds text; ``required`` refuses blank text; ``url`` asks for an
    http(s) address when not blank; ``remote`` lets the analytics backend set it (pulls).
    ``error`` is the message key a refused value raises."""

    key: str
    type: type[T]
    default: T
    label: str
    description: str
    low: int | None = None
    high: int | None = None
    choices: tuple[T, ...] = ()
    max_length: int | None = None
    required: bool = False
    url: bool = False
    remote: bool = False
    error: str = "setting.invalid"

    @property
    def namespace(self) -> str:
        """The part of the key before the first dot (``sync`` for ``sync.primary``)."""
        return self.key.split(".", 1)[0]

    def problem(self, value: Any) -> str | None:
        """Why ``value`` may not be stored (English, for logs and the pull report), or None."""
        if self.type is int:
            ok_type = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok_type = isinstance(value, self.type)
        if not ok_type:
            return f"not a {self.type.__name__}"
        if (self.low is not None and value < self.low) or (
            self.high is not None and value > self.high
        ):
            return f"between {self.low} and {self.high}"
        if self.choices and value not in self.choices:
            return "one of " + ", ".join(map(str, self.choices))
        if isinstance(value, str):
            if self.max_length is not None and len(value) > self.max_length:
                return f"text of up to {self.max_length} characters"
            if self.required and not value.strip():
                return "required"
            if self.url and value and not _is_url(value):
                return "a web address starting with https:// (http:// only on this computer)"
        return None

    def check(self, value: Any) -> T:
        """``value`` if it may be stored; else CashierError(:attr:`error`, setting=key, …)."""
        reason = self.problem(value)
        if reason is not None:
            raise CashierError(
                self.error,
                "{setting}: {reason}",
                setting=self.key,
                reason=reason,
                low=self.low,
                high=self.high,
                url=value,
            )
        return cast(T, value)


#: Hosts that name this computer: plain http:// is allowed only to them (the FAKE servers of the
#: tests and the demo). Anywhere else the device token, sales and transcripts would travel in
#: clear, so the address must be https://.
_THIS_COMPUTER = ("localhost", "127.0.0.1", "::1")


def _is_url(value: str) -> bool:
    parts = urlsplit(value)
    if not parts.netloc or parts.scheme not in ("https", "http"):
        return False
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" or host in _THIS_COMPUTER or host.startswith("127.")


class Registry:
    """The declared settings by key; refuses a second setting with the same key and a setting
    without a label or description, so the admin screen can show every one of them."""

    def __init__(self) -> None:
        self._by_key: dict[str, SettingDef[Any]] = {}

    def declare(self, setting: SettingDef[T]) -> SettingDef[T]:
        """Adds ``setting`` and returns it (for ``NAME = registry.declare(SettingDef(…))``)."""
        if setting.key in self._by_key:
            raise ValueError(f"setting {setting.key!r} is declared twice")
        if not setting.label.strip() or not setting.description.strip():
            raise ValueError(f"setting {setting.key!r} needs a label and a description")
        if "." not in setting.key:
            raise ValueError(f"setting {setting.key!r} needs a namespace (e.g. 'store.')")
        if setting.problem(setting.default) is not None:
            raise ValueError(f"setting {setting.key!r}: its default is not allowed")
        self._by_key[setting.key] = setting
        return setting

    def get(self, key: str) -> SettingDef[Any] | None:
        """The setting with ``key``, or None when there is none."""
        return self._by_key.get(key)

    def __iter__(self) -> Iterator[SettingDef[Any]]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    @property
    def namespaces(self) -> frozenset[str]:
        """Every key's namespace (``store``, ``sync``, …)."""
        return frozenset(s.namespace for s in self)


REGISTRY = Registry()
_d = REGISTRY.declare
LANGUAGES = ("ru", "kk", "en")

# --- the store ----------------------------------------------------------------------------------

STORE_NAME = _d(
    SettingDef(
        "store.name",
        str,
        "4Sell Demo Café",
        QT_TRANSLATE_NOOP("settings", "Store name"),
        QT_TRANSLATE_NOOP("settings", "Printed at the top of every receipt."),
        max_length=120,
        required=True,
        remote=True,
        error="admin.store_name",
    )
)
STORE_BIN = _d(
    SettingDef(
        "store.bin",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "BIN"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The store's 12-digit business identification number, "
            "printed on receipts and sent with fiscal data.",
        ),
        max_length=12,
        error="admin.bin",
    )
)
STORE_ADDRESS = _d(
    SettingDef(
        "store.address",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Address"),
        QT_TRANSLATE_NOOP("settings", "Printed under the store name on receipts."),
        max_length=300,
        remote=True,
    )
)
TIMEZONE = _d(
    SettingDef(
        "store.timezone",
        str,
        "Asia/Almaty",
        QT_TRANSLATE_NOOP("settings", "Time zone"),
        QT_TRANSLATE_NOOP("settings", "Times on screens and receipts are shown in this zone."),
        max_length=64,
        required=True,
    )
)
RECEIPT_FOOTER = _d(
    SettingDef(
        "receipt.footer",
        str,
        "Спасибо за покупку!",
        QT_TRANSLATE_NOOP("settings", "Receipt footer"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Printed at the bottom of every receipt: the place for the "
            "notice that conversations at the counter may be recorded "
            "for quality control.",
        ),
        max_length=500,
        remote=True,
    )
)
RECEIPT_LANGUAGE = _d(
    SettingDef(
        "receipt.language",
        str,
        "ru",
        QT_TRANSLATE_NOOP("settings", "Receipt language"),
        QT_TRANSLATE_NOOP("settings", "The language receipts and reports are printed in."),
        choices=LANGUAGES,
        remote=True,
        error="admin.language",
    )
)
CASHIER_DISCOUNT_LIMIT_BP = _d(
    SettingDef(
        "till.cashier_discount_limit_bp",
        int,
        1000,
        QT_TRANSLATE_NOOP("settings", "Cashier's discount limit"),
        QT_TRANSLATE_NOOP(
            "settings", "The largest discount a cashier gives without a supervisor's PIN."
        ),
        low=0,
        high=10_000,
        remote=True,
        error="discount.over_100",
    )
)
AUTO_LOCK_SECONDS = _d(
    SettingDef(
        "till.auto_lock_seconds",
        int,
        300,
        QT_TRANSLATE_NOOP("settings", "Lock the till after"),
        QT_TRANSLATE_NOOP(
            "settings", "Without a touch or a key for this long, the till locks and asks for a PIN."
        ),
        low=30,
        high=3600,
        remote=True,
        error="admin.auto_lock",
    )
)
LOCKOUT_ATTEMPTS = _d(
    SettingDef(
        "login.lockout_attempts",
        int,
        5,
        QT_TRANSLATE_NOOP("settings", "Wrong PINs before a lock"),
        QT_TRANSLATE_NOOP(
            "settings",
            "After this many wrong PINs in a row the employee is locked out for a while.",
        ),
        low=1,
        high=20,
    )
)
LOCKOUT_SECONDS = _d(
    SettingDef(
        "login.lockout_seconds",
        int,
        300,
        QT_TRANSLATE_NOOP("settings", "Lock after wrong PINs"),
        QT_TRANSLATE_NOOP(
            "settings", "How long an employee stays locked out after too many wrong PINs."
        ),
        low=30,
        high=86_400,
    )
)
DEVICE_ID = _d(
    SettingDef(
        "device.id",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Device id"),
        QT_TRANSLATE_NOOP(
            "settings", "This till's own identifier towards the server; set once at first start."
        ),
        max_length=64,
    )
)
DEVICE_NAME = _d(
    SettingDef(
        "device.name",
        str,
        "Касса 1",
        QT_TRANSLATE_NOOP("settings", "Till name"),
        QT_TRANSLATE_NOOP(
            "settings", "Tells the tills of one store apart on receipts and reports."
        ),
        max_length=120,
    )
)

# --- recording ----------------------------------------------------------------------------------

RECORDING_ENABLED = _d(
    SettingDef(
        "recording.enabled",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Record counter conversations"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Records the conversation at the counter during each sale, "
            "for cashiers who have given their consent.",
        ),
    )
)
RECORDING_DEVICE = _d(
    SettingDef(
        "recording.device",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Microphone"),
        QT_TRANSLATE_NOOP(
            "settings", "The microphone that records; empty means the system's default."
        ),
        max_length=200,
    )
)
RECORDING_PREROLL_S = _d(
    SettingDef(
        "recording.preroll_s",
        int,
        8,
        QT_TRANSLATE_NOOP("settings", "Keep before the sale starts"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Seconds kept from before the first scan, so the greeting is in the recording.",
        ),
        low=0,
        high=30,
    )
)
RECORDING_TAIL_S = _d(
    SettingDef(
        "recording.tail_s",
        int,
        5,
        QT_TRANSLATE_NOOP("settings", "Keep after payment"),
        QT_TRANSLATE_NOOP("settings", "Seconds recorded after payment, for the goodbye."),
        low=0,
        high=60,
    )
)
RECORDING_MAX_S = _d(
    SettingDef(
        "recording.max_s",
        int,
        600,
        QT_TRANSLATE_NOOP("settings", "Split recordings longer than"),
        QT_TRANSLATE_NOOP("settings", "A longer conversation is saved as several recordings."),
        low=60,
        high=3600,
    )
)
# The notice a store shows when it records; set as the receipt footer when recording is turned on.
RECORDING_NOTICE = (
    "Разговоры на кассе записываются для контроля качества обслуживания. "
    "Кассадағы әңгімелер қызмет сапасын бақылау үшін жазылады."
)

# --- review -------------------------------------------------------------------------------------

# The store's scorecard: a preset's name (``resources/scorecards/<name>.json``) or "custom".
REVIEW_SCORECARD = _d(
    SettingDef(
        "review.scorecard",
        str,
        "cafe",
        QT_TRANSLATE_NOOP("settings", "Quality scorecard"),
        QT_TRANSLATE_NOOP("settings", "The checklist conversations are scored against."),
        max_length=64,
        required=True,
    )
)
# The admin's own scorecard, as JSON text (validated before it is saved).
REVIEW_SCORECARD_CUSTOM = _d(
    SettingDef(
        "review.scorecard_custom",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Custom scorecard"),
        QT_TRANSLATE_NOOP(
            "settings", "The store's own checklist, edited by an admin or sent by the head office."
        ),
    )
)
DEMO_CONVERSATIONS_SEEDED = _d(
    SettingDef(
        "demo.conversations_seeded",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Demo conversations added"),
        QT_TRANSLATE_NOOP("settings", "The demo's sample conversations are already on this till."),
    )
)

# --- sync ---------------------------------------------------------------------------------------
# None of these is ``remote``: whoever could change them from afar could point this till's
# sales, transcripts and audio at another server.

PROVIDERS = ("elevenlabs", "yandex")
NO_FALLBACK = "none"
CONVERSATION_LANGUAGES = ("auto", "ru", "kk")

SYNC_ENABLED = _d(
    SettingDef(
        "sync.enabled",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Send sales and recordings when online"),
        QT_TRANSLATE_NOOP("settings", "Off: everything stays on this till."),
    )
)
SYNC_PAUSED = _d(
    SettingDef(
        "sync.paused",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Sync paused"),
        QT_TRANSLATE_NOOP("settings", "Sending waits until it is resumed from the tray."),
    )
)
SYNC_BACKEND_URL = _d(
    SettingDef(
        "sync.backend_url",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Analytics server"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The address of the store's analytics server; sales, "
            "transcripts and scores go there, never audio.",
        ),
        max_length=500,
        url=True,
        error="sync.url",
    )
)
SYNC_PRIMARY = _d(
    SettingDef(
        "sync.primary",
        str,
        "elevenlabs",
        QT_TRANSLATE_NOOP("settings", "First choice"),
        QT_TRANSLATE_NOOP("settings", "The speech recognition service tried first."),
        choices=PROVIDERS,
        error="sync.provider",
    )
)
SYNC_FALLBACK = _d(
    SettingDef(
        "sync.fallback",
        str,
        # Not "yandex": the privacy policy does not name it, so it needs the admin's
        # acknowledgement first (SYNC_ACKNOWLEDGED_RECIPIENTS).
        NO_FALLBACK,
        QT_TRANSLATE_NOOP("settings", "Fallback"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Takes over when the first choice is refused or unreachable "
            "before it received the audio.",
        ),
        choices=(*PROVIDERS, NO_FALLBACK),
        error="sync.provider",
    )
)
SYNC_LANGUAGE = _d(
    SettingDef(
        "sync.language",
        str,
        "auto",
        QT_TRANSLATE_NOOP("settings", "Language of conversations"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Telling the service the language makes transcripts better "
            "when every conversation is in it.",
        ),
        choices=CONVERSATION_LANGUAGES,
        error="sync.provider",
    )
)
SYNC_AUDIO_ABROAD = _d(
    SettingDef(
        "sync.audio_abroad",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Send audio to recognition services outside Kazakhstan"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Voice recordings are personal data under Kazakhstan's law No. 94-V. "
            "Sending them abroad (ElevenLabs; Yandex outside its Kazakhstan region) is "
            "a cross-border transfer: turn this on only if the staff's written consent "
            "names the store and its BIN, the service that receives the audio, the "
            "transfer abroad, the purpose and the term. Off: only services in "
            "Kazakhstan get audio.",
        ),
    )
)
SYNC_ACKNOWLEDGED_RECIPIENTS = _d(
    SettingDef(
        "sync.acknowledged_recipients",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "settings", "Services acknowledged although the policy does not name them"
        ),
        QT_TRANSLATE_NOOP(
            "settings",
            "Speech recognition services the privacy policy in force does not name, which an "
            "admin has knowingly accepted as recipients of audio (comma-separated; audited).",
        ),
        max_length=200,
    )
)


def acknowledged_names(value: str) -> frozenset[str]:
    """The provider names in a ``SYNC_ACKNOWLEDGED_RECIPIENTS`` value (``"yandex,other"``)."""
    return frozenset(n.strip() for n in value.split(",") if n.strip())


SYNC_UPLOAD_WITHOUT_SPEECH = _d(
    SettingDef(
        "sync.upload_without_speech",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Also transcribe recordings without speech"),
        QT_TRANSLATE_NOOP(
            "settings", "Off: recordings in which nobody spoke are not sent, which saves money."
        ),
    )
)
ELEVENLABS_URL = _d(
    SettingDef(
        "sync.elevenlabs_url",
        str,
        "https://api.elevenlabs.io",
        QT_TRANSLATE_NOOP("settings", "ElevenLabs address"),
        QT_TRANSLATE_NOOP("settings", "Change only for a test server."),
        max_length=500,
        required=True,
        url=True,
        error="sync.url",
    )
)
ELEVENLABS_MODEL = _d(
    SettingDef(
        "sync.elevenlabs_model",
        str,
        "scribe_v2",
        QT_TRANSLATE_NOOP("settings", "ElevenLabs model"),
        QT_TRANSLATE_NOOP("settings", "The speech-to-text model ElevenLabs is asked for."),
        max_length=64,
        required=True,
    )
)
ELEVENLABS_ZERO_RETENTION = _d(
    SettingDef(
        "sync.elevenlabs_zero_retention",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "ElevenLabs: zero retention (enterprise plans)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "ElevenLabs keeps neither the audio nor the transcript; "
            "other plans refuse such requests.",
        ),
    )
)
ELEVENLABS_KEYTERMS = _d(
    SettingDef(
        "sync.elevenlabs_keyterms",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "ElevenLabs: send product names as key terms"),
        QT_TRANSLATE_NOOP(
            "settings", "Product names are recognised better; ElevenLabs charges extra for it."
        ),
    )
)
YANDEX_URL = _d(
    SettingDef(
        "sync.yandex_url",
        str,
        "https://stt.api.cloud.yandex.net",
        QT_TRANSLATE_NOOP("settings", "Yandex SpeechKit address"),
        QT_TRANSLATE_NOOP("settings", "Change only for a test server."),
        max_length=500,
        required=True,
        url=True,
        error="sync.url",
    )
)
YANDEX_OPERATIONS_URL = _d(
    SettingDef(
        "sync.yandex_operations_url",
        str,
        "https://operation.api.cloud.yandex.net",
        QT_TRANSLATE_NOOP("settings", "Yandex operations address"),
        QT_TRANSLATE_NOOP("settings", "Where finished Yandex transcripts are fetched from."),
        max_length=500,
        required=True,
        url=True,
        error="sync.url",
    )
)
YANDEX_FOLDER_ID = _d(
    SettingDef(
        "sync.yandex_folder_id",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Yandex Cloud folder"),
        QT_TRANSLATE_NOOP("settings", "The Yandex Cloud folder the API key belongs to."),
        max_length=64,
    )
)
YANDEX_IN_KAZAKHSTAN = _d(
    SettingDef(
        "sync.yandex_in_kazakhstan",
        bool,
        True,
        QT_TRANSLATE_NOOP("settings", "Yandex SpeechKit runs in the Kazakhstan region"),
        QT_TRANSLATE_NOOP("settings", "On: audio sent to Yandex stays in Kazakhstan."),
    )
)
SYNC_DEMO_FAKES = _d(
    SettingDef(
        "sync.demo_fakes",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Demo: fake servers, not real recognition"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The till talks to made-up servers on this computer; transcripts are not real.",
        ),
    )
)

# --- retention (privacy policy 6.3: the legal period and no longer) -------------------------

RETENTION_AUDIO_DAYS = _d(
    SettingDef(
        "retention.audio_days",
        int,
        30,
        QT_TRANSLATE_NOOP("settings", "Keep audio after its transcript (days)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "A conversation's audio is destroyed this many days after its transcription "
            "succeeded; the transcript and the score stay.",
        ),
        low=1,
        high=3650,
        error="retention.invalid",
    )
)
RETENTION_UNTRANSCRIBED_DAYS = _d(
    SettingDef(
        "retention.untranscribed_days",
        int,
        90,
        QT_TRANSLATE_NOOP("settings", "Keep audio without a transcript (days)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Audio whose transcription never succeeded is destroyed only when it is this old; "
            "never less than the days audio is kept after a transcript.",
        ),
        low=1,
        high=3650,
        error="retention.invalid",
    )
)
RETENTION_TRANSCRIPT_DAYS = _d(
    SettingDef(
        "retention.transcript_days",
        int,
        365,
        QT_TRANSLATE_NOOP("settings", "Keep transcripts and scores (days)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Transcripts, scores and review notes of a conversation are deleted when the "
            "conversation is this old.",
        ),
        low=1,
        high=3650,
        error="retention.invalid",
    )
)
RETENTION_AUDIT_YEARS = _d(
    SettingDef(
        "retention.audit_years",
        int,
        5,
        QT_TRANSLATE_NOOP("settings", "Keep the audit trail (years)"),
        QT_TRANSLATE_NOOP(
            "settings", "Audit entries older than this are removed; the chain stays verifiable."
        ),
        low=1,
        high=50,
        error="retention.invalid",
    )
)
RETENTION_SALES_YEARS = _d(
    SettingDef(
        "retention.sales_years",
        int,
        5,
        QT_TRANSLATE_NOOP("settings", "Keep sales, refunds and shifts (years)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Shifts closed longer ago than this are removed with their sales and refunds; "
            "the tax code asks for five years.",
        ),
        low=1,
        high=50,
        error="retention.invalid",
    )
)

# --- backups ------------------------------------------------------------------------------------

BACKUP_FOLDER = _d(
    SettingDef(
        "backup.folder",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Backup folder"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Encrypted backups are written here daily and at each shift's close; "
            "best on another disk or a USB drive. Empty: no scheduled backups.",
        ),
        max_length=1000,
    )
)
BACKUP_KEEP = _d(
    SettingDef(
        "backup.keep",
        int,
        7,
        QT_TRANSLATE_NOOP("settings", "Backups kept"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The newest backups kept; older ones are deleted. A destroyed recording can "
            "live on in older backups until they are rotated out.",
        ),
        low=1,
        high=365,
    )
)

# --- counter hardware: receipt printer, cash drawer, customer display -------------------------

# Code pages a receipt printer may speak (``hardware.encoder.CODE_PAGES`` knows each one).
PRINTER_CODE_PAGES = ("cp866", "cp1251", "kz1048")

PRINTER_ADDRESS = _d(
    SettingDef(
        "counter.printer_address",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Receipt printer"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Where the ESC/POS receipt printer is: 192.168.1.50:9100 (network), "
            "usb:04b8:0202 (USB vendor:product), serial:/dev/ttyUSB0:9600 or serial:COM3:9600, "
            "file:/dev/usb/lp0. Empty: no printer, receipts are shown on screen only.",
        ),
        max_length=300,
    )
)
PRINTER_PAPER_MM = _d(
    SettingDef(
        "counter.paper_mm",
        int,
        80,
        QT_TRANSLATE_NOOP("settings", "Paper width"),
        QT_TRANSLATE_NOOP(
            "settings", "58 mm paper holds 32 characters a line, 80 mm paper holds 48."
        ),
        low=58,
        high=80,
        choices=(58, 80),
    )
)
PRINTER_CODE_PAGE = _d(
    SettingDef(
        "counter.code_page",
        str,
        "cp866",
        QT_TRANSLATE_NOOP("settings", "Code page"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The printer's code page for Cyrillic. CP866 has no Kazakh letters: lines with "
            "them are printed as an image. KZ-1048 prints Kazakh as text on printers that "
            "have it.",
        ),
        choices=PRINTER_CODE_PAGES,
    )
)
PRINTER_CODE_PAGE_NUMBER = _d(
    SettingDef(
        "counter.code_page_number",
        int,
        -1,
        QT_TRANSLATE_NOOP("settings", "Code page number"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The number the printer's manual gives the code page (ESC t n). -1: the usual "
            "one (CP866 17, Windows-1251 46; KZ-1048 keeps the printer's own default).",
        ),
        low=-1,
        high=255,
    )
)
PRINTER_DRAWER = _d(
    SettingDef(
        "counter.drawer",
        bool,
        True,
        QT_TRANSLATE_NOOP("settings", "Open the cash drawer on cash payments"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The drawer wired to the receipt printer opens when a cash receipt is printed.",
        ),
    )
)
CUSTOMER_DISPLAY = _d(
    SettingDef(
        "counter.customer_display",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Customer display"),
        QT_TRANSLATE_NOOP(
            "settings",
            "A second window for the customer: the cart, the total, the change and the "
            "notice that conversations may be recorded; on the second screen when there is one.",
        ),
    )
)

# --- updates ------------------------------------------------------------------------------------

#: The newest version the 4Sell service announces (through the settings pull). The till only shows
#: a notice when it is newer than the running one: an update is installed by a person, never by
#: the till (a half-installed till at opening time is worse than an old one).
APP_LATEST_VERSION = _d(
    SettingDef(
        "app.latest_version",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Newest version"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Announced by the 4Sell service; a notice shows when it is newer than this till's.",
        ),
        max_length=32,
        remote=True,
    )
)


# --- the till's window ----------------------------------------------------------------------------

KIOSK = _d(
    SettingDef(
        "device.kiosk",
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Kiosk mode"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The till fills the screen without a window frame; closing it or quitting from the "
            "tray asks for an admin's PIN. Takes effect at the next start.",
        ),
    )
)

# --- fiscal registration ------------------------------------------------------------------------

#: The online cash register service: "off", "kassa24" (Kassa24 Business) or "webkassa" (its
#: client waits for a contract; choosing it registers nothing yet). The API token is in the OS
#: secret store ("fiscal-token"), never here.
FISCAL_PROVIDER = _d(
    SettingDef(
        "cashregister.provider",
        str,
        "off",
        QT_TRANSLATE_NOOP("settings", "Online cash register"),
        QT_TRANSLATE_NOOP(
            "settings",
            "The service that registers every sale and refund with the fiscal data operator.",
        ),
        choices=("off", "kassa24", "webkassa"),
    )
)
#: The cash register's id at the service (Kassa24: the id from its list of cash registers).
FISCAL_REGISTER = _d(
    SettingDef(
        "cashregister.id",
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Cash register"),
        QT_TRANSLATE_NOOP("settings", "The cash register this till registers its receipts on."),
        max_length=64,
    )
)
#: Where the Kassa24 Business API answers (a test server or the FAKE in the demo).
FISCAL_URL = _d(
    SettingDef(
        "cashregister.url",
        str,
        "https://business.kassa24.kz/api",
        QT_TRANSLATE_NOOP("settings", "Cash register service address"),
        QT_TRANSLATE_NOOP("settings", "The address of the online cash register's API."),
        max_length=300,
        url=True,
    )
)

#: Every setting, in declaration order.
ALL: tuple[SettingDef[Any], ...] = tuple(REGISTRY)
#: The settings the analytics backend may set (head-office policy and receipt text). Not here,
#: so they stay local: ``sync.*`` (addresses, providers, the audio-abroad consent — a server cannot
#: give the store's informed consent), ``recording.*`` (needs the notice and the staff's consent
#: on this till), ``device.*`` and ``store.bin`` (this till's identity), ``login.*`` (lockout
#: protects PINs).
REMOTE: tuple[SettingDef[Any], ...] = tuple(s for s in REGISTRY if s.remote)
