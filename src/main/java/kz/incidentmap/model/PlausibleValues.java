package kz.incidentmap.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The values a record may hold: dates from {@link #EARLIEST_DATE} to today, counts of killed and wounded
 * from 0 to {@link #MAX_COUNT}. Inside that range, a date before {@link #DOUBTFUL_BEFORE} or a count above
 * {@link #DOUBTFUL_ABOVE} is only doubtful: worth a second look, not a refusal. The rules of the form and
 * every importer ({@code edit.IncidentValidator}), of the seed file and of reading a store all ask here,
 * so the limits are set once. Each method returns what is wrong in words for a user, or null.
 */
public final class PlausibleValues {

    /** The earliest date of an incident, a source or a claim: older dates are typing errors here. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1800, 1, 1);
    /** Dates before this are allowed but worth a warning. */
    public static final LocalDate DOUBTFUL_BEFORE = LocalDate.of(1900, 1, 1);
    /** The most killed (or wounded) one source may claim for one incident. */
    public static final int MAX_COUNT = 100_000;
    /** Counts above this are allowed but worth a warning. */
    public static final int DOUBTFUL_ABOVE = 10_000;

    /** The zone whose date is the latest anywhere on Earth (Kiribati's). */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private PlausibleValues() {
    }

    /**
     * Today where the day has begun first: the latest date a record written anywhere right now may hold.
     * What a file was written with is checked against it, so that a record saved just after midnight
     * east of here still reads.
     */
    public static LocalDate latestToday() {
        return LocalDate.now(EARLIEST_ZONE);
    }

    /** Why {@code date} cannot be a record's date when it is {@code today}, or null if it can. */
    public static String dateProblem(LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST_DATE)) {
            return date + " is before " + EARLIEST_DATE + ", the earliest date a record may hold";
        }
        if (date.isAfter(today)) {
            return date + " is in the future";
        }
        return null;
    }

    /** A warning for a date that is allowed but doubtful, or null. */
    public static String dateDoubt(LocalDate date) {
        return date.isBefore(DOUBTFUL_BEFORE) ? date + " is before " + DOUBTFUL_BEFORE.getYear() + "; check the year"
                : null;
    }

    /** Why {@code count} cannot be a number killed or wounded, or null if it can. */
    public static String countProblem(long count) {
        if (count < 0) {
            return count + " is negative; counts are 0 or more";
        }
        if (count > MAX_COUNT) {
            return String.format(Locale.ROOT, "%,d is more than %,d, the most a count may be", count, MAX_COUNT);
        }
        return null;
    }

    /** A warning for a count that is allowed but doubtful, or null. */
    public static String countDoubt(long count) {
        return count > DOUBTFUL_ABOVE ? String.format(Locale.ROOT, "%,d is more than %,d; check the figure", count,
                DOUBTFUL_ABOVE) : null;
    }
}
