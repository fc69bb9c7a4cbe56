package kz.incidentmap.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The frames of a played timeline: from {@code from} to {@code to} in steps of one {@code step}, each
 * frame showing either the last {@code window} steps up to its end (a sliding window) or everything
 * since {@code from} (cumulative).
 *
 * @param window how many steps one frame shows; 0 means cumulative
 */
public record Playback(LocalDate from, LocalDate to, TimeBin step, int window) {

    /** Most frames one playback makes: a day at a time over 25 years is 9,131. */
    public static final int MAX_FRAMES = 20_000;

    public Playback {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the playback ends (" + to + ") before it starts (" + from + ")");
        }
        if (window < 0) {
            throw new IllegalArgumentException("a playback window is a number of steps, not " + window);
        }
    }

    /** One frame: the days it shows, inclusive. */
    public record Frame(int number, LocalDate first, LocalDate last) {

        /** The frame's dates as printed on it: "March 2011", "2011", "7–13 Mar 2011", "12 Nov 2011". */
        public String label(TimeBin step, int window) {
            boolean whole = window == 1 && first.equals(step.start(first)) && last.equals(step.next(first).minusDays(1));
            if (whole && step == TimeBin.MONTH) {
                return last.format(DateTimeFormatter.ofPattern("LLLL yyyy", Locale.ENGLISH));
            }
            if (whole && step == TimeBin.YEAR) {
                return String.valueOf(last.getYear());
            }
            return new DateRange(first, last).label();
        }
    }

    public boolean cumulative() {
        return window == 0;
    }

    /** Every frame in order; refused beyond {@link #MAX_FRAMES}, naming how many it would be. */
    public List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        LocalDate stepStart = step.start(from);
        while (!stepStart.isAfter(to)) {
            LocalDate next = step.next(stepStart);
            LocalDate last = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
            LocalDate first = cumulative() ? from : max(from, windowStart(next));
            frames.add(new Frame(frames.size() + 1, first, last));
            if (frames.size() > MAX_FRAMES) {
                throw new IllegalArgumentException("a playback of " + from + " to " + to + " by " + step.word()
                        + " makes more than " + MAX_FRAMES + " frames; take a longer step");
            }
            stepStart = next;
        }
        return frames;
    }

    /** The first day of the window of {@code window} steps that ends just before {@code next}. */
    private LocalDate windowStart(LocalDate next) {
        return step.plus(next, -window);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
