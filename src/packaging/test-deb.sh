#!/usr/bin/env bash
# Tests the Debian package that build-deb.sh made, as a user's machine would meet it: its metadata, and the
# installed launcher run from the unpacked package (dpkg-deb -x into a temporary root, a temporary home):
# the class-data archive the postinst makes, made and mapped; --version, the store created in the user's
# data folder from the curated records on first start, a snapshot, a bad argument refused, and nothing
# written inside the installation.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
deb=$(ls -1 "$repo"/target/packaging/kz-incident-map_*_amd64.deb | head -1)
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }

info=$(dpkg-deb -I "$deb")
grep -q '^ Package: kz-incident-map$' <<<"$info" || fail "package name"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$repo/pom.xml" | head -1)
grep -q "^ Version: $version" <<<"$info" || fail "version is not $version"
for dep in libgtk-3-0 libgl1 libfreetype6 xdg-utils; do
  grep -q "^ Depends:.*\b$dep\b" <<<"$info" || fail "Depends lacks $dep"
done
size=$(sed -n 's/^ Installed-Size: //p' <<<"$info")
(( size > 50000 && size < 250000 )) || fail "installed size $size KiB is not between 50 and 250 MB"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/pkg"
dpkg-deb -e "$deb" "$root/control"
app="$root/pkg/opt/kz-incident-map"
launcher="$app/bin/kz-incident-map"
desktop=$(ls "$app"/lib/*.desktop)
grep -q '^MimeType=application/geopackage+sqlite3' "$desktop" || fail "no .gpkg association in $desktop"
grep -q '^Icon=' "$desktop" || fail "no icon in $desktop"
grep -q '^Name=Kazakhstan Incident Map$' "$desktop" || fail "the menu entry's name in $desktop"
grep -q '^Exec=/opt/kz-incident-map/bin/kz-incident-map %f$' "$desktop" || fail "the menu entry does not pass the opened file"
[[ $(head -c 2 "$launcher") == '#!' ]] || fail "the launcher is not the app's own script"
grep -q '^ */opt/kz-incident-map/lib/app/make-class-archive' "$root/control/postinst" || fail "postinst makes no class-data archive"
grep -q 'rm -f /opt/kz-incident-map/lib/app/kz-incident-map.jsa ' "$root/control/prerm" || fail "prerm leaves the archive behind"
grep -q '^xdg-desktop-menu install' "$root/control/postinst" || fail "postinst installs no menu entry"

# What the postinst does at /opt, done where the package was unpacked.
"$app/lib/app/make-class-archive" || fail "make-class-archive failed"
[[ -s "$app/lib/app/kz-incident-map.jsa" && -s "$app/lib/app/kz-incident-map.jsa.runtime" ]] || fail "no archive made"
mapped=$(HOME="$root/home-archive" JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$launcher" --version 2>/dev/null \
  | grep -c 'kz.incidentmap.Main source: shared objects file' || true)
(( mapped == 1 )) || fail "the launcher does not map the archive"
before=$(cd "$app" && find . -type f | sort | md5sum)

export HOME="$root/home"
unset XDG_DATA_HOME
mkdir -p "$HOME"
said=$("$launcher" --version)
[[ "$said" == "kz-incident-map "* ]] || fail "--version says $said"
count=$("$launcher" incidents | grep -c '"id" :')
(( count >= 16 )) || fail "incidents lists $count records, not the 16 curated ones"
store="$HOME/.local/share/kz-incident-map/incidents.gpkg"
[[ -s "$store" ]] || fail "the store was not created at $store"
"$launcher" snapshot --city Taraz --out "$HOME/taraz.png" >/dev/null
[[ $(stat -c %s "$HOME/taraz.png") -gt 100000 ]] || fail "snapshot wrote no page"
set +e
"$launcher" snapshto >/dev/null 2>"$root/err"
code=$?
set -e
(( code == 2 )) && grep -q "'snapshto' is neither a command nor a store file" "$root/err" || fail "a bad word: exit $code"
XDG_DATA_HOME="$root/xdg" "$launcher" incidents >/dev/null
[[ -s "$root/xdg/kz-incident-map/incidents.gpkg" ]] || fail "XDG_DATA_HOME is not followed"
after=$(cd "$app" && find . -type f | sort | md5sum)
[[ "$before" == "$after" ]] || fail "files inside the installation changed"
echo "test-deb: $(basename "$deb"): metadata, launcher, store in the user's data folder, snapshot: ok"
