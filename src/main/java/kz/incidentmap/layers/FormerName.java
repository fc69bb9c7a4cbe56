package kz.incidentmap.layers;

/**
 * A name a place had before, with the time it was in use as far as it is known.
 *
 * @param name the former name, as written in {@code maps/renamings.csv}
 * @param from when the place took the name: "1998-05-06", a year ("1992") when the day is not known, or
 *        null when the name is older than the renamings listed
 * @param to when the place lost the name, in the same form
 */
public record FormerName(String name, String from, String to) {

    /**
     * "the name of Astana from 2019-03-23 to 2022-09-17" when both days are known, else "a former name of
     * Almaty (1921–1993)" with what is known of the years.
     */
    public String of(String place) {
        if (isDay(from) && isDay(to)) {
            return "the name of " + place + " from " + from + " to " + to;
        }
        String years = from != null && to != null ? " (" + from + "\u2013" + to + ")"
                : to != null ? " (until " + to + ")" : from != null ? " (from " + from + ")" : "";
        return "a former name of " + place + years;
    }

    private static boolean isDay(String date) {
        return date != null && date.length() == 10;
    }
}
