package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A GeoJSON file that cannot be read, with where the problem is. The message always starts with the
 * file and, when the problem is inside a feature, its zero-based index:
 * {@code "maps/cities.geojson: feature 12: geometry.coordinates: must be [lon, lat] numbers"}.
 */
public class GeoJsonException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int featureIndex;
    private final String problem;

    public GeoJsonException(Path file, int featureIndex, String problem, Throwable cause) {
        super(file + ": " + (featureIndex >= 0 ? "feature " + featureIndex + ": " : "") + problem, cause);
        this.file = file;
        this.featureIndex = featureIndex;
        this.problem = problem;
    }

    public GeoJsonException(Path file, int featureIndex, String problem) {
        this(file, featureIndex, problem, null);
    }

    /** The file that was being read. */
    public Path file() {
        return file;
    }

    /** Zero-based index of the offending feature in the collection, or -1 when the problem is not in a feature. */
    public int featureIndex() {
        return featureIndex;
    }

    /** The problem alone, without file and feature. */
    public String problem() {
        return problem;
    }
}
