package kz.incidentmap.layers;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalInt;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentOrder;
import org.locationtech.jts.geom.Envelope;

/**
 * Orders the rows of an {@link IncidentIndex} by a table column, as an {@code int[]} of row numbers:
 * dates and types from the index's own arrays, the other columns by the store's order of row ids. The
 * store's order is kept for the index it was read for, so that the rows within a moving view are sorted
 * again without another query. Called on a worker thread; one sort at a time.
 */
public final class IncidentSort {

    /** Types ranked by the label the table shows, by ordinal. */
    private static final int[] TYPE_RANK = typeRanks();

    private final IncidentRecords records;
    private IncidentOrder readOrder;
    private IncidentIndex readFor;
    private int[] readRows;

    public IncidentSort(IncidentRecords records) {
        this.records = records;
    }

    /**
     * The rows of {@code index} ordered by {@code column} (null: the index's own order), only those
     * within {@code box} when it is not null.
     */
    public synchronized int[] order(IncidentIndex index, IncidentColumn column, boolean descending, Envelope box)
            throws IOException {
        boolean[] keep = null;
        if (box != null) {
            boolean[] in = new boolean[index.size()];
            index.forEachWithin(box, r -> in[r] = true);
            keep = in;
        }
        int[] rows;
        if (column == null) {
            rows = kept(allRows(index.size()), keep);
        } else if (column.storeOrder() == null) {
            rows = byIndex(index, column, keep);
        } else {
            rows = kept(storeRows(index, column.storeOrder()), keep);
        }
        if (descending) {
            for (int i = 0, j = rows.length - 1; i < j; i++, j--) {
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
        }
        return rows;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, r -> r);
        return rows;
    }

    private static int[] kept(int[] rows, boolean[] keep) {
        return keep == null ? rows.clone() : Arrays.stream(rows).filter(r -> keep[r]).toArray();
    }

    /** Rows by the date or the type, ties by row: key and row packed in one long, so one primitive sort does it. */
    private static int[] byIndex(IncidentIndex index, IncidentColumn column, boolean[] keep) {
        long[] packed = new long[index.size()];
        int n = 0;
        for (int r = 0; r < index.size(); r++) {
            if (keep == null || keep[r]) {
                long key = column == IncidentColumn.DATE ? index.epochDay(r) : TYPE_RANK[index.typeOrdinal(r)];
                packed[n++] = key << 32 | r;
            }
        }
        Arrays.sort(packed, 0, n);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (int) packed[i];
        }
        return rows;
    }

    /**
     * The index's rows in the store's order; rows the store did not list (written after it was asked)
     * come last. The store is asked again for another index, since an edit changes both.
     */
    private int[] storeRows(IncidentIndex index, IncidentOrder order) throws IOException {
        if (order != readOrder || index != readFor) {
            long[] fids = records.orderedBy(order);
            int[] rows = new int[index.size()];
            boolean[] listed = new boolean[index.size()];
            int n = 0;
            for (long fid : fids) {
                OptionalInt r = index.rowOf(fid);
                if (r.isPresent() && !listed[r.getAsInt()]) {
                    listed[r.getAsInt()] = true;
                    rows[n++] = r.getAsInt();
                }
            }
            for (int r = 0; r < rows.length && n < rows.length; r++) {
                if (!listed[r]) {
                    rows[n++] = r;
                }
            }
            readOrder = order;
            readFor = index;
            readRows = rows;
        }
        return readRows;
    }

    private static int[] typeRanks() {
        IncidentType[] byLabel = IncidentType.values().clone();
        Arrays.sort(byLabel, Comparator.comparing(IncidentType::label));
        int[] rank = new int[byLabel.length];
        for (int i = 0; i < byLabel.length; i++) {
            rank[byLabel[i].ordinal()] = i;
        }
        return rank;
    }
}
