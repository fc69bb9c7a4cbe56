package kz.incidentmap.view;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.model.Incident;

/**
 * The records behind the incident table's visible rows: pages of {@value #PAGE} positions of the order
 * shown, read by row id from the store on a worker thread when a cell first asks, and kept in a small
 * least-recently-used cache, so scrolling through a million rows never holds more than a few thousand
 * records. A cell asking for a row whose page is not in yet gets null and is redrawn when it arrives.
 * JavaFX thread only, except the reads themselves.
 */
final class TablePages {

    static final int PAGE = 50;
    /** Pages kept: a screenful is one or two, so this is many screens back and forth. */
    static final int KEPT = 40;

    private final Workers workers;
    private final Runnable arrived;
    private final Map<Integer, Incident[]> pages = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Incident[]> eldest) {
            return size() > KEPT;
        }
    };
    private final Set<Integer> asked = new HashSet<>();
    private IncidentIndex index;
    private IncidentRecords records;
    private int[] order = new int[0];
    /** Counts the orders shown: a page read for an earlier one is dropped. */
    private long generation;
    private long recordsRead;

    /** @param arrived called when a page came in, to redraw the cells that waited for it */
    TablePages(Workers workers, Runnable arrived) {
        this.workers = workers;
        this.arrived = arrived;
    }

    /** Pages of {@code order} (rows of {@code index}) from now on; the pages of the order before are let go. */
    void use(IncidentIndex newIndex, IncidentRecords newRecords, int[] newOrder) {
        index = newIndex;
        records = newRecords;
        order = newOrder;
        generation++;
        pages.clear();
        asked.clear();
    }

    /** The record at {@code position} of the order, or null until its page is read (which this starts). */
    Incident at(int position) {
        if (position < 0 || position >= order.length || records == null) {
            return null;
        }
        int page = position / PAGE;
        Incident[] read = pages.get(page);
        if (read == null) {
            ask(page);
            return null;
        }
        return read[position - page * PAGE];
    }

    private void ask(int page) {
        if (!asked.add(page)) {
            return;
        }
        int from = page * PAGE;
        long[] fids = new long[Math.min(PAGE, order.length - from)];
        for (int k = 0; k < fids.length; k++) {
            fids[k] = index.fid(order[from + k]);
        }
        IncidentRecords from_ = records;
        long of = generation;
        workers.run(() -> from_.inOrder(fids), read -> {
            if (of == generation) {
                asked.remove(page);
                pages.put(page, read);
                recordsRead += read.length;
                arrived.run();
            }
        }, e -> {
            if (of == generation) {
                asked.remove(page);
            }
        });
    }

    /** Records read since the table was made: what the paging saves is seen here. */
    long recordsRead() {
        return recordsRead;
    }

    /** Pages held now. */
    int pagesHeld() {
        return pages.size();
    }
}
