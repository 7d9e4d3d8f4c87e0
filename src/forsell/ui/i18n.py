"""UI languages: Qt Linguist catalogs (.qm), live switching and pseudo-localisation.

The .qm files are compiled from resources/i18n/*.ts by the build; a missing one leaves the English
source text on screen (never a crash). ``FORSELL_PSEUDO_L10N=1`` stretches every string so that a
cramped layout shows up before a real translation does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from forsell.domain import numbers
from forsell.paths import resources_dir

#: Language code → its own name (shown untranslated, so everyone finds their language).
LANGUAGES: dict[str, str] = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
DEFAULT_LANGUAGE = "ru"

_ACCENTS = str.maketrans("aeiouyAEIOUYcnsz", "àéîõüýÀÉÎÕÜÝçñšž")
# Placeholders ({name}), HTML tags and &-mnemonics must survive pseudo-localisation untouched.
_KEEP = re.compile(r"(\{[^}]*\}|<[^>]*>|&\w+;|%n|%\d)")


def pseudo(text: str) -> str:
    """``"Pay"`` → ``"[Pàý~~]"``: accented and about 40 % longer, placeholders kept."""
    if not text:
        return text
    parts = [p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in _KEEP.split(text)]
    visible = len(_KEEP.sub("", text))
    return "[" + "".join(parts) + "~" * max(2, (visible * 2) // 5) + "]"


def pseudo_enabled() -> bool:
    return os.environ.get("FORSELL_PSEUDO_L10N", "") not in ("", "0")


class PseudoTranslator(QTranslator):
    """Answers every lookup with a stretched copy of the source text."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if len(context) > 1 and context[0] == "Q" and context[1].isupper():
            return None  # null, not "": Qt then keeps its own strings (key names, buttons)
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def qm_path(language: str) -> Path:
    return resources_dir() / "i18n" / f"forsell_{language}.qm"


def load_translator(language: str) -> QTranslator | None:
    """Our catalog for ``language``, or None when it is English (the source) or not built yet."""
    translator = QTranslator()
    path = qm_path(language)
    if language != "en" and path.exists() and translator.load(str(path)):
        return translator
    return None


# Qt's own catalog for a language may leave texts out; the fallback's catalog fills the gaps.
# Qt's Kazakh catalog is smaller than its Russian one: where it has no text, Russian, which
# every Kazakh-speaking cashier reads, beats English.
QT_FALLBACK: dict[str, str] = {"kk": "ru"}


# Texts of Qt's file dialog its Russian catalog lacks; our catalogs translate them (ours is
# installed after Qt's, so it is asked first). Qt's Kazakh catalog has them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def qt_translators(language: str) -> list[QTranslator]:
    """Qt's own texts (file and print dialogs, standard buttons) in ``language``: its fallback
    first, as translators installed later are asked first."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = []
    for code in (QT_FALLBACK.get(language), language):
        translator = QTranslator()
        if code and code != "en" and translator.load(QLocale(code), "qtbase", "_", folder):
            found.append(translator)
    return found


class Languages:
    """The translators installed in the application; one language at a time."""

    def __init__(self) -> None:
        self.current = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []
        #: The default locale before this object switched it (dates, numbers, and the screens
        #: that ask QLocale which language they speak), given back by ``uninstall``.
        self._locale_before: QLocale | None = None
        self._numbers_before: str | None = None

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:  # with the application gone, its translators went with it
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed = []
        if self._locale_before is not None:
            QLocale.setDefault(self._locale_before)
            self._locale_before = None
        if self._numbers_before is not None:
            numbers.set_language(self._numbers_before)
            self._numbers_before = None

    def switch(self, language: str) -> None:
        """Installs ``language`` at once: Qt sends LanguageChange and every screen retranslates."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        self.uninstall()
        app = QCoreApplication.instance()
        assert app is not None, "languages are switched in a running QApplication"
        self._installed += qt_translators(language)
        ours = load_translator(language)
        if ours is not None:
            self._installed.append(ours)
        if pseudo_enabled():
            self._installed.append(PseudoTranslator())
        for translator in self._installed:
            app.installTranslator(translator)
        self.current = language
        self._locale_before = QLocale()
        QLocale.setDefault(QLocale(language))
        # Money, percentages and quantities change their separators with the language.
        self._numbers_before = numbers.current_language()
        numbers.set_language(language)


class ReceiptTexts:
    """Receipt labels in the store's receipt language, independent of the cashier's UI language."""

    CONTEXT = "Receipt"

    def __init__(self, language: str) -> None:
        self.language = language
        self._translator = PseudoTranslator() if pseudo_enabled() else load_translator(language)

    def __call__(self, source: str) -> str:
        if self._translator is None:
            return source
        return self._translator.translate(self.CONTEXT, source) or source
