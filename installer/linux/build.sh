#!/usr/bin/env bash
# Builds what a shop installs: the PyInstaller bundle (one folder) and the Debian package.
#
#   bash installer/linux/build.sh [--flavour shop|demo] [--skip-deb]
#
# Produces, under dist/:
#   dist/forsell-cashier/                     the bundle (run dist/forsell-cashier/forsell-cashier)
#   dist/forsell-cashier_<version>_<arch>.deb  the package: /opt/forsell-cashier, /usr/bin link,
#                                             menu entry, icon, tray autostart at login
#   dist/build-report.json                    bundle size, build time, the size budget
# The "demo" flavour (forsell-cashier-demo, never for a shop) adds the FAKE servers for
# `forsell-cashier demo`; it gets a bundle but no package.
#
# Needs the development set-up (setup.sh, run here with the "build" extra: PyInstaller) and, for
# the package, dpkg-deb (every Debian/Ubuntu has it). The build machine's PortAudio, libopusenc
# and DejaVu Sans go into the bundle, so it must have libportaudio2, libopusenc0 and
# fonts-dejavu-core (setup.sh installs them).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$REPO/.venv"
FLAVOUR=shop
MAKE_DEB=1
while (( $# )); do
  case "$1" in
    --flavour) FLAVOUR="${2:?--flavour needs shop or demo}"; shift ;;
    --skip-deb) MAKE_DEB=0 ;;
    -h|--help) sed -n '2,18s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$FLAVOUR" in shop) NAME=forsell-cashier ;; demo) NAME=forsell-cashier-demo; MAKE_DEB=0 ;;
  *) echo "build.sh: --flavour must be shop or demo" >&2; exit 2 ;; esac

say() { echo "build: $*"; }
# What is built is for every user of a till: readable by all (make-deb.sh sets the modes of
# the package's files again, whatever this umask was).
umask 022

bash "$REPO/installer/linux/setup.sh" --test
if ! "$VENV/bin/python" -c 'import PyInstaller' 2>/dev/null; then
  say "installing PyInstaller into $VENV (the build extra)"
  (cd "$REPO" && "$VENV/bin/python" -m pip install --disable-pip-version-check -q \
     -c constraints.txt -e '.[build]')
fi

VERSION="$("$VENV/bin/python" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$REPO/pyproject.toml")"
DIST="$REPO/dist"
WORK="$REPO/build/pyinstaller-$FLAVOUR"
mkdir -p "$DIST"
started=$(date +%s)
say "bundle $NAME $VERSION ($FLAVOUR) with $("$VENV/bin/pyinstaller" --version) ..."
FORSELL_FLAVOUR="$FLAVOUR" PYTHONPATH="$REPO/src" "$VENV/bin/pyinstaller" --noconfirm --clean \
  --log-level WARN --distpath "$DIST" --workpath "$WORK" "$REPO/installer/forsell-cashier.spec"
bundle_seconds=$(( $(date +%s) - started ))
BUNDLE="$DIST/$NAME"
size_mb=$(( $(du -sk "$BUNDLE" | cut -f1) / 1024 ))
say "bundle: $BUNDLE, ${size_mb} MB, built in ${bundle_seconds} s"

# The budget: what the bundle may weigh before someone must look at what crept in (measured
# 0.1.0: ~315 MB, of which Qt ~100 MB, numpy ~42 MB, Python ~35 MB).
BUDGET_MB=360
if (( size_mb > BUDGET_MB )); then
  echo "build: the bundle is ${size_mb} MB, over its ${BUDGET_MB} MB budget" >&2
  exit 1
fi
"$BUNDLE/forsell-cashier" --version >/dev/null  # a bundle that cannot start is no build

deb=""
if (( MAKE_DEB )); then
  deb="$(bash "$REPO/installer/linux/make-deb.sh" "$BUNDLE" "$VERSION" "$DIST")"
  say "package: $deb ($(( $(stat -c %s "$deb") / 1024 / 1024 )) MB)"
fi
cat >"$DIST/build-report.json" <<JSON
{"name": "$NAME", "version": "$VERSION", "flavour": "$FLAVOUR", "bundle": "$BUNDLE",
 "bundle_mb": $size_mb, "budget_mb": $BUDGET_MB, "bundle_seconds": $bundle_seconds,
 "deb": "${deb}", "total_seconds": $(( $(date +%s) - started ))}
JSON
say "done in $(( $(date +%s) - started )) s; report: $DIST/build-report.json"
