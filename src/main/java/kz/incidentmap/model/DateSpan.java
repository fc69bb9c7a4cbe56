package kz.incidentmap.model;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The days an incident's date may stand for, given how precisely it is known: a date known to the day
 * is that day, one known to the month the whole month, one known to the year (or only approximately,
 * which the record keeps no finer than its year) the whole year.
 *
 * @param first the first day it may be
 * @param last the last day it may be
 */
public record DateSpan(LocalDate first, LocalDate last) {

    /** The span of {@code date} at {@code precision} (a missing precision counts as a day); null without a date. */
    public static DateSpan of(LocalDate date, DatePrecision precision) {
        if (date == null) {
            return null;
        }
        return switch (precision == null ? DatePrecision.DAY : precision) {
            case DAY -> new DateSpan(date, date);
            case MONTH -> new DateSpan(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case YEAR, APPROXIMATE -> new DateSpan(date.withDayOfYear(1), date.with(TemporalAdjusters.lastDayOfYear()));
        };
    }

    /** The span of an incident's date; null when it has none. */
    public static DateSpan of(Incident i) {
        return of(i.date(), i.datePrecision());
    }

    /** The same as epoch day numbers, first and last. */
    public long firstDay() {
        return first.toEpochDay();
    }

    public long lastDay() {
        return last.toEpochDay();
    }
}
