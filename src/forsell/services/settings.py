"""Store and device settings: each declared once, typed, with a default and a label key.

``ui/`` translates the label key; the core never shows text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select

from forsell.store.db import Database
from forsell.store.models import Setting as SettingRow

T = TypeVar("T")


@dataclass(frozen=True)
class SettingDef(Generic[T]):
    key: str
    type: type
    default: T
    label: str  # message key for the settings screen


STORE_NAME = SettingDef("store.name", str, "4Sell Demo Café", "Store name")
STORE_BIN = SettingDef("store.bin", str, "", "Store BIN")
STORE_ADDRESS = SettingDef("store.address", str, "", "Store address")
TIMEZONE = SettingDef("store.timezone", str, "Asia/Almaty", "Time zone")
RECEIPT_FOOTER = SettingDef("receipt.footer", str, "Спасибо за покупку!", "Receipt footer")
RECEIPT_LANGUAGE = SettingDef("receipt.language", str, "ru", "Receipt language")
CASHIER_DISCOUNT_LIMIT_BP = SettingDef(
    "till.cashier_discount_limit_bp", int, 1000, "Largest discount a cashier gives alone (bp)"
)
AUTO_LOCK_SECONDS = SettingDef("till.auto_lock_seconds", int, 300, "Lock the till after inactivity (s)")
LOCKOUT_ATTEMPTS = SettingDef("login.lockout_attempts", int, 5, "Wrong PINs before a lock")
LOCKOUT_SECONDS = SettingDef("login.lockout_seconds", int, 300, "Lock after wrong PINs (s)")
DEVICE_ID = SettingDef("device.id", str, "", "Device id")
DEVICE_NAME = SettingDef("device.name", str, "Касса 1", "Device name")

RECORDING_ENABLED = SettingDef("recording.enabled", bool, False, "Record counter conversations")
RECORDING_DEVICE = SettingDef("recording.device", str, "", "Microphone")
RECORDING_PREROLL_S = SettingDef("recording.preroll_s", int, 8, "Keep before the sale starts (s)")
RECORDING_TAIL_S = SettingDef("recording.tail_s", int, 5, "Keep after payment (s)")
RECORDING_MAX_S = SettingDef("recording.max_s", int, 600, "Split recordings longer than (s)")
#: The notice a store shows when it records; set as the receipt footer when recording is turned on.
RECORDING_NOTICE = ("Разговоры на кассе записываются для контроля качества обслуживания. "
                    "Кассадағы әңгімелер қызмет сапасын бақылау үшін жазылады.")

SYNC_ENABLED = SettingDef("sync.enabled", bool, False, "Send data when online")
SYNC_PAUSED = SettingDef("sync.paused", bool, False, "Sync paused")
SYNC_BACKEND_URL = SettingDef("sync.backend_url", str, "", "Analytics backend address")
SYNC_PRIMARY = SettingDef("sync.primary", str, "elevenlabs", "Speech recognition: first choice")
SYNC_FALLBACK = SettingDef("sync.fallback", str, "yandex", "Speech recognition: fallback")
SYNC_LANGUAGE = SettingDef("sync.language", str, "auto", "Language of conversations")
SYNC_AUDIO_ABROAD = SettingDef("sync.audio_abroad", bool, False,
                               "Send audio to recognition outside Kazakhstan")
SYNC_UPLOAD_WITHOUT_SPEECH = SettingDef("sync.upload_without_speech", bool, False,
                                        "Transcribe recordings without speech")
ELEVENLABS_URL = SettingDef("sync.elevenlabs_url", str, "https://api.elevenlabs.io", "ElevenLabs address")
ELEVENLABS_MODEL = SettingDef("sync.elevenlabs_model", str, "scribe_v2", "ElevenLabs model")
ELEVENLABS_ZERO_RETENTION = SettingDef("sync.elevenlabs_zero_retention", bool, False,
                                       "ElevenLabs zero retention (enterprise plans)")
ELEVENLABS_KEYTERMS = SettingDef("sync.elevenlabs_keyterms", bool, False, "Send product names as key terms")
YANDEX_URL = SettingDef("sync.yandex_url", str, "https://stt.api.cloud.yandex.net", "Yandex SpeechKit address")
YANDEX_OPERATIONS_URL = SettingDef("sync.yandex_operations_url", str,
                                   "https://operation.api.cloud.yandex.net", "Yandex operations address")
YANDEX_FOLDER_ID = SettingDef("sync.yandex_folder_id", str, "", "Yandex Cloud folder")
YANDEX_IN_KAZAKHSTAN = SettingDef("sync.yandex_in_kazakhstan", bool, True,
                                  "Yandex SpeechKit runs in the Kazakhstan region")
SYNC_DEMO_FAKES = SettingDef("sync.demo_fakes", bool, False, "Demo: fake servers, not real recognition")

ALL = [STORE_NAME, STORE_BIN, STORE_ADDRESS, TIMEZONE, RECEIPT_FOOTER, RECEIPT_LANGUAGE,
       CASHIER_DISCOUNT_LIMIT_BP, AUTO_LOCK_SECONDS, LOCKOUT_ATTEMPTS, LOCKOUT_SECONDS,
       DEVICE_ID, DEVICE_NAME, RECORDING_ENABLED, RECORDING_DEVICE, RECORDING_PREROLL_S,
       RECORDING_TAIL_S, RECORDING_MAX_S, SYNC_ENABLED, SYNC_PAUSED, SYNC_BACKEND_URL, SYNC_PRIMARY,
       SYNC_FALLBACK, SYNC_LANGUAGE, SYNC_AUDIO_ABROAD, SYNC_UPLOAD_WITHOUT_SPEECH, ELEVENLABS_URL,
       ELEVENLABS_MODEL, ELEVENLABS_ZERO_RETENTION, ELEVENLABS_KEYTERMS, YANDEX_URL,
       YANDEX_OPERATIONS_URL, YANDEX_FOLDER_ID, YANDEX_IN_KAZAKHSTAN, SYNC_DEMO_FAKES]


class Settings:
    """Typed access to the ``settings`` table, cached in memory (only this process writes it)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        with db.read() as session:
            self._cache: dict[str, Any] = {
                row.key: row.value for row in session.scalars(select(SettingRow))
            }

    def reload(self) -> None:
        """Re-reads the table after a write that did not go through :meth:`set` (a backend pull
        writes settings in the same transaction as its cursor)."""
        with self._db.read() as session:
            self._cache = {row.key: row.value for row in session.scalars(select(SettingRow))}

    def get(self, setting: SettingDef[T]) -> T:
        """The setting's value (its default when never set), of the type it was declared with."""
        value = self._cache.get(setting.key, setting.default)
        return setting.type(value)

    def set(self, setting: SettingDef[T], value: T) -> None:
        """Stores a new value and refreshes the cache. Raises ``TypeError`` when ``value`` is not of
        the setting's declared type."""
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} takes {setting.type.__name__}")
        with self._db.write() as session:
            session.merge(SettingRow(key=setting.key, value=value))
        self._cache[setting.key] = value
