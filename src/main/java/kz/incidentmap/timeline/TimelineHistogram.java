package kz.incidentmap.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Incidents (or their dead, or wounded) per bin over a span of dates. An incident whose date is known
 * to the day, or whose month or year lies within one bin, counts whole in that bin ({@link #exact}). One
 * whose span crosses bins — a month-dated incident in a week view — is spread over them in proportion to
 * the days of its span in each ({@link #spread}), so that the timeline shows a span rather than a false day.
 *
 * <p>Immutable; built with {@link Builder} in one pass over the incidents.
 */
public final class TimelineHistogram {

    private final TimeBin bin;
    private final LocalDate[] starts;
    private final double[] exact;
    private final double[] spread;

    private TimelineHistogram(TimeBin bin, LocalDate[] starts, double[] exact, double[] spread) {
        this.bin = bin;
        this.starts = starts;
        this.exact = exact;
        this.spread = spread;
    }

    public TimeBin bin() {
        return bin;
    }

    /** Number of bins. */
    public int size() {
        return exact.length;
    }

    /** First day of bin {@code i} (the first bin may start before the range asked for). */
    public LocalDate start(int i) {
        return starts[i];
    }

    /** Last day of bin {@code i}. */
    public LocalDate end(int i) {
        return starts[i + 1].minusDays(1);
    }

    /** What falls wholly in bin {@code i}. */
    public double exact(int i) {
        return exact[i];
    }

    /** The share of bin {@code i} in spans that cross bins. */
    public double spread(int i) {
        return spread[i];
    }

    public double total(int i) {
        return exact[i] + spread[i];
    }

    /** The tallest bar. */
    public double max() {
        double m = 0;
        for (int i = 0; i < size(); i++) {
            m = Math.max(m, total(i));
        }
        return m;
    }

    /** Everything the bars hold together. */
    public double sum() {
        double s = 0;
        for (int i = 0; i < size(); i++) {
            s += total(i);
        }
        return s;
    }

    /** The bin holding {@code day}, or -1 outside the histogram. */
    public int binOf(LocalDate day) {
        if (day.isBefore(starts[0]) || !day.isBefore(starts[starts.length - 1])) {
            return -1;
        }
        return (int) bin.between(starts[0], bin.start(day));
    }

    /** Collects spans of days, then bins them. Not thread-safe; use one per histogram. */
    public static final class Builder {

        private final TimeBin bin;
        private final long firstDay;
        private final long lastDay;
        private final LocalDate[] starts;
        /** Bin of each day of the range, from {@link #firstDay}. */
        private final int[] binOfDay;
        private final double[] exact;
        /** Per day: change of the spread density, summed into bins at {@link #build}. */
        private final double[] densityChange;

        /**
         * @param from first day shown (the histogram starts at its bin's first day)
         * @param to last day shown (inclusive; the histogram ends at its bin's last day)
         */
        public Builder(LocalDate from, LocalDate to, TimeBin bin) {
            this.bin = Objects.requireNonNull(bin, "bin");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("timeline ends (" + to + ") before it starts (" + from + ")");
            }
            List<LocalDate> s = new ArrayList<>();
            for (LocalDate d = bin.start(from); !d.isAfter(to); d = bin.next(d)) {
                s.add(d);
            }
            s.add(bin.next(s.get(s.size() - 1)));
            this.starts = s.toArray(LocalDate[]::new);
            this.firstDay = starts[0].toEpochDay();
            this.lastDay = starts[starts.length - 1].toEpochDay() - 1;
            this.binOfDay = new int[Math.toIntExact(lastDay - firstDay + 1)];
            for (int b = 0; b < starts.length - 1; b++) {
                int a = (int) (starts[b].toEpochDay() - firstDay);
                int z = (int) (starts[b + 1].toEpochDay() - firstDay);
                java.util.Arrays.fill(binOfDay, a, z, b);
            }
            this.exact = new double[starts.length - 1];
            this.densityChange = new double[binOfDay.length + 1];
        }

        /**
         * Adds what one incident weighs, spread over the days {@code startDay..endDay} (epoch days,
         * inclusive). Spans wholly outside the histogram add nothing; spans partly outside add the
         * share of their days inside.
         */
        public void add(long startDay, long endDay, double weight) {
            if (endDay < startDay || endDay < firstDay || startDay > lastDay || weight == 0) {
                return;
            }
            if (startDay >= firstDay && endDay <= lastDay) {
                int b = binOfDay[(int) (startDay - firstDay)];
                if (b == binOfDay[(int) (endDay - firstDay)]) {
                    exact[b] += weight;
                    return;
                }
            }
            double perDay = weight / (endDay - startDay + 1);
            densityChange[(int) (Math.max(startDay, firstDay) - firstDay)] += perDay;
            densityChange[(int) (Math.min(endDay, lastDay) - firstDay) + 1] -= perDay;
        }

        public TimelineHistogram build() {
            double[] spread = new double[exact.length];
            double density = 0;
            for (int d = 0; d < binOfDay.length; d++) {
                density += densityChange[d];
                spread[binOfDay[d]] += density;
            }
            for (int b = 0; b < spread.length; b++) {
                // Rounding leaves crumbs of a span that ended; they are not incidents.
                if (Math.abs(spread[b]) < 1e-9) {
                    spread[b] = 0;
                }
            }
            return new TimelineHistogram(bin, starts.clone(), exact.clone(), spread);
        }
    }
}
