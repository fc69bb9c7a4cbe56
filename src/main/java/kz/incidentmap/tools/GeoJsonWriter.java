package kz.incidentmap.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.GeoJsonFeature;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a list of features as an RFC 7946 GeoJSON FeatureCollection laid out for review in git: one
 * feature per line, properties in the order given, coordinates with at most five decimals (about 1 m),
 * outer rings counter-clockwise and holes clockwise. The same features always give the same bytes.
 */
public final class GeoJsonWriter {

    /** Decimal places kept for longitude and latitude. */
    public static final int DECIMALS = 5;

    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonWriter() {
    }

    /** Writes the collection to {@code file}, replacing it only once the new content is complete. */
    public static void write(Path file, List<GeoJsonFeature> features) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // A sibling rather than Files.createTempFile, which would give the result owner-only permissions.
        Path temp = parent.resolve(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(toGeoJson(features));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The whole FeatureCollection as text, ending with a newline. */
    public static String toGeoJson(List<GeoJsonFeature> features) throws IOException {
        StringBuilder text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            text.append(featureLine(features.get(i)));
            text.append(i + 1 < features.size() ? ",\n" : "\n");
        }
        return text.append("]}\n").toString();
    }

    private static String featureLine(GeoJsonFeature feature) throws IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeFieldName("properties");
            json.writeStartObject();
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                json.writeFieldName(property.getKey());
                writeValue(json, property.getKey(), property.getValue());
            }
            json.writeEndObject();
            json.writeFieldName("geometry");
            writeGeometry(json, feature.geometry());
            json.writeEndObject();
        }
        return line.toString();
    }

    private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("property " + key + ": cannot write a "
                    + value.getClass().getSimpleName() + " as GeoJSON");
        }
    }

    private static void writeGeometry(JsonGenerator json, Geometry geometry) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", geometry.getGeometryType());
        json.writeFieldName("coordinates");
        if (geometry instanceof Point point) {
            writePosition(json, point.getCoordinate());
        } else if (geometry instanceof LineString line) {
            writePositions(json, line.getCoordinateSequence(), false);
        } else if (geometry instanceof Polygon polygon) {
            writePolygon(json, polygon);
        } else if (geometry instanceof MultiPoint || geometry instanceof MultiLineString
                || geometry instanceof MultiPolygon) {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part instanceof Point p) {
                    writePosition(json, p.getCoordinate());
                } else if (part instanceof Polygon p) {
                    writePolygon(json, p);
                } else {
                    writePositions(json, ((LineString) part).getCoordinateSequence(), false);
                }
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + geometry.getGeometryType() + " as GeoJSON");
        }
        json.writeEndObject();
    }

    private static void writePolygon(JsonGenerator json, Polygon polygon) throws IOException {
        json.writeStartArray();
        // RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise.
        writeRing(json, polygon.getExteriorRing().getCoordinateSequence(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(json, polygon.getInteriorRingN(i).getCoordinateSequence(), false);
        }
        json.writeEndArray();
    }

    private static void writeRing(JsonGenerator json, CoordinateSequence ring, boolean counterClockwise)
            throws IOException {
        boolean reverse = Orientation.isCCW(ring) != counterClockwise;
        writePositions(json, ring, reverse);
    }

    private static void writePositions(JsonGenerator json, CoordinateSequence positions, boolean reverse)
            throws IOException {
        json.writeStartArray();
        int n = positions.size();
        for (int i = 0; i < n; i++) {
            writePosition(json, positions.getCoordinate(reverse ? n - 1 - i : i));
        }
        json.writeEndArray();
    }

    private static void writePosition(JsonGenerator json, Coordinate c) throws IOException {
        json.writeStartArray();
        json.writeNumber(formatOrdinate(c.getX()));
        json.writeNumber(formatOrdinate(c.getY()));
        json.writeEndArray();
    }

    /** Rounds half-even to {@link #DECIMALS} places and drops trailing zeros: 71.3666700001 → "71.36667". */
    static String formatOrdinate(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coordinate is not a finite number: " + value);
        }
        return new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
