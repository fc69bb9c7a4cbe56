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
# The launcher is ours (src/main/sh/kz-incident-map, the one `mvn package` puts beside the jar), put in
# place of jpackage's: that one asks rpm and dpkg which package it belongs to on every start, 0.4 s
# before the JVM starts. The package's postinst makes the class-data archive the launcher maps
# (src/packaging/make-class-archive.sh, from the classes the build's training run listed): an archive
# holds the paths of the jars it was made from, so it cannot be made here.
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
[[ -s target/cds-training/classes.lst ]] || { echo "build-deb: target/cds-training/classes.lst is missing: the build's training run failed (see mvn package)" >&2; exit 1; }
cat target/cds-training/classes.lst src/main/cds/window.classlist >"$work/input/kz-incident-map.classlist"
cp src/packaging/make-class-archive.sh "$work/input/make-class-archive"

# The JDK modules the jar and its libraries need; jdk.unsupported for JavaFX and SQLite's native loading,
# jdk.crypto.ec for https source links, jdk.localedata for Russian and Kazakh dates and numbers. Its
# modules are left uncompressed: inflating the classes the archive lacks cost the window's start a
# quarter of a second, and the package, compressed as a whole, is no larger for it. The release file
# gets the runtime's full version, which the launcher matches against the archive's.
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "target/lib/*" target/kz-incident-map.jar)
modules="$modules,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
jdk_java="$(dirname "$(readlink -f "$(command -v jlink)")")/java"
runtime_version=$("$jdk_java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --release-info "add:JAVA_RUNTIME_VERSION=\"$runtime_version\"" --output "$work/runtime"

jpackage --type app-image --dest "$work/image" \
  --name kz-incident-map --app-version "$version" \
  --vendor "Kazakhstan Incident Map" --copyright "See LICENSE" \
  --input "$work/input" --main-jar kz-incident-map.jar --main-class kz.incidentmap.Main \
  --runtime-image "$work/runtime"
image="$work/image/kz-incident-map"
install -m 755 src/main/sh/kz-incident-map "$image/bin/kz-incident-map"
chmod 755 "$image/lib/app/make-class-archive"
rm -f "$image/lib/libapplauncher.so" "$image/lib/app/kz-incident-map.cfg"

jpackage --type deb --dest "$work" --app-image "$image" \
  --name kz-incident-map --app-version "$version" \
  --description "Map of security incidents in Kazakhstan: record, study and export them" \
  --vendor "Kazakhstan Incident Map" --copyright "See LICENSE" \
  --resource-dir src/packaging/deb \
  --icon src/packaging/kz-incident-map.png \
  --file-associations src/packaging/gpkg-association.properties \
  --linux-shortcut --linux-menu-group "Education;Geography" --linux-app-category science \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1" \
  --linux-deb-maintainer "maintainers@kz-incident-map.invalid" \
  --license-file LICENSE
ls -1 "$work"/*.deb
