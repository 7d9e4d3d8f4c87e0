#!/usr/bin/env bash
# Wraps a built bundle into a Debian package; build.sh calls it. Prints the .deb's path.
#
#   bash installer/linux/make-deb.sh BUNDLE_DIR VERSION OUT_DIR
#
# Layout: the bundle in /opt/forsell-cashier, the command in /usr/bin, the menu entry and icon in
# /usr/share, the tray autostart in /etc/xdg/autostart (every desktop session starts
# `forsell-cashier --tray` at login; the tray does nothing when the till already runs).
# Depends: the system libraries the bundle does not carry (OpenGL/EGL, X11/xcb, fontconfig, D-Bus,
# ALSA with its PulseAudio plugin); Recommends: a Secret Service and a sound server.
set -euo pipefail

BUNDLE="$(cd "$1" && pwd)"
VERSION="$2"
OUT="$(mkdir -p "$3" && cd "$3" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ARCH="$(dpkg --print-architecture)"
PKG=forsell-cashier

ROOT="$(mktemp -d -t forsell-deb.XXXXXX)"
trap 'rm -rf "$ROOT"' EXIT

install -d "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/etc/xdg/autostart" \
  "$ROOT/usr/share/doc/$PKG"
cp -a "$BUNDLE" "$ROOT/opt/$PKG"
# Every user of the machine runs the till: the files are readable by all, programs and folders
# executable, whatever umask built them (a test run builds under the app's private 0077).
chmod -R u=rwX,go=rX "$ROOT/opt/$PKG"
ln -s "/opt/$PKG/forsell-cashier" "$ROOT/usr/bin/forsell-cashier"
install -m 644 "$HERE/deb/forsell-cashier.desktop" "$ROOT/usr/share/applications/"
install -m 644 "$HERE/deb/forsell-cashier-tray.desktop" "$ROOT/etc/xdg/autostart/"
install -m 644 "$REPO/resources/icons/forsell-cashier.svg" \
  "$ROOT/usr/share/icons/hicolor/scalable/apps/forsell-cashier.svg"
install -m 644 "$HERE/deb/copyright" "$ROOT/usr/share/doc/$PKG/copyright"
for script in postinst postrm; do install -m 755 "$HERE/deb/$script" "$ROOT/DEBIAN/$script"; done
echo "/etc/xdg/autostart/forsell-cashier-tray.desktop" >"$ROOT/DEBIAN/conffiles"

installed_kb="$(du -sk "$ROOT" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$installed_kb/" \
  "$HERE/deb/control.in" >"$ROOT/DEBIAN/control"

# Files belong to root whoever builds; dpkg-deb needs no fakeroot for that. gzip, not xz: a
# third of the time on a 2-core machine for a 10 % bigger file, and every dpkg reads it.
deb="$OUT/${PKG}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$ROOT" "$deb" >/dev/null
echo "$deb"
