#!/usr/bin/env bash
# Refreshes the Qt Linguist catalogs from the UI sources and compiles them.
#
#   bash installer/update-translations.sh            # uses .venv/bin of the repo
#   VENV=/path/to/venv bash installer/update-translations.sh
#
# 1. pyside6-lupdate reads every src/forsell/ui/*.py, and the settings registry
#    (src/forsell/domain/settings.py: labels and descriptions the admin screen shows, marked with
#    QT_TRANSLATE_NOOP), into resources/i18n/forsell_{ru,kk,en}.ts:
#    existing translations are kept, new texts arrive as "unfinished", texts gone from the code
#    are dropped (-no-obsolete) so the catalogs never carry dead entries.
# 2. pyside6-lrelease compiles each .ts into the .qm that forsell.ui.i18n loads.
# Running it twice changes nothing. New texts then need translating in Qt Linguist
# (pyside6-linguist resources/i18n/forsell_ru.ts) before tests/ui/test_translations.py passes.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
VENV="${VENV:-.venv}"
LUPDATE="$VENV/bin/pyside6-lupdate"
LRELEASE="$VENV/bin/pyside6-lrelease"
for tool in "$LUPDATE" "$LRELEASE"; do
  if [[ ! -x "$tool" ]]; then
    echo "update-translations: $tool not found; set VENV to a venv with PySide6" >&2
    exit 1
  fi
done

LANGS=(ru kk en)
I18N=resources/i18n
mkdir -p "$I18N"
shopt -s nullglob
sources=(src/forsell/ui/*.py src/forsell/ui/*/*.py)  # screens and their packages (ui/review)
(( ${#sources[@]} )) || { echo "update-translations: no src/forsell/ui/*.py" >&2; exit 1; }
sources+=(src/forsell/domain/settings.py)  # the settings' labels and descriptions

for lang in "${LANGS[@]}"; do
  # -locations none: line numbers would make every unrelated edit churn the catalogs.
  "$LUPDATE" "${sources[@]}" -ts "$I18N/forsell_$lang.ts" -target-language "$lang" \
    -no-obsolete -locations none -silent
done
for lang in "${LANGS[@]}"; do
  "$LRELEASE" "$I18N/forsell_$lang.ts" -qm "$I18N/forsell_$lang.qm" -silent
done
echo "update-translations: ${LANGS[*]} updated in $I18N"
