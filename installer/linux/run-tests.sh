#!/usr/bin/env bash
# Sets the machine up (setup.sh --test) and runs the whole test suite against real platform
# services: a PulseAudio daemon whose null sink "counter" is heard by the remapped microphone
# "virtmic", and a private D-Bus session with an unlocked gnome-keyring (Secret Service), all in
# a fresh temporary HOME. Offscreen Qt. Extra arguments go to pytest; its exit code is ours.
#
#   bash installer/linux/run-tests.sh [pytest args...]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$REPO/.venv"

bash "$REPO/installer/linux/setup.sh" --test

WORK="$(mktemp -d -t forsell-tests.XXXXXX)"
PULSE_PID=""

cleanup() {
  # Only what this script started: our PulseAudio (by its PID), then the scratch folder.
  if [[ -n "$PULSE_PID" ]] && kill -0 "$PULSE_PID" 2>/dev/null; then
    kill "$PULSE_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$PULSE_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Everything below sees the scratch HOME (keyring file, pulse cookie, platformdirs' data folder),
# never the user's. pip has already run, so the real pip cache is not needed any more.
export HOME="$WORK/home"
export XDG_RUNTIME_DIR="$WORK/xdg"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Every client must use this server (a stale ~/.config/pulse/*-runtime link would mislead them).
export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"

pulse_failed() {
  echo "run-tests: PulseAudio did not start; its log:" >&2
  cat "$XDG_RUNTIME_DIR/pulse.log" >&2 || true
  exit 1
}
# --no-cpu-limit: PulseAudio's own watchdog ends the daemon when it gets "too much" CPU for a
# while, which a loaded 2-core CI machine can look like; no realtime threads for the same reason.
# --disable-shm: clients send audio over the socket, not in shared memory. Two CI runs side by
# side aborted PulseAudio 16.1 in memblock_replace_import (an assertion on imported shared-memory
# blocks) while tests played and recorded; without shared memory that path is never taken, and a
# 16 kHz mono test stream needs no zero-copy.
pulseaudio --daemonize=yes -n --exit-idle-time=-1 --disallow-exit --no-cpu-limit \
  --high-priority=no --realtime=no --disable-shm=yes --enable-memfd=no \
  --log-target="file:$XDG_RUNTIME_DIR/pulse.log" \
  -L module-native-protocol-unix \
  -L "module-null-sink sink_name=counter rate=16000 channels=1 sink_properties=device.description=Counter" \
  -L "module-remap-source master=counter.monitor source_name=virtmic source_properties=device.description=VirtualMic" \
  || pulse_failed
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
PULSE_PID="$(cat "$XDG_RUNTIME_DIR/pulse/pid" 2>/dev/null || true)"
pactl info >/dev/null 2>&1 || pulse_failed
pactl set-default-sink counter
pactl set-default-source virtmic
echo "run-tests: PulseAudio up: $(pactl info | grep -E '^(Server Name|Server Version)' | paste -sd' ')," \
     "default source $(pactl get-default-source)"

export QT_QPA_PLATFORM=offscreen
export QT_LOGGING_RULES="qt.multimedia.symbolsresolver=false"
export PYTHONDONTWRITEBYTECODE=1
unset PYTHON_KEYRING_BACKEND

cd "$REPO"
# The whole suite (no arguments) runs as two pytest processes side by side, one per core: the
# screens (tests/ui, tests/packaging) and everything else. Every test that plays or records
# through the shared PulseAudio sink stays in the second one, so no two of them ever overlap;
# each test has its own data folder, keyring entries and X display. FORSELL_TEST_SPLIT=0 runs
# them as one process. With arguments, pytest gets exactly those.
HALVES=0
if (( $# == 0 )) && [[ "${FORSELL_TEST_SPLIT:-1}" != 0 ]]; then
  HALVES=1
  mapfile -t SCREENS < <(cd "$REPO" && ls tests/ui/test_*.py | grep -v -E 'test_recording_(speech|admin|indicator)\.py$')
  SCREENS+=(tests/packaging)
  IGNORE=()
  for path in "${SCREENS[@]}"; do IGNORE+=("--ignore=$path"); done
fi
export HALVES WORK
set +e
# gnome-keyring-daemon ends with the private bus when dbus-run-session's child exits.
if (( HALVES )); then
  dbus-run-session -- bash -c '
    set -e
    echo -n forsell-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$0" -c "import keyring; k = keyring.get_keyring(); print(\"run-tests: keyring backend:\", k.name, \"(\" + type(k).__module__ + \")\")"
    count=$1; shift
    screens=("${@:1:$count}"); shift "$count"
    echo "run-tests: two halves side by side: ${#screens[@]} screen test files; the rest"
    "$0" -m pytest -p no:cacheprovider "${screens[@]}" >"$WORK/screens.log" 2>&1 &
    screens_pid=$!
    set +e
    "$0" -m pytest -p no:cacheprovider "$@"
    rest=$?
    wait "$screens_pid"
    first=$?
    echo "run-tests: ---- the screens half (tests/ui, tests/packaging) ----"
    cat "$WORK/screens.log"
    echo "run-tests: the rest exited $rest, the screens half $first"
    (( rest == 0 && first == 0 ))
  ' "$VENV/bin/python" "${#SCREENS[@]}" "${SCREENS[@]}" "${IGNORE[@]}"
else
  dbus-run-session -- bash -c '
    set -e
    echo -n forsell-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$0" -c "import keyring; k = keyring.get_keyring(); print(\"run-tests: keyring backend:\", k.name, \"(\" + type(k).__module__ + \")\")"
    exec "$0" -m pytest "$@"
  ' "$VENV/bin/python" "$@"
fi
status=$?
set -e
if [[ -n "$PULSE_PID" ]] && ! kill -0 "$PULSE_PID" 2>/dev/null; then
  # Audio tests failing with "Connection refused" mean the daemon died: say why, from its log.
  echo "run-tests: PulseAudio (pid $PULSE_PID) ended during the tests; the end of its log:" >&2
  tail -n 20 "$XDG_RUNTIME_DIR/pulse.log" >&2 || true
fi
exit "$status"
