#!/usr/bin/env bash
# Builds the Debian package of the app: target/packaging/kz-incident-map_VERSION_amd64.deb.
#
#   src/packaging/build-deb.sh            (builds the jar first; SKIP_BUILD=1 uses target/ as it is)
#
# The package holds a Java runtime made with jlink of the JDK modules the app uses (found with jdeps), the
# app's jar and libraries (JavaFX among them, as jars on the class path: its jmods are not published where
# this build fetches from), the shipped maps/ and the curated records of data/, a menu entry with the
# app's icon (src/packaging/kz-incident-map.png, drawn by kz.incidentmap.tools.AppIcon) and the .gpkg
# file association. Installed, the app keeps the user's store in $XDG_DATA_HOME/kz-incident-map
# (~/.local/share/kz-incident-map), created on first start from the curated records; never in /opt.
# JavaFX's native libraries come inside its jars; the package depends on the GTK and OpenGL libraries
# they load, which jpackage cannot see there.
#
# Needs JDK 17+ (jdeps, jlink, jpackage), dpkg-deb and fakeroot. Windows (.msi) and macOS (.dmg) are made
# the same way on those systems: see "Installing" in the README.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
for tool in jdeps jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build-deb: '$tool' is missing (apt-get install fakeroot dpkg; a JDK 17+ for the others)" >&2; exit 1; }
done
[[ "${SKIP_BUILD:-}" == 1 ]] || mvn -q -B -ntp -DskipTests package

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
work=target/packaging
rm -rf "$work"
mkdir -p "$work/input/data"
cp target/kz-incident-map.jar "$work/input/"
cp -r target/lib "$work/input/lib"
cp -r maps "$work/input/maps"
cp data/incidents.json data/SOURCES.md "$work/input/data/"
cp LICENSE README.md "$work/input/"

# The JDK modules the jar and its libraries need; jdk.unsupported for JavaFX and SQLite's native loading,
# jdk.crypto.ec for https source links, jdk.localedata for Russian and Kazakh dates and numbers. The
# runtime gets the class-data archive of its own classes, which a linked image otherwise lacks. Its
# modules are left uncompressed: inflating the classes the archive lacks cost the window's start a
# quarter of a second, and the package, compressed as a whole, is no larger for it (93 MB).
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "target/lib/*" target/kz-incident-map.jar)
modules="$modules,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$work/runtime"

jpackage --type deb --dest "$work" \
  --name kz-incident-map --app-version "$version" \
  --description "Map of security incidents in Kazakhstan: record, study and export them" \
  --vendor "Kazakhstan Incident Map" --copyright "See LICENSE" \
  --input "$work/input" --main-jar kz-incident-map.jar --main-class kz.incidentmap.Main \
  --runtime-image "$work/runtime" \
  --java-options "-Dfile.encoding=UTF-8" \
  --icon src/packaging/kz-incident-map.png \
  --file-associations src/packaging/gpkg-association.properties \
  --linux-shortcut --linux-menu-group "Education;Geography" --linux-app-category science \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1" \
  --linux-deb-maintainer "maintainers@kz-incident-map.invalid" \
  --license-file LICENSE
ls -1 "$work"/*.deb
