#!/usr/bin/env bash
# Measures, in a real window, the time from launching the app to the first map frame on screen:
# it polls one screen pixel in central Kazakhstan until it turns the map's land colour (the window's
# low-detail preview has it too: that is the first map on the screen).
# Needs Xvfb and the launcher and jar that mvn package writes; polls with src/tools/wait-for-pixel.c
# (built here with cc and the X11 headers, apt-get install gcc libx11-dev), else with ImageMagick's
# import (apt-get install imagemagick), which is coarser and takes a core while it polls.
# Usage, from the repository root: src/tools/gui-first-frame.sh [runs] [app options, e.g. --db big.gpkg]
# KIM_LAUNCHER names another launcher to time, e.g. the installed package's,
# KIM_LAUNCHER=/opt/kz-incident-map/bin/kz-incident-map (default: target/kz-incident-map).
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
poller=""
if command -v cc >/dev/null 2>&1; then
  poller=$(mktemp -d)/wait-for-pixel
  cc -O2 -o "$poller" src/tools/wait-for-pixel.c -lX11 2>/dev/null || poller=""
fi
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "${KIM_LAUNCHER:-target/kz-incident-map}" "$@" >/dev/null 2>&1 &
  pid=$!
  shown=""
  if [ -n "$poller" ]; then
    at=$("$poller" 600 330 918 330 F7F2E4 30000) && shown=$(( at - start / 1000000 ))
    echo "first map frame on screen after ${shown:-(not within 30 s)} ms"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    continue
  fi
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
