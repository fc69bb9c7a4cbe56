#!/usr/bin/env bash
# Opens the stores this app writes with GDAL itself, as QGIS would: a new store, a gpkg export and a
# store with imported streets must each pass GDAL's GeoPackage validator, and GDAL must list the same
# tables without options as with LIST_ALL_TABLES=YES (QGIS offers every table; one that gpkg_contents
# does not list then fails to load there).
# Needs gdal-bin and python3-gdal, and the launcher that mvn package writes. From the repository root.
set -euo pipefail
app=target/kz-incident-map
validator=$(/usr/bin/python3 -c 'import osgeo_utils, os; print(os.path.dirname(osgeo_utils.__file__))')/samples/validate_gpkg.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$app" init "$work/new.gpkg" >/dev/null
# The curated records (the default store, made from data/incidents.json if it is not there yet).
"$app" export --out "$work/export.gpkg" >/dev/null
cp "$work/export.gpkg" "$work/streets.gpkg"
"$app" import-osm src/test/resources/osm/small.osm --db "$work/streets.gpkg" >/dev/null 2>&1

status=0
for store in "$work"/*.gpkg; do
  name=$(basename "$store")
  if ! /usr/bin/python3 "$validator" "$store"; then
    echo "gdal-check: $name: GDAL's GeoPackage validator refused it" >&2
    status=1
  fi
  if ! diff <(ogrinfo -ro -q "$store") <(ogrinfo -ro -q -oo LIST_ALL_TABLES=YES "$store") >&2; then
    echo "gdal-check: $name: GDAL lists other tables than QGIS offers (above)" >&2
    status=1
  fi
  echo "gdal-check: $name: $(ogrinfo -ro -q "$store" | wc -l) tables, valid, every one listed"
done
exit $status
