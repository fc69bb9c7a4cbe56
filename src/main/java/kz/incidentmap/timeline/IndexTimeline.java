package kz.incidentmap.timeline;

import java.time.LocalDate;
import kz.incidentmap.layers.IncidentIndex;

/** The timeline's histogram of the incidents an index holds. */
public final class IndexTimeline {

    private IndexTimeline() {
    }

    /** The days the index's dated incidents may have happened on, first to last; null when none is dated. */
    public static DateRange extent(IncidentIndex index) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int row = 0, n = index.size(); row < n; row++) {
            if (index.epochDay(row) != IncidentIndex.NO_DATE) {
                first = Math.min(first, index.spanStart(row));
                last = Math.max(last, index.spanEnd(row));
            }
        }
        return first > last ? null : new DateRange(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
    }

    /**
     * Bins every dated incident of {@code index} over {@code range}, each over the days its date stands
     * for (a day, or the whole month or year it is dated to); one pass over the index's arrays.
     */
    public static TimelineHistogram histogram(IncidentIndex index, DateRange range, TimeBin bin, TimelineMeasure measure) {
        TimelineHistogram.Builder b = new TimelineHistogram.Builder(range.first(), range.last(), bin);
        for (int row = 0, n = index.size(); row < n; row++) {
            if (index.epochDay(row) == IncidentIndex.NO_DATE) {
                continue;
            }
            double weight = 1;
            if (measure != TimelineMeasure.INCIDENTS) {
                int figure = index.figure(row, measure.figure());
                weight = figure == IncidentIndex.NO_FIGURE ? 0 : figure;
            }
            b.add(index.spanStart(row), index.spanEnd(row), weight);
        }
        return b.build();
    }
}
