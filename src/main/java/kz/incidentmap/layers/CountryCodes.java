package kz.incidentmap.layers;

/**
 * How {@code maps/countries.geojson} names its countries: by the ISO 3166-1 alpha-3 code in the
 * attribute Natural Earth calls {@code iso_a3}. The map, its styles, its preview and the tools that
 * write or read the file find Kazakhstan by it.
 */
public final class CountryCodes {

    /** The attribute holding a country's code. */
    public static final String ATTRIBUTE = "iso_a3";
    /** Kazakhstan's code. */
    public static final String KAZAKHSTAN = "KAZ";

    private CountryCodes() {
    }

    /** Whether {@code code}, a feature's {@link #ATTRIBUTE}, is Kazakhstan's. */
    public static boolean isKazakhstan(Object code) {
        return KAZAKHSTAN.equals(code);
    }

    /** What a countries file lacking Kazakhstan is told it lacks. */
    public static String missing() {
        return "no feature with " + ATTRIBUTE + " = " + KAZAKHSTAN + " (Kazakhstan)";
    }
}
