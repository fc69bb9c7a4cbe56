package kz.incidentmap.layers;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.store.IncidentOrder;
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

    /**
     * The records with these row ids in the same order, null where a row has no record (deleted since):
     * a page of a sorted table.
     */
    default Incident[] inOrder(long[] rowIds) throws IOException {
        Map<Long, Incident> read = byRows(rowIds);
        Incident[] out = new Incident[rowIds.length];
        for (int k = 0; k < rowIds.length; k++) {
            out[k] = read.get(rowIds[k]);
        }
        return out;
    }

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

    /** The row ids of every record ordered by {@code order}, ascending, ties by row id (see {@link IncidentOrder}). */
    long[] orderedBy(IncidentOrder order) throws IOException;

    /** The sub-types the records may have: their store's vocabulary. */
    Vocabulary vocabulary();

    /** The records of an open store; it must stay open as long as the map that reads it. */
    static IncidentRecords of(IncidentStore store) {
        Objects.requireNonNull(store, "store");
        return new IncidentRecords() {
            @Override
            public Vocabulary vocabulary() {
                return store.vocabulary();
            }

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

            @Override
            public long[] orderedBy(IncidentOrder order) throws IOException {
                try {
                    return store.rowIdsOrderedBy(order);
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
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
        Vocabulary vocabulary = Vocabulary.withAdded(list.stream().map(Incident::subType)
                .filter(s -> s != null && !s.builtIn()).distinct().toList());
        return new IncidentRecords() {
            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }

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

            @Override
            public long[] orderedBy(IncidentOrder order) {
                return LongStream.range(0, list.size()).boxed()
                        .sorted(Comparator.comparing((Long k) -> list.get(k.intValue()), inMemory(order)))
                        .mapToLong(Long::longValue).toArray();
            }
        };
    }

    /** The order of {@link IncidentOrder} over records in memory (the sort is stable, so ties keep their row order). */
    private static Comparator<Incident> inMemory(IncidentOrder order) {
        Comparator<String> text = Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
        Comparator<OptionalInt> figure = Comparator.comparingInt(o -> o.isPresent() ? o.getAsInt() : Integer.MIN_VALUE);
        return switch (order) {
            case TITLE -> Comparator.comparing(Incident::title, text);
            case PLACE -> Comparator.comparing(Incident::place, text);
            case KILLED -> Comparator.comparing(Incident::maxKilled, figure);
            case WOUNDED -> Comparator.comparing(Incident::maxWounded, figure);
            case SOURCES -> Comparator.comparingInt(i -> i.sources().size());
        };
    }
}
