#!/usr/bin/env bash
# Writes src/main/cds/window.classlist: the classes the window loads while it starts and draws its first
# frames that the build's training run does not, for the launcher's class-data archive. The training
# run (see pom.xml) is a snapshot, without a display, so it never loads JavaFX; mvn package adds this
# list to what the training run loaded. Run it again when the window's start-up changes much; a class
# in the list that no longer exists is skipped.
# Needs Xvfb (apt-get install xvfb) and a built jar (mvn -q -DskipTests package).
# Usage, from the repository root: src/tools/window-class-list.sh [seconds to let the window run, default 12]
set -eu
secs=${1:-12}
export DISPLAY=${DISPLAY:-:99}
if ! xdpyinfo >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  sleep 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The training run of pom.xml, for the classes it loads anyway.
java -jar target/kz-incident-map.jar bench generate --count 5000 --out "$tmp/training.gpkg" >/dev/null
java -XX:DumpLoadedClassList="$tmp/training.lst" -Djava.awt.headless=true -jar target/kz-incident-map.jar \
  snapshot --db "$tmp/training.gpkg" --out "$tmp/training.png" >/dev/null
java -XX:DumpLoadedClassList="$tmp/window.lst" -jar target/kz-incident-map.jar >/dev/null 2>&1 &
pid=$!
sleep "$secs"
kill "$pid"
wait "$pid" 2>/dev/null || true
# Named classes only, in the order they were loaded: generated ones (lambdas, proxies) get new names
# in every run.
{
  echo "# Classes the window loads at start-up, written by src/tools/window-class-list.sh; see pom.xml."
  grep -v '^#' "$tmp/window.lst" | grep -v '^@' | grep -v '\$Proxy' | grep -v 'Lambda\$' \
    | grep -vxFf "$tmp/training.lst" | awk '!seen[$0]++'
} > src/main/cds/window.classlist
echo "wrote src/main/cds/window.classlist ($(grep -vc '^#' src/main/cds/window.classlist) classes)"
