#!/usr/bin/env bash
# Runs tests/bench/run_all.py (arguments passed on) with the platform services the app uses, in
# a scratch HOME: a private D-Bus session with an unlocked gnome-keyring (the key vault, so the
# cold start's review preparation and the recordings run for real) and a PulseAudio daemon whose
# null sink "counter" is heard by the microphone "virtmic" (the audio soak). Offscreen Qt.
#
#   bash tests/bench/run.sh [--quick] [--only NAME ...]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="$REPO/.venv/bin/python"
WORK="$(mktemp -d -t forsell-bench.XXXXXX)"
PULSE_PID=""

cleanup() {
  # Only what this script started: our PulseAudio (by its PID), then the scratch folder.
  if [[ -n "$PULSE_PID" ]] && kill -0 "$PULSE_PID" 2>/dev/null; then
    kill "$PULSE_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$PULSE_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  # The keyring daemon may still be writing as the bus closes: the benches' status counts.
  rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK" || true; }
}
trap cleanup EXIT

export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/xdg"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export PYTHONPATH="$REPO/src${PYTHONPATH:+:$PYTHONPATH}"
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.multimedia.symbolsresolver=false"
unset PYTHON_KEYRING_BACKEND

if command -v pulseaudio >/dev/null; then
  export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"
  pulseaudio --daemonize=yes -n --exit-idle-time=-1 --disallow-exit \
    --log-target="file:$XDG_RUNTIME_DIR/pulse.log" \
    -L module-native-protocol-unix \
    -L "module-null-sink sink_name=counter rate=16000 channels=1" \
    -L "module-remap-source master=counter.monitor source_name=virtmic" >&2 || true
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  PULSE_PID="$(cat "$XDG_RUNTIME_DIR/pulse/pid" 2>/dev/null || true)"
  if pactl info >/dev/null 2>&1; then
    pactl set-default-sink counter && pactl set-default-source virtmic
  else
    echo "run.sh: PulseAudio did not start; the audio soak will say so" >&2
    unset PULSE_SERVER
  fi
fi

cd "$REPO"
# gnome-keyring-daemon ends with the private bus when dbus-run-session's child exits.
set +e
dbus-run-session -- bash -c '
  echo -n forsell-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$0" tests/bench/run_all.py "$@"
' "$PY" "$@"
status=$?
set -e
exit "$status"
