package kz.incidentmap.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A named view of the map, kept in the store so that it travels with the file: the area shown, the
 * filter and the layers' settings. The filter and the layers are kept as the JSON their own packages
 * write (the store does not read them).
 *
 * @param name what the user called it, unique in a store
 * @param minLon west edge of the area shown, degrees
 * @param minLat south edge
 * @param maxLon east edge
 * @param maxLat north edge
 * @param scale the scale denominator it was shown at, to show it again at its centre exactly so (a box in
 *              degrees, projected again, is larger than the view it came from); NaN: fit the box
 * @param filter the filter, as JSON
 * @param layers the layers' visibility, opacity, order and presentation and the incidents' colouring, as JSON
 * @param saved when it was last saved
 */
public record SavedView(String name, double minLon, double minLat, double maxLon, double maxLat, double scale,
        String filter, String layers, Instant saved) {

    /** Longest name a view may have, in characters. */
    public static final int MAX_NAME = 100;

    public SavedView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(layers, "layers");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a view's name must be 1 to " + MAX_NAME
                    + " characters without line breaks, not '" + name + "'");
        }
        if (!Double.isNaN(scale) && !(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("view '" + name + "': its scale must be above 0, not " + scale);
        }
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat)) {
            throw new IllegalArgumentException("view '" + name + "': its area " + minLon + "," + minLat + ","
                    + maxLon + "," + maxLat + " is not a box in degrees (west,south,east,north)");
        }
    }
}
