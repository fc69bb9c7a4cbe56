package kz.incidentmap.geo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position typed into the search field, as other maps take it: latitude then longitude in decimal
 * degrees ("44.07, 70.07", "44.07 70.07", "44.07N 70.07E"), or longitude first when a letter says so
 * ("70.07E 44.07N") or when the first number cannot be a latitude of Kazakhstan and its surroundings
 * ("70.07, 44.07"). A comma as the decimal mark is read when the two numbers are apart by a space or a
 * semicolon ("44,07; 70,07"). Only positions in and around Kazakhstan are taken.
 */
public final class CoordinateQuery {

    /** Kazakhstan and a margin around it: positions outside are not taken as positions. */
    private static final double MIN_LAT = 35;
    private static final double MAX_LAT = 60;
    private static final double MIN_LON = 40;
    private static final double MAX_LON = 95;

    private static final String NUMBER = "([-+]?\\d{1,3}(?:[.,]\\d+)?)\\s*°?\\s*([NSEWnsew]?)";
    private static final Pattern TWO = Pattern.compile("^\\s*" + NUMBER + "\\s*(?:[,;]|\\s)\\s*" + NUMBER + "\\s*$");

    private CoordinateQuery() {
    }

    /** The position {longitude, latitude} the text names, or empty when it is not a position. */
    public static Optional<double[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TWO.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String a = m.group(1);
        String b = m.group(3);
        double first = signed(a, m.group(2));
        double second = signed(b, m.group(4));
        boolean firstIsLon = isLon(m.group(2)) || isLat(m.group(4))
                || (m.group(2).isEmpty() && m.group(4).isEmpty() && (first < MIN_LAT || first > MAX_LAT));
        double lon = firstIsLon ? first : second;
        double lat = firstIsLon ? second : first;
        // Only where this map reaches: "44,07" typed alone reads as 44 and 7, a place no one means here.
        if (lon < MIN_LON || lon > MAX_LON || lat < MIN_LAT || lat > MAX_LAT) {
            return Optional.empty();
        }
        return Optional.of(new double[] {lon, lat});
    }

    private static boolean isLon(String letter) {
        return letter.equalsIgnoreCase("E") || letter.equalsIgnoreCase("W");
    }

    private static boolean isLat(String letter) {
        return letter.equalsIgnoreCase("N") || letter.equalsIgnoreCase("S");
    }

    private static double signed(String number, String letter) {
        double v = Double.parseDouble(number.replace(',', '.'));
        return letter.equalsIgnoreCase("S") || letter.equalsIgnoreCase("W") ? -Math.abs(v) : v;
    }
}
