package kz.incidentmap.timeline;

import java.time.LocalDate;

/**
 * The stretch of time the timeline shows across its width: a start day and days per pixel, zoomed
 * about the pointer and panned like the map. Immutable.
 *
 * @param startDay epoch day at the left edge (fractional while zooming, so that zooming in and out
 *                 returns to where it was)
 * @param daysPerPixel how many days one pixel covers
 * @param width the width in pixels
 */
public record TimelineScale(double startDay, double daysPerPixel, double width) {

    /** The closest zoom: two weeks across the timeline. */
    public static final double MIN_DAYS = 14;
    /** The widest: sixty years, so that 25 years of record fit with room on either side. */
    public static final double MAX_DAYS = 60 * 365.25;

    public TimelineScale {
        if (!(width > 0) || !(daysPerPixel > 0) || !Double.isFinite(startDay)) {
            throw new IllegalArgumentException("a timeline needs a width and a positive scale");
        }
    }

    /** The scale that shows {@code range} with a margin of a twentieth of it either side. */
    public static TimelineScale showing(DateRange range, double width) {
        double days = Math.min(MAX_DAYS, Math.max(MIN_DAYS, range.days() * 1.1));
        double mid = range.first().toEpochDay() + range.days() / 2.0;
        return new TimelineScale(mid - days / 2, days / width, width);
    }

    public double days() {
        return daysPerPixel * width;
    }

    public double x(double epochDay) {
        return (epochDay - startDay) / daysPerPixel;
    }

    public LocalDate dayAt(double x) {
        return LocalDate.ofEpochDay((long) Math.floor(startDay + x * daysPerPixel));
    }

    /** The days wholly or partly in view. */
    public DateRange range() {
        return new DateRange(dayAt(0), dayAt(width - 1e-9));
    }

    /** Zoomed by {@code factor} (above 1 shows less time) about the pixel {@code x}, within the limits. */
    public TimelineScale zoomedAt(double x, double factor) {
        double days = Math.min(MAX_DAYS, Math.max(MIN_DAYS, days() / factor));
        double anchor = startDay + x * daysPerPixel;
        double perPixel = days / width;
        return new TimelineScale(anchor - x * perPixel, perPixel, width);
    }

    /** Moved so that what was at pixel {@code x} is at {@code x + dx}. */
    public TimelineScale pannedBy(double dx) {
        return new TimelineScale(startDay - dx * daysPerPixel, daysPerPixel, width);
    }

    /** The same time across a new width (the window was resized). */
    public TimelineScale resized(double newWidth) {
        return new TimelineScale(startDay, days() / newWidth, newWidth);
    }

    /** The bin the timeline draws at this zoom. */
    public TimeBin bin() {
        return TimeBin.forZoom(Math.round(days()), width);
    }
}
