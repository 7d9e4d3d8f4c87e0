#!/usr/bin/env bash
# Prepares this machine to run 4Sell Cashier from the source tree (and, with --test, its tests;
# with --headless, what run-app.sh needs without a desktop session: Xvfb, D-Bus, gnome-keyring).
#
#   bash installer/linux/setup.sh [--test] [--headless]
#
# Idempotent and quick the second time: system packages are installed only when missing
# (Debian/Ubuntu, as root; otherwise the apt command is printed), the virtual environment in
# <repo>/.venv is created once, and pip runs again only when the dependencies changed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$REPO/.venv"
WITH_TESTS=0
HEADLESS=0

for arg in "$@"; do
  case "$arg" in
    --test) WITH_TESTS=1 ;;
    --headless) HEADLESS=1 ;;
    -h|--help) sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg (use --test, --headless or --help)" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*"; }

# What the app needs at run time. The first line is enough for offscreen Qt; fonts-dejavu-core
# covers Cyrillic, the Kazakh letters and ₸; libpulse0 is needed by QtMultimedia; PortAudio needs
# libasound2-plugins to reach PulseAudio and libasound2-data for alsa.conf. The xcb group is for a
# real window (desktop or Xvfb).
APP_PACKAGES=(
  ca-certificates libegl1 libgl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libglib2.0-0
  libdbus-1-3 libpulse0 libportaudio2 libasound2-plugins libasound2-data
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxkbcommon-x11-0 libxrandr2
  # Ogg Opus encoder for recordings (audio/libopusenc.py): without it the app falls back to
  # libsndfile's encoder, which costs ~2.5x the CPU.
  libopusenc0
)
# The tests' real platform services: a PulseAudio null sink fed with espeak speech, a private
# D-Bus session with gnome-keyring (Secret Service), Xvfb for real windows, trayer (a real XEmbed
# system tray) and xdotool to drive the tray icon like a user.
# Never dbus-x11 (it autolaunches stray D-Bus daemons) and never keyrings.alt (plain-file secrets).
TEST_PACKAGES=(pulseaudio pulseaudio-utils espeak-ng sox opus-tools dbus gnome-keyring xvfb xauth
               trayer xdotool)
# FORSELL_HEADLESS=1 run-app.sh: a private X display, and a private Secret Service when the
# machine has none.
HEADLESS_PACKAGES=(xvfb xauth dbus gnome-keyring)

# --- Python 3.11+ ---------------------------------------------------------------------------

python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

PYTHON=""
for candidate in "${PYTHON_FOR_VENV:-}" python3 python3.13 python3.12 python3.11; do
  if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null && python_ok "$candidate"; then
    PYTHON="$candidate"
    break
  fi
done

# --- system packages ------------------------------------------------------------------------

wanted=("${APP_PACKAGES[@]}")
if (( WITH_TESTS )); then wanted+=("${TEST_PACKAGES[@]}"); fi
if (( HEADLESS )); then wanted+=("${HEADLESS_PACKAGES[@]}"); fi
# A system Python without ensurepip cannot make a venv (Debian splits it into python3-venv).
if [[ -z "$PYTHON" ]] || ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  wanted+=(python3 python3-venv)
fi

if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null \
               | awk '$2 == "installed" { print $1 }' || true)"
  missing=()
  for pkg in "${wanted[@]}"; do
    grep -qxF "$pkg" <<<"$installed" || missing+=("$pkg")
  done
  if (( ${#missing[@]} == 0 )); then
    say "system packages: all ${#wanted[@]} installed"
  elif [[ "$(id -u)" == 0 ]]; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
  else
    say "these system packages are missing; as root, run:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    say "continuing without them"
  fi
else
  say "not a Debian/Ubuntu system: install the equivalents of: ${wanted[*]}"
fi

# A fresh Debian may have received its Python just now.
if [[ -z "$PYTHON" ]] && command -v python3 >/dev/null && python_ok python3; then
  PYTHON=python3
fi
if [[ -z "$PYTHON" ]]; then
  found="$(python3 --version 2>&1 || echo 'no python3')"
  echo "setup: 4Sell Cashier needs Python 3.11 or newer; found: $found." >&2
  echo "setup: install python3.11+ (or set PYTHON_FOR_VENV=/path/to/python3.11) and rerun." >&2
  exit 1
fi

# --- virtual environment --------------------------------------------------------------------

if [[ -x "$VENV/bin/python" ]] && ! python_ok "$VENV/bin/python"; then
  say "$VENV has an old Python; recreating it"
  rm -rf "$VENV"
fi
if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating $VENV with $("$PYTHON" --version)"
  "$PYTHON" -m venv "$VENV"
fi

# The app with the FAKE servers of `forsell-cashier demo` (the "fakes" extra); the tests' extra
# holds the same packages and more.
target=".[fakes]"
if (( WITH_TESTS )); then target=".[test]"; fi
# Re-run pip only when the dependencies (pyproject.toml), their exact versions (constraints.txt,
# refreshed by installer/linux/lock.sh) or the extras asked for changed.
stamp="$VENV/.forsell-setup"
deps_hash="$(cat "$REPO/pyproject.toml" "$REPO/constraints.txt" | sha256sum | cut -d' ' -f1)"
want_stamp="$target $deps_hash"
if [[ -f "$stamp" ]] && { grep -qxF "$want_stamp" "$stamp" \
     || { [[ "$target" == ".[fakes]" ]] && grep -qxF ".[test] ${want_stamp#* }" "$stamp"; }; }; then
  say "python packages: up to date ($VENV)"
else
  say "installing 4Sell Cashier into $VENV (pip install -c constraints.txt -e '$target')"
  (cd "$REPO" && "$VENV/bin/python" -m pip install --disable-pip-version-check -q \
     -c constraints.txt -e "$target")
  echo "$want_stamp" >"$stamp"
fi

# keyrings.alt would silently become the default keyring and keep secrets in a plain file.
if "$VENV/bin/python" -c 'import keyrings.alt' 2>/dev/null; then
  say "removing keyrings.alt from $VENV (it stores secrets in clear)"
  "$VENV/bin/python" -m pip uninstall -y -q keyrings.alt
fi

say "ready: $VENV/bin/forsell-cashier"
