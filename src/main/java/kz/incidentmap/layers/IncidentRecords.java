package kz.incidentmap.layers;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Where the full records behind an {@link IncidentIndex} are read: the store, by row id, or a list in
 * memory whose positions are the row ids. The map holds only the index; a click or a page of a
 * cluster's members reads the few records it shows from here.
 */
public interface IncidentRecords {

    /** The records with these row ids, by row id; ids without a record are left out. */
    Map<Long, Incident> byRows(long[] rowIds) throws IOException;

    /** The row id of the incident with this id, if there is one. */
    OptionalLong rowOf(String id) throws IOException;

    /** Receives each record with its row id. */
    @FunctionalInterface
    interface Visitor {
        void visit(long rowId, Incident incident);
    }

    /**
     * Calls {@code visitor} with every record and its row id: one pass, a page at a time from a store,
     * for what only the full records say (a filter on text, sources or tags). Off the JavaFX thread.
     */
    void forEach(Visitor visitor) throws IOException;

    /** The records of an open store; it must stay open as long as the map that reads it. */
    static IncidentRecords of(IncidentStore store) {
        Objects.requireNonNull(store, "store");
        return new IncidentRecords() {
            @Override
            public Map<Long, Incident> byRows(long[] rowIds) throws IOException {
                try {
                    return store.byRowIds(rowIds);
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public OptionalLong rowOf(String id) throws IOException {
                try {
                    return store.rowIdOf(id);
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void forEach(Visitor visitor) throws IOException {
                try (IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE)) {
                    scan.rows().forEachRemaining(r -> visitor.visit(r.rowId(), r.incident()));
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                } catch (IncidentScan.ReadFailure e) {
                    throw new IOException(e.getMessage(), e.getCause());
                }
            }
        };
    }

    /** Records held in memory: row id {@code k} is {@code incidents.get(k)}. */
    static IncidentRecords of(List<Incident> incidents) {
        List<Incident> list = List.copyOf(incidents);
        Map<String, Long> rows = new HashMap<>();
        for (int k = 0; k < list.size(); k++) {
            rows.put(list.get(k).id(), (long) k);
        }
        return new IncidentRecords() {
            @Override
            public Map<Long, Incident> byRows(long[] rowIds) {
                Map<Long, Incident> out = new HashMap<>();
                for (long r : rowIds) {
                    if (r >= 0 && r < list.size()) {
                        out.put(r, list.get((int) r));
                    }
                }
                return out;
            }

            @Override
            public OptionalLong rowOf(String id) {
                Long r = rows.get(id);
                return r == null ? OptionalLong.empty() : OptionalLong.of(r);
            }

            @Override
            public void forEach(Visitor visitor) {
                for (int k = 0; k < list.size(); k++) {
                    visitor.visit(k, list.get(k));
                }
            }
        };
    }
}
