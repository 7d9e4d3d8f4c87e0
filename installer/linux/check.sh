#!/usr/bin/env bash
# The style and type checks CI runs before the tests; run them before you push:
#
#   bash installer/linux/check.sh
#
#   ruff check            lint rules chosen in pyproject.toml [tool.ruff.lint]
#   ruff format --check   the formatter's layout ([tool.ruff.format]); `ruff format` applies it
#   mypy                  types, at the level set in pyproject.toml [tool.mypy]
#
# All three run even when one fails, so one pass shows every problem; the exit code is non-zero
# when any failed. Uses the tools pinned in constraints.txt (bash installer/linux/setup.sh --test).
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$REPO/.venv/bin"
cd "$REPO"

for tool in ruff mypy; do
  if [[ ! -x "$BIN/$tool" ]]; then
    echo "check: $BIN/$tool is missing; run: bash installer/linux/setup.sh --test" >&2
    exit 2
  fi
done

failed=()
run() {
  local name="$1"
  shift
  local start=$SECONDS
  echo "check: $name"
  if "$@"; then
    echo "check: $name passed ($((SECONDS - start)) s)"
  else
    echo "check: $name FAILED ($((SECONDS - start)) s)" >&2
    failed+=("$name")
  fi
}

run "ruff check" "$BIN/ruff" check --no-fix .
run "ruff format --check" "$BIN/ruff" format --check .
# The mypy cache makes the second run take seconds instead of half a minute.
run "mypy" "$BIN/mypy"

if (( ${#failed[@]} )); then
  (IFS=,; echo "check: failed: ${failed[*]}" >&2)
  echo "check: \`$BIN/ruff check --fix . && $BIN/ruff format .\` repairs most lint and layout" >&2
  exit 1
fi
echo "check: all passed"
