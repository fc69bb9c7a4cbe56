package kz.incidentmap.exchange;

import java.util.Locale;

/**
 * Events a data set places only in the country as a whole. Refused by default; with
 * {@link ImportOptions.Unlocated#COUNTRY} they are put at Kazakhstan's geographic centre (48.0 N,
 * 67.0 E, in Karaganda Region by the shipped boundaries) with precision "region", the coarsest the record has, and
 * a tag {@code located-country-only} that says the point is not a place.
 */
final class CountryWide {

    static final String CENTRE_LON = "67.0";
    static final String CENTRE_LAT = "48.0";
    static final String TAG = "located-country-only";

    private CountryWide() {
    }

    /** The reason a country-wide event is refused, naming the column and its value. */
    static String refusal(String value, String meaning) {
        return String.format(Locale.ROOT, "%s (%s): the event is not located more precisely than the country;"
                + " not imported, since a point would claim a place (--unlocated country puts such events at"
                + " Kazakhstan's centre)", value, meaning);
    }
}
