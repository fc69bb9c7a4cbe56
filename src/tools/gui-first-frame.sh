#!/usr/bin/env bash
# Measures, in a real window, the time from launching the app to the first map frame on screen:
# it polls one screen pixel in central Kazakhstan until it turns the map's land colour.
# Needs Xvfb and ImageMagick (apt-get install xvfb imagemagick) and the launcher and jar that mvn package writes.
# Usage, from the repository root: src/tools/gui-first-frame.sh [runs] [app options, e.g. --db big.gpkg]
# The pixels assume Xvfb's default placement of the 1400x900 window on a 1600x1000 screen; two far
# apart are watched, since a cluster symbol may cover one of them.
set -u
runs=${1:-5}
shift || true
export DISPLAY=${DISPLAY:-:99}
if ! xdpyinfo >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  # The X server this script started ends with it (left running, it also kept any lock the script ran under).
  trap 'kill "$xvfb" 2>/dev/null' EXIT
  sleep 1
fi
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  target/kz-incident-map "$@" >/dev/null 2>&1 &
  pid=$!
  shown=""
  for _ in $(seq 1 150); do
    c=$(import -window root -crop 1x1+600+330 -depth 8 txt:- 2>/dev/null | tail -1 | grep -o '#[0-9A-F]\{6\}')
    d=$(import -window root -crop 1x1+918+330 -depth 8 txt:- 2>/dev/null | tail -1 | grep -o '#[0-9A-F]\{6\}')
    if [ "$c" = "#F7F2E4" ] || [ "$d" = "#F7F2E4" ]; then
      shown=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.2
  done
  echo "first map frame on screen after ${shown:-(not within 30 s)} ms"
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
