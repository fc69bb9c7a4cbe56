package kz.incidentmap.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature: a JTS geometry in longitude/latitude (WGS 84, x = longitude) and its
 * properties. Property values are {@code String}, {@code Integer}/{@code Long}, {@code Double},
 * {@code Boolean}, {@code null}, or {@code List}/{@code Map} of those, in the order of the file.
 *
 * @param geometry never null
 * @param properties unmodifiable, never null (empty when the file has none)
 */
public record GeoJsonFeature(Geometry geometry, Map<String, Object> properties) {

    public GeoJsonFeature {
        Objects.requireNonNull(geometry, "geometry");
        // LinkedHashMap copy: keeps the file's property order and allows null values (Map.copyOf does not).
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The property as text, or null when absent or null. */
    public String string(String key) {
        Object value = properties.get(key);
        return value == null ? null : value.toString();
    }
}
