package kz.incidentmap.redact;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text (titles, places, notes, descriptions, a page's lines) with its dates made no more precise
 * than the month and its coordinates rounded: "12 November 2011" becomes "November 2011", "2011-11-12"
 * "2011-11", "12.11.2011" "11.2011", "12 ноября 2011" "ноября 2011", and a number with more than one
 * decimal (a longitude, a latitude) is given to one decimal, about 10 km.
 */
final class RedactedText {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final String RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
            + "|ноября|декабря|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан";
    private static final Pattern ISO = Pattern.compile("(?<![\\d])(\\d{4})-(\\d{2})-(\\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS
            + "|" + RU_MONTHS + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\p{L}])(" + MONTHS
            + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])(,)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?![\\d])");
    /** A time of day with the word before it that says "at" ("at 14:35", "в 14:35"). */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?:\\s+(?:at|around|about|в|около))?\\s*(?<![\\d:])"
            + "([01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?![\\d:]|,\\d)", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])(-?\\d{1,3})\\.(\\d{2,})(?![\\d.])");

    private RedactedText() {
    }

    /** {@code text} with dates to the month, times of day and precise coordinates left out; null stays null. */
    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Coordinates first: a dotted date (12.11.2011) is no decimal, but the month it becomes (11.2011) would be.
        Matcher m = DECIMAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double v = Double.parseDouble(m.group(1) + "." + m.group(2));
            m.appendReplacement(out, String.format(Locale.ROOT, "%.1f", v));
        }
        m.appendTail(out);
        String t = ISO.matcher(out.toString()).replaceAll("$1-$2");
        t = DAY_MONTH.matcher(t).replaceAll("$2");
        t = MONTH_DAY.matcher(t).replaceAll("$1");
        t = DOTTED.matcher(t).replaceAll("$2.$3");
        t = TIME_OF_DAY.matcher(t).replaceAll("");
        return t.replaceAll(" {2,}", " ").strip();
    }
}
