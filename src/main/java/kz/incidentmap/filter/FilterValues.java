package kz.incidentmap.filter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Vocabulary;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The filter options' values read from text, one way for the command line and for a saved view read
 * back in the window. Each refusal is an {@link IllegalArgumentException} whose message begins with the
 * option and the value ("--from 2011-13-01: not a date, expected YYYY-MM-DD").
 */
public final class FilterValues {

    /** Where a point or an area may lie: what the map's conic projection shows well, Central Asia and around it, degrees. */
    private static final Envelope MAP_AREA = new Envelope(20, 120, 20, 75);

    private FilterValues() {
    }

    /** Whether (lon, lat) lies where this map may show anything. */
    public static boolean inMapArea(double lon, double lat) {
        return MAP_AREA.contains(lon, lat);
    }

    /** Whether all of {@code box} (degrees) lies where this map may show anything. */
    public static boolean inMapArea(Envelope box) {
        return MAP_AREA.contains(box);
    }

    /** A day, or null for none. */
    public static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a date, expected YYYY-MM-DD");
        }
    }

    /** "overlaps" (also for null) or "inside", any case. */
    public static TimeMatch timeMatch(String value) {
        if (value == null) {
            return TimeMatch.OVERLAPS;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "overlaps" -> TimeMatch.OVERLAPS;
            case "inside" -> TimeMatch.INSIDE;
            default -> throw new IllegalArgumentException("--time-match " + value + ": must be overlaps or inside");
        };
    }

    /**
     * Type and sub-type codes, each one or the other; one that is neither is refused with the known types.
     * A sub-type a store added is looked up in {@code vocabulary}, asked only for a code that is not
     * built in.
     */
    public static void types(List<String> codes, Supplier<Vocabulary> vocabulary, IncidentFilter.Builder b) {
        Set<IncidentType> t = EnumSet.noneOf(IncidentType.class);
        Set<IncidentSubType> s = new LinkedHashSet<>();
        for (String code : codes) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            IncidentType type = List.of(IncidentType.values()).stream().filter(x -> x.code().equals(c)).findFirst().orElse(null);
            IncidentSubType sub = type != null ? null : IncidentSubType.builtIn(c)
                    .or(() -> vocabulary.get().subType(c)).orElse(null);
            if (type != null) {
                t.add(type);
            } else if (sub != null) {
                s.add(sub);
            } else {
                List<String> known = new ArrayList<>();
                List.of(IncidentType.values()).forEach(x -> known.add(x.code()));
                throw new IllegalArgumentException("--type " + code + ": not a type or sub-type (types: "
                        + String.join(", ", known) + "; sub-types as in the README)");
            }
        }
        b.types(t).subTypes(s);
    }

    /** Location precision codes: exact, street, city, region. */
    public static Set<LocationPrecision> locationPrecisions(List<String> codes) {
        Set<LocationPrecision> out = EnumSet.noneOf(LocationPrecision.class);
        for (String code : codes) {
            try {
                out.add(LocationPrecision.fromCode(code));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--location-precision " + code + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A count of 0 or more, or null. */
    /** A minimum grade of sources, a letter A–F, or null for none. */
    public static Reliability grade(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Reliability.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + value.strip() + ": " + e.getMessage());
        }
    }

    public static Integer count(String option, Integer n) {
        if (n != null && n < 0) {
            throw new IllegalArgumentException(option + " " + n + ": must be 0 or more");
        }
        return n;
    }

    /** The point of "LON,LAT" in degrees, or null when the text is not two numbers (a place name, then). */
    public static double[] point(String option, String value) {
        String[] parts = value.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            double lon = Double.parseDouble(parts[0].strip());
            double lat = Double.parseDouble(parts[1].strip());
            if (!inMapArea(lon, lat)) {
                throw new IllegalArgumentException(option + " " + value
                        + ": outside the area this map shows (longitude 20..120, latitude 20..75)");
            }
            return new double[] {lon, lat};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": expected a place name or LON,LAT in degrees");
        }
    }

    /** "Within KM": more than 0 and at most 5000 km. */
    public static double withinKm(Double km) {
        if (!(km > 0 && km <= 5_000)) {
            throw new IllegalArgumentException("--within " + km + ": must be more than 0 and at most 5000 km");
        }
        return km;
    }

    /**
     * An area given as WKT in longitude/latitude degrees: a polygon or multipolygon, valid, inside the
     * map's neighbourhood. A parse error names its position as JTS reports it.
     */
    public static Area area(String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--area: not a WKT polygon (" + e.getMessage() + ")");
        }
        if (g.isEmpty() || g.getDimension() != 2) {
            throw new IllegalArgumentException("--area: a POLYGON or MULTIPOLYGON is needed, not " + g.getGeometryType());
        }
        if (!g.isValid()) {
            throw new IllegalArgumentException("--area: the polygon crosses itself or is not closed");
        }
        if (!inMapArea(g.getEnvelopeInternal())) {
            throw new IllegalArgumentException("--area: outside the area this map shows (longitude 20..120, latitude 20..75)");
        }
        return Area.inside(g, "in the area drawn");
    }
}
