#!/usr/bin/env bash
# Sets the machine up (setup.sh) and starts 4Sell Cashier. Arguments go to forsell-cashier,
# e.g. `run-app.sh --data-dir /srv/till`, `run-app.sh doctor` or `run-app.sh demo`.
#
# The till needs a display and a secret store. FORSELL_HEADLESS=1 (kiosk, UI automation) runs
# it without a desktop session: on a private Xvfb display :97, and, when no Secret Service is
# reachable, with a private D-Bus session and gnome-keyring whose keyring is kept in
# ~/.local/share/forsell-cashier-keyring, unlocked with the password in
# ~/.config/forsell-cashier/keyring-password (made on first use, readable by this user only).
# Everything started here is stopped when the app exits.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$REPO/.venv"
APP="$VENV/bin/forsell-cashier"
HEADLESS="${FORSELL_HEADLESS:-0}"

if [[ "$HEADLESS" == 1 ]]; then
  bash "$REPO/installer/linux/setup.sh" --headless
else
  bash "$REPO/installer/linux/setup.sh"
fi

# doctor, --version and --help print text: no display needed.
needs_display=1
for arg in "$@"; do
  case "$arg" in doctor|--version|-h|--help) needs_display=0 ;; esac
done

if [[ "$HEADLESS" != 1 ]]; then
  if (( !needs_display )) || [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "$APP" "$@"
  fi
  echo "run-app: no display found: run this from a desktop session (or set DISPLAY)" >&2
  echo "run-app: (FORSELL_HEADLESS=1 runs the till on a private Xvfb display :97)" >&2
  exit 1
fi

# --- headless ---------------------------------------------------------------------------------
PIDS=()        # what this script started, stopped in reverse order
SCRATCH=""
stop_all() {
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  if [[ -n "$SCRATCH" ]]; then rm -rf "$SCRATCH"; fi
}
trap stop_all EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

secret_service_answers() {
  "$VENV/bin/python" -c 'from keyring.backends import SecretService as s; s.Keyring.priority' \
    >/dev/null 2>&1
}

# A private Secret Service for a machine without a desktop session. Its keyring persists under
# the user's HOME (the recordings' key-encryption key lives in it: a keyring made anew every run
# would leave every earlier recording unreadable), so it is unlocked with the same password each
# time: a random one kept in a file only this user can read. That makes the keyring as safe as
# the user account, no more; a shop till should run in a desktop session whose login keyring is
# unlocked by the user's own password.
start_private_keyring() {
  local data="${FORSELL_KEYRING_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/forsell-cashier-keyring}"
  local config="${XDG_CONFIG_HOME:-$HOME/.config}/forsell-cashier"
  local password="${FORSELL_KEYRING_PASSWORD_FILE:-$config/keyring-password}"
  local tool
  for tool in dbus-daemon gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
      echo "run-app: no Secret Service is reachable and $tool is missing; as root, run:" >&2
      echo "  sudo apt-get install -y --no-install-recommends dbus gnome-keyring" >&2
      exit 1
    fi
  done
  if [[ ! -f "$password" ]]; then
    if [[ -e "$data/keyrings/login.keyring" ]]; then
      echo "run-app: the headless keyring $data/keyrings/login.keyring exists but its password" \
           "file $password is gone: it cannot be opened. Restore the file, or move the keyring" \
           "away to start a new one (recordings made under the old one stay unreadable)." >&2
      exit 1
    fi
    (umask 077 && mkdir -p "$(dirname "$password")" \
      && head -c 32 /dev/urandom | base64 >"$password")
    echo "run-app: made a password for the headless keyring: $password (mode 600)"
  fi
  if [[ "$(stat -c %a "$password")" != 600 && "$(stat -c %a "$password")" != 400 ]]; then
    echo "run-app: $password is readable by others; run: chmod 600 '$password'" >&2
    exit 1
  fi
  (umask 077 && mkdir -p "$data")
  SCRATCH="$(mktemp -d -t forsell-keyring.XXXXXX)"   # the daemon's control socket, not the user's
  local bus
  bus="$(dbus-daemon --session --fork --print-address=1 --print-pid=1)"
  export DBUS_SESSION_BUS_ADDRESS="${bus%%$'\n'*}"
  PIDS+=("${bus##*$'\n'}")
  # The password goes through a pipe, never through the command line.
  tr -d '\n' <"$password" | XDG_DATA_HOME="$data" XDG_RUNTIME_DIR="$SCRATCH" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$SCRATCH/daemon.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 100); do secret_service_answers && break; sleep 0.05; done
  if ! "$VENV/bin/python" -c 'from keyring.backends import SecretService as s
s.Keyring().get_password("forsell-cashier-run-app", "probe")' >/dev/null 2>&1; then
    echo "run-app: the headless keyring in $data did not open with the password in" \
         "$password; gnome-keyring said:" >&2
    cat "$SCRATCH/daemon.log" >&2 || true
    exit 1
  fi
  echo "run-app: private Secret Service (gnome-keyring, keyring in $data)"
}

if ! secret_service_answers; then
  start_private_keyring
fi

if (( needs_display )); then
  if [[ -e /tmp/.X11-unix/X97 || -e /tmp/.X97-lock ]]; then
    echo "run-app: display :97 is already in use (stale /tmp/.X97-lock?); stop that X server first" >&2
    exit 1
  fi
  Xvfb :97 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 100); do [[ -S /tmp/.X11-unix/X97 ]] && break; sleep 0.05; done
  if [[ ! -S /tmp/.X11-unix/X97 ]]; then
    echo "run-app: Xvfb did not start on :97 (is the xvfb package installed?)" >&2
    exit 1
  fi
  echo "run-app: headless on Xvfb :97 (pid ${PIDS[-1]})"
  export DISPLAY=:97
  unset WAYLAND_DISPLAY
fi

# In the background so that a TERM to this script reaches the app and what it needs at once.
"$APP" "$@" &
PIDS+=("$!")
set +e
wait "${PIDS[-1]}"
status=$?
set -e
unset 'PIDS[-1]'  # it has exited: its PID is no longer ours to signal
exit "$status"
