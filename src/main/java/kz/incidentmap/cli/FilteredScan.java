package kz.incidentmap.cli;

import java.util.Iterator;
import java.util.stream.LongStream;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * The incidents of a store that pass a filter, for the commands that list and export records: one
 * place that decides, with {@link IncidentFilter#test}, which records a command writes.
 */
final class FilteredScan {

    private FilteredScan() {
    }

    /** Positions outside the filter's area are left out by the store's scan already. */
    static IncidentScan.Where where(IncidentFilter filter) {
        Area area = filter.area();
        return area == null ? IncidentScan.Where.ANYWHERE : area::contains;
    }

    /**
     * Exactly the incidents that pass, in the store's order, with their number known before the first is
     * read (an export estimates its size from it): a first pass keeps the row ids of those that pass,
     * the scan returned reads them again. A filter of position alone needs no first pass.
     */
    static IncidentScan open(IncidentStore store, IncidentFilter filter) throws StoreException {
        IncidentScan.Where where = where(filter);
        if (filter.toBuilder().area(null).build().isEmpty()) {
            return store.scan(where);
        }
        LongStream.Builder passed = LongStream.builder();
        try (IncidentScan all = store.scan(where)) {
            for (Iterator<IncidentScan.Row> rows = all.rows(); rows.hasNext();) {
                IncidentScan.Row r = rows.next();
                if (filter.test(r.incident())) {
                    passed.add(r.rowId());
                }
            }
        }
        return store.scan(passed.build().toArray());
    }
}
