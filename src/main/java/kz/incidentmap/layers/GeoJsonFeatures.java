package kz.incidentmap.layers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946: WGS 84 longitude/latitude) into JTS geometries, for the
 * reference maps in {@code maps/} and for files a user opens.
 *
 * <p>The collection is streamed and each feature is read as a small tree, so memory follows the largest
 * feature rather than the whole file. Reading is strict: anything that would put a feature in the wrong
 * place, or nowhere, stops with a {@link GeoJsonException} naming the file, the feature index and the
 * member at fault. Altitudes are accepted and dropped; foreign members ({@code id}, {@code bbox}, ...)
 * are ignored.
 *
 * <p>The trees are built from Jackson's streaming parser with its node classes alone, as its
 * {@code ObjectMapper} would build them: the mapper's own set-up (several hundred classes) cost
 * the map a few hundred milliseconds of start-up for three small files.
 */
public final class GeoJsonFeatures {

    /** SRID given to every geometry: RFC 7946 coordinates are always WGS 84. */
    public static final int WGS84_SRID = 4326;

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private GeoJsonFeatures() {
    }

    /**
     * All features of the FeatureCollection in {@code file}, in file order.
     *
     * @throws GeoJsonException when the file is missing or unreadable, is not JSON, is not a
     *         FeatureCollection, or a feature has no valid geometry or coordinates out of range
     */
    public static List<GeoJsonFeature> read(Path file) throws GeoJsonException {
        if (Files.isDirectory(file)) {
            throw new GeoJsonException(file, -1, "is a directory, not a GeoJSON file");
        }
        List<GeoJsonFeature> features = new ArrayList<>();
        String type = null;
        boolean sawFeatures = false;
        // Through Files rather than Path.toFile(), so that files inside a jar or zip file system work too.
        try (InputStream in = Files.newInputStream(file); JsonParser json = JSON.createParser(in)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new GeoJsonException(file, -1, "is empty; expected a GeoJSON FeatureCollection");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new GeoJsonException(file, -1, "is not a GeoJSON FeatureCollection: the top level is "
                        + describe(first) + ", not an object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String member = json.currentName();
                JsonToken value = json.nextToken();
                if ("type".equals(member)) {
                    type = value == JsonToken.VALUE_STRING ? json.getText() : describe(value);
                    json.skipChildren();
                } else if ("features".equals(member)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new GeoJsonException(file, -1, "\"features\" must be an array, found " + describe(value));
                    }
                    sawFeatures = true;
                    readFeatures(file, json, features);
                } else {
                    json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw new GeoJsonException(file, -1, "has more content after the FeatureCollection (line "
                        + json.currentLocation().getLineNr() + ")");
            }
        } catch (NoSuchFileException e) {
            throw new GeoJsonException(file, -1, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new GeoJsonException(file, -1, "cannot be read: permission denied", e);
        } catch (JsonProcessingException e) {
            throw new GeoJsonException(file, -1, notJson(e), e);
        } catch (GeoJsonException e) {
            throw e;
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new GeoJsonException(file, -1, "file not found", e);
            }
            throw new GeoJsonException(file, -1, "cannot be read: " + e.getMessage(), e);
        }
        if (!"FeatureCollection".equals(type)) {
            throw new GeoJsonException(file, -1, "is not a GeoJSON FeatureCollection: \"type\" is "
                    + (type == null ? "missing" : "\"" + type + "\""));
        }
        if (!sawFeatures) {
            throw new GeoJsonException(file, -1, "FeatureCollection has no \"features\" array");
        }
        return features;
    }

    private static void readFeatures(Path file, JsonParser json, List<GeoJsonFeature> into) throws IOException {
        while (true) {
            int index = into.size();
            JsonNode node;
            int line;
            try {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return;
                }
                if (token == null) {
                    throw new GeoJsonException(file, index, "the file ends inside the \"features\" array");
                }
                line = json.currentTokenLocation().getLineNr();
                node = tree(json);
            } catch (JsonProcessingException e) {
                throw new GeoJsonException(file, index, notJson(e), e);
            }
            try {
                into.add(feature(node));
            } catch (Problem p) {
                throw new GeoJsonException(file, index, p.getMessage() + " (line " + line + ")");
            }
        }
    }

    /** The value that starts at the parser's current token, as a tree. */
    private static JsonNode tree(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == null) {
            throw new JsonParseException(json, "Unexpected end-of-input");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = json.nextToken(); t != JsonToken.END_OBJECT; t = json.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new JsonParseException(json, "Unexpected token " + t + " where a field name belongs");
                    }
                    String name = json.currentName();
                    json.nextToken();
                    object.replace(name, tree(json));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    array.add(tree(json));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(json.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (json.getNumberType()) {
                    case INT -> NODES.numberNode(json.getIntValue());
                    case LONG -> NODES.numberNode(json.getLongValue());
                    default -> NODES.numberNode(json.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(json.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(json, "Unexpected token " + token);
        }
    }

    /** A property value as plain Java: text, Integer/Long/BigInteger, Double, Boolean, null, List or Map. */
    private static Object value(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(value(item)));
                yield items;
            }
            case OBJECT -> members(node);
            default -> null;
        };
    }

    /** An object's members as plain Java values, in file order. */
    private static Map<String, Object> members(JsonNode object) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            members.put(member.getKey(), value(member.getValue()));
        }
        return members;
    }

    private static String notJson(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return "not valid JSON" + (location == null ? "" : " at line " + location.getLineNr() + ", column "
                + location.getColumnNr()) + ": " + e.getOriginalMessage();
    }

    private static GeoJsonFeature feature(JsonNode node) {
        if (!node.isObject()) {
            throw new Problem("must be an object, found " + describe(node));
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !"Feature".equals(type.asText())) {
            throw new Problem("\"type\" must be \"Feature\", found " + (type == null ? "nothing" : type.toString()));
        }
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw new Problem("has no geometry; every feature needs a location");
        }
        JsonNode properties = node.get("properties");
        Map<String, Object> values = new LinkedHashMap<>();
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw new Problem("\"properties\" must be an object or null, found " + describe(properties));
            }
            values = members(properties);
        }
        return new GeoJsonFeature(geometry(geometry, "geometry"), values);
    }

    private static Geometry geometry(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new Problem(at + ": must be a geometry object, found " + describe(node));
        }
        JsonNode typeNode = node.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        if (type == null) {
            throw new Problem(at + ": \"type\" is missing or not a string");
        }
        if (type.equals("GeometryCollection")) {
            JsonNode parts = node.get("geometries");
            if (parts == null || !parts.isArray()) {
                throw new Problem(at + ": GeometryCollection needs a \"geometries\" array");
            }
            Geometry[] geometries = new Geometry[parts.size()];
            for (int i = 0; i < geometries.length; i++) {
                geometries[i] = geometry(parts.get(i), at + ".geometries[" + i + "]");
            }
            return GEOMETRY.createGeometryCollection(geometries);
        }
        JsonNode coordinates = node.get("coordinates");
        String c = at + ".coordinates";
        if (coordinates == null || coordinates.isNull()) {
            if (!isKnownType(type)) {
                throw new Problem(at + ": unknown geometry type \"" + type + "\"" + KNOWN);
            }
            throw new Problem(at + ": " + type + " has no \"coordinates\"");
        }
        return switch (type) {
            case "Point" -> GEOMETRY.createPoint(position(coordinates, c));
            case "MultiPoint" -> {
                JsonNode[] items = array(coordinates, c, 1, "positions");
                Point[] points = new Point[items.length];
                for (int i = 0; i < items.length; i++) {
                    points[i] = GEOMETRY.createPoint(position(items[i], c + "[" + i + "]"));
                }
                yield GEOMETRY.createMultiPoint(points);
            }
            case "LineString" -> lineString(coordinates, c);
            case "MultiLineString" -> {
                JsonNode[] items = array(coordinates, c, 1, "line strings");
                LineString[] lines = new LineString[items.length];
                for (int i = 0; i < items.length; i++) {
                    lines[i] = lineString(items[i], c + "[" + i + "]");
                }
                yield GEOMETRY.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(coordinates, c);
            case "MultiPolygon" -> {
                JsonNode[] items = array(coordinates, c, 1, "polygons");
                Polygon[] polygons = new Polygon[items.length];
                for (int i = 0; i < items.length; i++) {
                    polygons[i] = polygon(items[i], c + "[" + i + "]");
                }
                yield GEOMETRY.createMultiPolygon(polygons);
            }
            default -> throw new Problem(at + ": unknown geometry type \"" + type + "\"" + KNOWN);
        };
    }

    private static final String KNOWN = " (expected Point, MultiPoint, LineString, MultiLineString, Polygon,"
            + " MultiPolygon or GeometryCollection)";

    private static boolean isKnownType(String type) {
        return switch (type) {
            case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon" -> true;
            default -> false;
        };
    }

    private static LineString lineString(JsonNode node, String at) {
        return GEOMETRY.createLineString(positions(node, at, 2, "a line needs at least 2 positions"));
    }

    private static Polygon polygon(JsonNode node, String at) {
        JsonNode[] rings = array(node, at, 1, "rings");
        LinearRing[] linearRings = new LinearRing[rings.length];
        for (int i = 0; i < rings.length; i++) {
            String ringAt = at + "[" + i + "]";
            Coordinate[] ring = positions(rings[i], ringAt, 4, "a polygon ring needs at least 4 positions");
            if (!ring[0].equals2D(ring[ring.length - 1])) {
                throw new Problem(ringAt + ": polygon ring is not closed (first position " + text(ring[0])
                        + " differs from last " + text(ring[ring.length - 1]) + ")");
            }
            linearRings[i] = GEOMETRY.createLinearRing(ring);
        }
        LinearRing[] holes = new LinearRing[linearRings.length - 1];
        System.arraycopy(linearRings, 1, holes, 0, holes.length);
        return GEOMETRY.createPolygon(linearRings[0], holes);
    }

    private static Coordinate[] positions(JsonNode node, String at, int min, String tooFew) {
        JsonNode[] items = array(node, at, 1, "positions");
        if (items.length < min) {
            throw new Problem(at + ": " + tooFew + ", found " + items.length);
        }
        Coordinate[] coordinates = new Coordinate[items.length];
        for (int i = 0; i < items.length; i++) {
            coordinates[i] = position(items[i], at + "[" + i + "]");
        }
        return coordinates;
    }

    private static JsonNode[] array(JsonNode node, String at, int min, String what) {
        if (!node.isArray()) {
            throw new Problem(at + ": must be an array of " + what + ", found " + describe(node));
        }
        if (node.size() < min) {
            throw new Problem(at + ": empty array; expected " + what);
        }
        JsonNode[] items = new JsonNode[node.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = node.get(i);
        }
        return items;
    }

    private static Coordinate position(JsonNode node, String at) {
        if (!node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new Problem(at + ": must be [lon, lat] numbers, found " + abbreviate(node));
        }
        double lon = node.get(0).asDouble();
        double lat = node.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180)) {
            throw new Problem(at + ": longitude " + node.get(0) + " is outside -180..180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new Problem(at + ": latitude " + node.get(1) + " is outside -90..90"
                    + (Math.abs(lon) <= 90 && Math.abs(lat) <= 180 ? " (are longitude and latitude swapped?)" : ""));
        }
        return new Coordinate(lon, lat);
    }

    private static String text(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isTextual() ? "the string " + abbreviate(node) : abbreviate(node);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** A problem inside one feature; turned into a {@link GeoJsonException} once the index is known. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
