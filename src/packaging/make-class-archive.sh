#!/bin/sh
# Makes the installed app's class-data archive, lib/app/kz-incident-map.jsa: the classes listed in
# kz-incident-map.classlist (those the window and a snapshot load as they start, as the build's training
# run and src/main/cds/window.classlist found them), parsed and verified by the installed runtime, for
# the launcher to map at start (without it, the installed window's first map came 0.6 s later). Made
# at install by the package's postinst and removed by its prerm, because an archive holds the paths of
# the jars it was made from. Usage: make-class-archive (from any folder).
set -e
app=$(CDPATH='' cd -- "$(dirname -- "$0")" >/dev/null && pwd -P)
java="$app/../runtime/bin/java"
archive="$app/kz-incident-map.jsa"
rm -f "$archive" "$archive.runtime"
# Its warnings (generated classes a list names and a dump cannot find) are not the installer's business.
"$java" -Xshare:dump -XX:SharedClassListFile="$app/kz-incident-map.classlist" \
  -XX:SharedArchiveFile="$archive" -Xlog:disable -cp "$app/kz-incident-map.jar" >/dev/null
[ -s "$archive" ] || { echo "make-class-archive: the runtime made no archive at $archive" >&2; exit 1; }
# The launcher maps it only with the runtime that made it (a package upgrade replaces both).
sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$app/../runtime/release" >"$archive.runtime"
