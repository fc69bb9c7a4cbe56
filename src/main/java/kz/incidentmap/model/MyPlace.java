package kz.incidentmap.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A place that matters to the user ("where I lived", "the office"), kept only in their own store and
 * never exported: its name, its position and the distances in metres at which rings are drawn round it.
 *
 * @param name what the user called it, unique in a store (compared without regard to case)
 * @param lon longitude, WGS 84 degrees
 * @param lat latitude, WGS 84 degrees
 * @param rings distances in metres, ascending, each 1 to {@link #MAX_RING}; may be empty
 * @param created when it was added
 */
public record MyPlace(String name, double lon, double lat, List<Integer> rings, Instant created) {

    /** Longest name a place may have, in characters. */
    public static final int MAX_NAME = 100;
    /** Widest ring, in metres: more than the country is wide. */
    public static final int MAX_RING = 3_000_000;
    /** Most rings one place may have: more only clutter the map. */
    public static final int MAX_RINGS = 10;
    /** What a place is given when the user says nothing of rings. */
    public static final List<Integer> DEFAULT_RINGS = List.of(200, 1000, 5000);

    public MyPlace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a place's name must be 1 to " + MAX_NAME
                    + " characters without line breaks, not '" + name + "'");
        }
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("place '" + name + "': " + lon + "," + lat
                    + " is not a longitude,latitude in degrees");
        }
        rings = List.copyOf(new TreeSet<>(Objects.requireNonNull(rings, "rings")));
        if (rings.size() > MAX_RINGS) {
            throw new IllegalArgumentException("place '" + name + "': at most " + MAX_RINGS + " rings, not " + rings.size());
        }
        for (int r : rings) {
            if (r < 1 || r > MAX_RING) {
                throw new IllegalArgumentException("place '" + name + "': a ring of " + r + " m; rings are 1 to "
                        + MAX_RING + " metres");
            }
        }
    }

    /** What names a place of the user's where a place is asked for: {@code place:where I lived}. */
    public static final String REFERENCE_PREFIX = "place:";

    /** The name after {@code place:} (any case), or null when {@code reference} names no place of the user's. */
    public static String referencedName(String reference) {
        String r = reference.strip();
        if (!r.regionMatches(true, 0, REFERENCE_PREFIX, 0, REFERENCE_PREFIX.length())) {
            return null;
        }
        return r.substring(REFERENCE_PREFIX.length()).strip();
    }

    /** The same place under another name. */
    public MyPlace renamed(String newName) {
        return new MyPlace(newName, lon, lat, rings, created);
    }

    /**
     * Rings as the user writes them, "200,1000,5000" (metres, commas; blank: none). Names the piece
     * that is not a whole number.
     */
    public static List<Integer> parseRings(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String piece : text.split(",", -1)) {
            String p = piece.strip();
            try {
                out.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rings '" + text.strip() + "': '" + p
                        + "' is not a whole number of metres (write them like 200,1000,5000)");
            }
        }
        return out;
    }

    /** Rings as {@link #parseRings} reads them. */
    public static String ringsText(List<Integer> rings) {
        return String.join(",", rings.stream().map(String::valueOf).toList());
    }
}
