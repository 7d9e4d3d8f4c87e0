"""The consent texts an employee agrees to (law No. 94-V), shipped per version and language.

``resources/privacy/consent/<version>/{ru,kk,en}.md``; the version is the folder's name, an ISO
date, so the newest sorts last and is the one in force. A text names the operator (the store)
and its BIN, filled in here from the store's settings: the store's name, and its BIN once the
store has one, otherwise the words "not registered yet". The consent record keeps the version
(and the language) the employee was shown.

A consent to an older version still counts: a new version does not ask everyone to consent
again. A version that must be agreed to anew would be a new rule here, not a silent change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forsell.domain.errors import CashierError
from forsell.paths import resources_dir
from forsell.store.consent_hold import ABROAD, RECORDING

from .. import settings as s

#: What a consent is given for: recording counter conversations; sending that audio to a speech
#: provider outside Kazakhstan (a cross-border transfer needs a consent of its own).
PURPOSES = (RECORDING, ABROAD)
LANGUAGES = ("ru", "kk", "en")

#: Put in place of the BIN while the store has none on file.
NOT_REGISTERED = {
    "ru": "ещё не зарегистрирован",
    "kk": "әлі тіркелмеген",
    "en": "not registered yet",
}


def consent_dir() -> Path:
    """Where the consent texts are shipped."""
    return resources_dir() / "privacy" / "consent"


def versions(folder: Path | None = None) -> list[str]:
    """Every shipped version, oldest first."""
    root = folder or consent_dir()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "ru.md").is_file())


def current_version(folder: Path | None = None) -> str:
    """The version in force: the newest shipped."""
    return versions(folder)[-1]


@dataclass(frozen=True)
class ConsentText:
    version: str
    language: str
    markdown: str  # operator, BIN and version filled in


def consent_text(
    settings: s.Settings,
    language: str = "ru",
    version: str | None = None,
    folder: Path | None = None,
) -> ConsentText:
    """The consent text in ``language`` (ru, kk, en; another falls back to ru), of ``version``
    (None: the one in force), naming this store as the operator with its BIN.

    Raises ``CashierError`` ``consent.unknown_version`` for a version that is not shipped."""
    language = language if language in LANGUAGES else "ru"
    version = version or current_version(folder)
    path = (folder or consent_dir()) / version / f"{language}.md"
    if version not in versions(folder) or not path.is_file():
        raise CashierError(
            "consent.unknown_version", "No consent text of version {version}", version=version
        )
    bin_ = settings.get(s.STORE_BIN).strip() or NOT_REGISTERED[language]
    text = (
        path.read_text(encoding="utf-8")
        .replace("{operator}", settings.get(s.STORE_NAME))
        .replace("{bin}", bin_)
        .replace("{version}", version)
    )
    return ConsentText(version, language, text)
