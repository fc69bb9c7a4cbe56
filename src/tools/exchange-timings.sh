#!/bin/sh
# Times export and import of N made-up incidents in every format, whole commands from JVM start.
# Usage, from the repository root after `mvn -q -DskipTests package`: src/tools/exchange-timings.sh [N]
set -eu
n=${1:-50000}
app=target/kz-incident-map  # the launcher mvn package writes
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
millis() { start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
"$app" bench generate --count "$n" --out "$dir/source.gpkg" >/dev/null
printf '%-8s %10s %10s %10s\n' format export_ms import_ms size_mb
for f in csv geojson kml gpkg; do
  ex=$(millis "$app" export --db "$dir/source.gpkg" --format "$f" --out "$dir/out.$f")
  "$app" init "$dir/into-$f.gpkg" >/dev/null
  im=$(millis "$app" import "$dir/out.$f" --db "$dir/into-$f.gpkg")
  size=$(du -m "$dir/out.$f" | cut -f1)
  printf '%-8s %10s %10s %10s\n' "$f" "$ex" "$im" "$size"
done
