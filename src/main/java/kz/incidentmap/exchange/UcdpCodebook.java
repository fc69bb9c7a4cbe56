package kz.incidentmap.exchange;

import java.time.LocalDate;
import java.util.Map;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;

/**
 * How the codes of UCDP's Georeferenced Event Dataset (GED) become ours, in one place so the mapping can
 * follow the map's vocabulary. GED's three kinds of organised violence all have a sub-type of ours that
 * fits: fighting where a state is a side and fighting between groups are armed clashes; one-sided
 * violence is an attack on civilians.
 */
final class UcdpCodebook {

    /** type_of_violence → kind, with GED's name of it. */
    private static final Map<String, DraftKind> KINDS = Map.of(
            "1", new DraftKind(IncidentType.ARMED_CLASH.code(), IncidentSubType.ARMED_CLASH.code()),
            "2", new DraftKind(IncidentType.ARMED_CLASH.code(), IncidentSubType.ARMED_CLASH.code()),
            "3", new DraftKind(IncidentType.ARMED_ATTACK.code(), IncidentSubType.ATTACK_ON_CIVILIANS.code()));
    private static final Map<String, String> NAMES = Map.of("1", "State-based violence", "2", "Non-state violence",
            "3", "One-sided violence");

    private UcdpCodebook() {
    }

    /** The kind of a type_of_violence value, or null for one GED does not have. */
    static DraftKind kind(String typeOfViolence) {
        return KINDS.get(typeOfViolence.trim());
    }

    /** GED's name of a type_of_violence value ("One-sided violence"). */
    static String name(String typeOfViolence) {
        return NAMES.getOrDefault(typeOfViolence.trim(), "Violence");
    }

    /**
     * where_prec → our location precision: 1 the place itself is a city's point; 2 (within 25 km of it), 3
     * (a district), 4 (a province) and 5 (a line such as a border or a road) stand for an area, "region" the
     * nearest we have; 6 (the country) and 7 (waters or air space) have none (null).
     */
    static String locationPrecision(String wherePrec) {
        return switch (wherePrec.trim()) {
            case "1" -> "city";
            case "2", "3", "4", "5" -> "region";
            case "6", "7" -> null;
            default -> wherePrec;
        };
    }

    static String wherePrecMeaning(String wherePrec) {
        return switch (wherePrec.trim()) {
            case "6" -> "UCDP where_prec 6: only the country is known";
            case "7" -> "UCDP where_prec 7: international waters or air space";
            default -> "UCDP where_prec " + wherePrec.trim();
        };
    }

    /**
     * The precision of a date from GED's date_prec and the span date_start..date_end, the coarser of the
     * two: date_prec 1 is the day; 2 to 4 (within a week, within a month) the month; 5 (more than a
     * month) the year. A span within one day is a day, within one month a month, within one year a year,
     * and longer "approximate".
     */
    static String datePrecision(String datePrec, LocalDate start, LocalDate end) {
        int byCode = switch (datePrec.trim()) {
            case "1", "" -> 0;
            case "2", "3", "4" -> 1;
            default -> 2;
        };
        int bySpan;
        if (end == null || end.equals(start)) {
            bySpan = 0;
        } else if (end.getYear() == start.getYear() && end.getMonth() == start.getMonth()) {
            bySpan = 1;
        } else if (end.getYear() == start.getYear()) {
            bySpan = 2;
        } else {
            bySpan = 3;
        }
        return new String[] {"day", "month", "year", "approximate"}[Math.max(byCode, bySpan)];
    }
}
