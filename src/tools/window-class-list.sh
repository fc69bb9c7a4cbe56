#!/usr/bin/env bash
# Writes src/main/cds/window.classlist: the classes the window loads while it starts and draws its first
# frames that the build's training run does not, for the launcher's class-data archive. The training
# run (see pom.xml) is a snapshot, without a display, so it never loads JavaFX; mvn package adds this
# list to what the training run loaded. Run it again when the window's start-up changes much; a class
# in the list that no longer exists is skipped.
# Needs Xvfb and xdpyinfo (apt-get install xvfb x11-utils) and a built jar (mvn -q -DskipTests package).
# Usage, from the repository root: src/tools/window-class-list.sh [seconds to let the window run, default 12]
set -euo pipefail
secs=${1:-12}
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
tmp=$(mktemp -d)
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY=${DISPLAY:-:99}
if ! xdpyinfo >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
fi
# The build's training run (pom.xml) leaves the list of the classes it loads; those are left out.
training=target/cds-training/classes.lst
if [ ! -f "$training" ]; then
  echo "no $training: run mvn -q -DskipTests package first" >&2
  exit 1
fi
# A store of its own for the window, so that the user's store is not touched.
"$java" -jar target/kz-incident-map.jar bench generate --count 5000 --out "$tmp/window.gpkg" >/dev/null
"$java" -XX:DumpLoadedClassList="$tmp/window.lst" -jar target/kz-incident-map.jar --db "$tmp/window.gpkg" \
  >/dev/null 2>&1 &
pid=$!
sleep "$secs"
kill "$pid"
wait "$pid" 2>/dev/null || true
# Named classes only, in the order they were loaded: generated ones (lambdas, proxies) get new names
# in every run.
{
  echo "# Classes the window loads at start-up, written by src/tools/window-class-list.sh; see pom.xml."
  grep -v '^#' "$tmp/window.lst" | grep -v '^@' | grep -v '\$Proxy' | grep -v 'Lambda\$' \
    | grep -vxFf "$training" | awk '!seen[$0]++'
} > "$tmp/window.classlist"
count=$(grep -vc '^#' "$tmp/window.classlist" || true)
if [ "$count" -lt 500 ]; then
  echo "only $count classes: did the window start? src/main/cds/window.classlist left as it was" >&2
  exit 1
fi
mv "$tmp/window.classlist" src/main/cds/window.classlist
echo "wrote src/main/cds/window.classlist ($count classes)"
