package kz.incidentmap.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The width of one bar of the timeline: calendar days, ISO weeks (from Monday), months or years. */
public enum TimeBin {
    DAY(1), WEEK(7), MONTH(30.44), YEAR(365.25);

    /** Bars narrower than this many pixels are merged into the next coarser bin. */
    public static final double MIN_BAR_PX = 4;

    private final double averageDays;

    TimeBin(double averageDays) {
        this.averageDays = averageDays;
    }

    /** The first day of the bin holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the bin after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return plus(start, 1);
    }

    /** {@code day} moved {@code n} of these units on (back when negative). */
    public LocalDate plus(LocalDate day, long n) {
        return switch (this) {
            case DAY -> day.plusDays(n);
            case WEEK -> day.plusWeeks(n);
            case MONTH -> day.plusMonths(n);
            case YEAR -> day.plusYears(n);
        };
    }

    /** The finest bin whose bars are at least {@link #MIN_BAR_PX} wide when {@code days} fill {@code widthPx}. */
    public static TimeBin forZoom(long days, double widthPx) {
        double pxPerDay = widthPx / Math.max(1, days);
        for (TimeBin b : values()) {
            if (b.averageDays * pxPerDay >= MIN_BAR_PX) {
                return b;
            }
        }
        return YEAR;
    }

    /** The number of whole bins between two bin starts. */
    long between(LocalDate a, LocalDate b) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(a, b);
            case WEEK -> ChronoUnit.WEEKS.between(a, b);
            case MONTH -> ChronoUnit.MONTHS.between(a, b);
            case YEAR -> ChronoUnit.YEARS.between(a, b);
        };
    }

    /** Lower-case word for messages and the command line: "day", "week", "month", "year". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
