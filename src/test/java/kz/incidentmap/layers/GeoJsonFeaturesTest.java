package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class GeoJsonFeaturesTest {

    @TempDir
    Path dir;

    private static final String GOOD_POINT =
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"Taraz\"},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[71.36667,42.9]}}";

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A collection of two good features followed by {@code bad}, which is therefore feature 2. */
    private Path withThirdFeature(String bad) throws IOException {
        return write("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n" + GOOD_POINT + ",\n"
                + GOOD_POINT + ",\n" + bad + "\n]}\n");
    }

    private GeoJsonException failure(Path file) {
        return assertThrows(GeoJsonException.class, () -> GeoJsonFeatures.read(file));
    }

    @Test
    void readsEveryGeometryTypeWithPropertiesInFileOrder() throws IOException {
        Path file = write("all.geojson", """
                {"type": "FeatureCollection", "name": "ignored foreign member", "features": [
                 {"type": "Feature", "id": 7, "properties": {"name": "Тараз", "population": 358153, "area": 1.5,
                   "capital": false, "none": null, "tags": ["a", "b"]},
                  "geometry": {"type": "Point", "coordinates": [71.36667, 42.9, 610.0]}},
                 {"type": "Feature", "properties": null,
                  "geometry": {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}},
                 {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4], [5, 6]]}},
                 {"type": "Feature", "properties": {},
                  "geometry": {"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}},
                 {"type": "Feature", "properties": {},
                  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                                                                  [[2, 2], [2, 4], [4, 4], [2, 2]]]}},
                 {"type": "Feature", "properties": {},
                  "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]],
                                                                       [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}},
                 {"type": "Feature", "properties": {},
                  "geometry": {"type": "GeometryCollection", "geometries": [
                     {"type": "Point", "coordinates": [-180, -90]}, {"type": "Point", "coordinates": [180, 90]}]}}
                ]}
                """);
        List<GeoJsonFeature> features = GeoJsonFeatures.read(file);

        assertEquals(7, features.size());
        GeoJsonFeature taraz = features.get(0);
        Point point = assertInstanceOf(Point.class, taraz.geometry());
        assertEquals(71.36667, point.getX(), 0);
        assertEquals(42.9, point.getY(), 0);
        assertTrue(Double.isNaN(point.getCoordinate().getZ()), "altitude is dropped");
        assertEquals(4326, point.getSRID());
        assertEquals(List.of("name", "population", "area", "capital", "none", "tags"),
                List.copyOf(taraz.properties().keySet()));
        assertEquals("Тараз", taraz.properties().get("name"));
        assertEquals(358153, ((Number) taraz.properties().get("population")).intValue());
        assertEquals(1.5, taraz.properties().get("area"));
        assertEquals(false, taraz.properties().get("capital"));
        assertTrue(taraz.properties().containsKey("none"));
        assertNull(taraz.properties().get("none"));
        assertEquals(List.of("a", "b"), taraz.properties().get("tags"));

        assertEquals(Map.of(), features.get(1).properties());
        assertEquals(2, assertInstanceOf(MultiPoint.class, features.get(1).geometry()).getNumGeometries());
        assertEquals(3, assertInstanceOf(LineString.class, features.get(2).geometry()).getNumPoints());
        assertEquals(Map.of(), features.get(2).properties(), "absent properties read as empty");
        assertEquals(2, assertInstanceOf(MultiLineString.class, features.get(3).geometry()).getNumGeometries());
        Polygon polygon = assertInstanceOf(Polygon.class, features.get(4).geometry());
        assertEquals(1, polygon.getNumInteriorRing());
        assertEquals(100 - 2, polygon.getArea(), 1e-9);
        assertEquals(2, assertInstanceOf(MultiPolygon.class, features.get(5).geometry()).getNumGeometries());
        GeometryCollection collection = assertInstanceOf(GeometryCollection.class, features.get(6).geometry());
        assertEquals(new Coordinate(180, 90), collection.getGeometryN(1).getCoordinate());
    }

    @Test
    void propertiesCannotBeChanged() throws IOException {
        GeoJsonFeature feature = GeoJsonFeatures.read(withThirdFeature(GOOD_POINT)).get(0);
        assertThrows(UnsupportedOperationException.class, () -> feature.properties().put("name", "x"));
    }

    @Test
    void emptyCollectionIsFine() throws IOException {
        assertEquals(List.of(), GeoJsonFeatures.read(write("empty.geojson",
                "{\"features\":[],\"type\":\"FeatureCollection\"}")));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("maps").resolve("nowhere.geojson");
        GeoJsonException e = failure(missing);
        assertEquals(missing + ": file not found", e.getMessage());
        assertEquals(-1, e.featureIndex());
        assertEquals(missing, e.file());
    }

    @Test
    void directoryIsRejected() {
        GeoJsonException e = failure(dir);
        assertTrue(e.getMessage().startsWith(dir + ": is a directory"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("empty.geojson", "");
        assertTrue(failure(file).getMessage().startsWith(file + ": is empty"));
    }

    @Test
    void notJsonIsRejectedWithPosition() throws IOException {
        Path file = write("notjson.geojson", "this is not JSON");
        GeoJsonException e = failure(file);
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON at line 1, column "), e.getMessage());
        assertEquals(-1, e.featureIndex());
    }

    @Test
    void brokenJsonInsideAFeatureNamesTheFeature() throws IOException {
        Path file = withThirdFeature("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]");
        GeoJsonException e = failure(file);
        assertEquals(2, e.featureIndex());
        assertTrue(e.getMessage().startsWith(file + ": feature 2: not valid JSON at line 5"), e.getMessage());
    }

    @Test
    void topLevelArrayIsNotAFeatureCollection() throws IOException {
        Path file = write("array.geojson", "[" + GOOD_POINT + "]");
        assertEquals(file + ": is not a GeoJSON FeatureCollection: the top level is an array, not an object",
                failure(file).getMessage());
    }

    @Test
    void singleFeatureIsNotAFeatureCollection() throws IOException {
        Path file = write("feature.geojson", GOOD_POINT);
        assertEquals(file + ": is not a GeoJSON FeatureCollection: \"type\" is \"Feature\"",
                failure(file).getMessage());
    }

    @Test
    void collectionWithoutTypeOrFeaturesIsRejected() throws IOException {
        Path noType = write("notype.geojson", "{\"features\":[]}");
        assertEquals(noType + ": is not a GeoJSON FeatureCollection: \"type\" is missing", failure(noType).getMessage());
        Path noFeatures = write("nofeatures.geojson", "{\"type\":\"FeatureCollection\"}");
        assertEquals(noFeatures + ": FeatureCollection has no \"features\" array", failure(noFeatures).getMessage());
        Path objectFeatures = write("objfeatures.geojson", "{\"type\":\"FeatureCollection\",\"features\":{}}");
        assertEquals(objectFeatures + ": \"features\" must be an array, found an object",
                failure(objectFeatures).getMessage());
    }

    @Test
    void trailingContentIsRejected() throws IOException {
        Path file = write("trailing.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}\n{}");
        assertTrue(failure(file).getMessage().startsWith(file + ": has more content after the FeatureCollection"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown geometry type | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[1,2]}}"
                + " | geometry: unknown geometry type \"Circle\" (expected Point, MultiPoint, LineString, MultiLineString,"
                + " Polygon, MultiPolygon or GeometryCollection)",
        "geometry type not a string | {\"type\":\"Feature\",\"geometry\":{\"type\":3,\"coordinates\":[1,2]}}"
                + " | geometry: \"type\" is missing or not a string",
        "latitude too large | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[100.5,95.5]}}"
                + " | geometry.coordinates: latitude 95.5 is outside -90..90",
        "swapped lon/lat | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[42.9,171.4]}}"
                + " | geometry.coordinates: latitude 171.4 is outside -90..90 (are longitude and latitude swapped?)",
        "longitude too small | {\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[0,0],[-180.5,1]]}} | geometry.coordinates[1]: longitude -180.5 is outside -180..180",
        "coordinates as strings | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[\"71.4\",\"42.9\"]}} | geometry.coordinates: must be [lon, lat] numbers, found [\"71.4\",\"42.9\"]",
        "one-number position | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[71.4]}}"
                + " | geometry.coordinates: must be [lon, lat] numbers, found [71.4]",
        "missing coordinates | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\"}}"
                + " | geometry: Polygon has no \"coordinates\"",
        "null geometry | {\"type\":\"Feature\",\"properties\":{},\"geometry\":null}"
                + " | has no geometry; every feature needs a location",
        "not a feature | {\"type\":\"Point\",\"coordinates\":[1,2]}"
                + " | \"type\" must be \"Feature\", found \"Point\"",
        "feature is a number | 42 | must be an object, found 42",
        "properties is an array | {\"type\":\"Feature\",\"properties\":[1],\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[1,2]}} | \"properties\" must be an object or null, found an array",
        "short line | {\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2]]}}"
                + " | geometry.coordinates: a line needs at least 2 positions, found 1",
        "unclosed ring | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[1,1],[0,1]]]}} | geometry.coordinates[0]: polygon ring is not closed"
                + " (first position [0.0, 0.0] differs from last [0.0, 1.0])",
        "short ring | {\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[0,0]]]}} | geometry.coordinates[0]: a polygon ring needs at least 4 positions, found 3",
        "empty multipolygon | {\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[]}}"
                + " | geometry.coordinates: empty array; expected polygons",
        "bad part in collection | {\"type\":\"Feature\",\"geometry\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},{\"type\":\"Point\","
                + "\"coordinates\":[120,-91]}]}} | geometry.geometries[1].coordinates: latitude -91 is outside -90..90",
    })
    void brokenFeatureIsNamedByIndexAndMember(String label, String feature, String problem) throws IOException {
        Path file = withThirdFeature(feature);
        GeoJsonException e = failure(file);
        assertEquals(2, e.featureIndex(), label);
        assertEquals(file + ": feature 2: " + problem + " (line 4)", e.getMessage(), label);
        assertEquals(problem + " (line 4)", e.problem());
    }

    @Test
    void errorsAreIoExceptions() throws IOException {
        Path file = withThirdFeature("{}");
        IOException e = assertThrows(IOException.class, () -> GeoJsonFeatures.read(file));
        assertTrue(e.getMessage().contains("feature 2"));
    }
}
