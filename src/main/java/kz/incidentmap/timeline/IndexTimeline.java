package kz.incidentmap.timeline;

import kz.incidentmap.layers.IncidentIndex;

/** The timeline's histogram of the incidents an index holds. */
public final class IndexTimeline {

    private IndexTimeline() {
    }

    /**
     * Bins every dated incident of {@code index} over {@code range}; one pass over the index's arrays.
     * Casualties are killed plus wounded, the largest any source gives, as the index keeps them.
     */
    public static TimelineHistogram histogram(IncidentIndex index, DateRange range, TimeBin bin, TimelineMeasure measure) {
        TimelineHistogram.Builder b = new TimelineHistogram.Builder(range.first(), range.last(), bin);
        for (int row = 0, n = index.size(); row < n; row++) {
            int day = index.epochDay(row);
            if (day != IncidentIndex.NO_DATE) {
                b.add(day, day, measure == TimelineMeasure.INCIDENTS ? 1 : index.casualties(row));
            }
        }
        return b.build();
    }
}
