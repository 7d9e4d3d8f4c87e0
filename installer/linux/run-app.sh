#!/usr/bin/env bash
# Sets the machine up (setup.sh) and starts 4Sell Cashier. Arguments go to forsell-cashier,
# e.g. `run-app.sh --data-dir /srv/till` or `run-app.sh doctor`.
#
# The till needs a display. FORSELL_HEADLESS=1 starts a private Xvfb on :97 and runs the app
# there (kiosk and UI automation tests); Xvfb is stopped when the app exits.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="$REPO/.venv/bin/forsell-cashier"

bash "$REPO/installer/linux/setup.sh"

# doctor, --version and --help print text: no display needed.
needs_display=1
for arg in "$@"; do
  case "$arg" in doctor|--version|-h|--help) needs_display=0 ;; esac
done

if (( !needs_display )) || [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "${FORSELL_HEADLESS:-0}" != 1 ]]; then
  exec "$APP" "$@"
fi

if [[ "${FORSELL_HEADLESS:-0}" != 1 ]]; then
  echo "run-app: no display found: run this from a desktop session (or set DISPLAY)" >&2
  echo "run-app: (FORSELL_HEADLESS=1 runs the till on a private Xvfb display :97)" >&2
  exit 1
fi

# --- headless: our own Xvfb on :97 ------------------------------------------------------------
if [[ -e /tmp/.X11-unix/X97 || -e /tmp/.X97-lock ]]; then
  echo "run-app: display :97 is already in use (stale /tmp/.X97-lock?); stop that X server first" >&2
  exit 1
fi
Xvfb :97 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
APP_PID=""
stop_all() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; fi
  kill "$XVFB_PID" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
for _ in $(seq 100); do [[ -S /tmp/.X11-unix/X97 ]] && break; sleep 0.05; done
if [[ ! -S /tmp/.X11-unix/X97 ]]; then
  echo "run-app: Xvfb did not start on :97 (is the xvfb package installed?)" >&2
  exit 1
fi
echo "run-app: headless on Xvfb :97 (pid $XVFB_PID)"
export DISPLAY=:97
unset WAYLAND_DISPLAY
# In the background so that a TERM to this script reaches the app and Xvfb at once.
"$APP" "$@" &
APP_PID=$!
set +e
wait "$APP_PID"
status=$?
set -e
APP_PID=""
exit "$status"
