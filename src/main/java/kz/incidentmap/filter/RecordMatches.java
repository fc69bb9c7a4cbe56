package kz.incidentmap.filter;

import java.io.IOException;
import java.util.Arrays;
import kz.incidentmap.layers.IncidentRecords;

/**
 * The row ids of the incidents whose full records pass a filter's record parts (text, names, oblast,
 * sources, tags, expression, minimum grade), found by one pass over the records. A change of only the other parts
 * (time, type, casualties, area) keeps it: {@link #answers} says whether it still serves a filter.
 * Immutable; made off the JavaFX thread.
 */
public final class RecordMatches {

    private final IncidentFilter recordPart;
    private final long[] rowIds;

    private RecordMatches(IncidentFilter recordPart, long[] rowIds) {
        this.recordPart = recordPart;
        this.rowIds = rowIds;
    }

    /** Reads every record once and keeps the row ids of those that pass; none is read when none is needed. */
    public static RecordMatches scan(IncidentFilter filter, IncidentRecords records) throws IOException {
        IncidentFilter part = recordPart(filter);
        if (!part.needsRecords()) {
            return new RecordMatches(part, new long[0]);
        }
        long[][] found = {new long[1024]};
        int[] n = {0};
        records.forEach((rowId, incident) -> {
            if (part.passesRecord(incident)) {
                if (n[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], n[0] * 2);
                }
                found[0][n[0]++] = rowId;
            }
        });
        long[] ids = Arrays.copyOf(found[0], n[0]);
        Arrays.sort(ids);
        return new RecordMatches(part, ids);
    }

    /** Whether this scan answers {@code filter}'s record parts (it was made for the same ones). */
    public boolean answers(IncidentFilter filter) {
        return recordPart.equals(recordPart(filter));
    }

    /** Whether the incident with this row id passed. */
    public boolean contains(long rowId) {
        return Arrays.binarySearch(rowIds, rowId) >= 0;
    }

    /** How many passed. */
    public int count() {
        return rowIds.length;
    }

    /**
     * Only the parts a record scan answers; with a minimum grade also the casualty bounds, which then
     * count only the claims of graded sources, figures the index does not hold.
     */
    private static IncidentFilter recordPart(IncidentFilter f) {
        IncidentFilter.Builder b = IncidentFilter.builder().perpetrators(f.perpetrators()).claimedBy(f.claimedBy())
                .oblasts(f.oblasts()).source(f.source()).tags(f.tags()).text(f.text()).where(f.where())
                .minGrade(f.minGrade());
        return f.minGrade() == null ? b.build() : b.killed(f.minKilled(), f.maxKilled())
                .wounded(f.minWounded(), f.maxWounded()).agreement(f.agreement()).build();
    }
}
