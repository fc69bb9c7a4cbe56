package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.incidentmap.model.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row ids of every incident in the order of a table column, ties by row id, empty values first. */
class IncidentOrderTest {

    @TempDir
    Path dir;

    /** SQLite's NOCASE folds only ASCII letters. */
    private static String folded(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(ch -> b.append((char) (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)));
        return b.toString();
    }

    private static Comparator<Incident> byColumn(IncidentOrder order) {
        Comparator<String> text = Comparator.nullsFirst(Comparator.comparing(IncidentOrderTest::folded));
        Function<Incident, Integer> key = switch (order) {
            case KILLED -> i -> i.maxKilled().isPresent() ? i.maxKilled().getAsInt() : -1;
            case WOUNDED -> i -> i.maxWounded().isPresent() ? i.maxWounded().getAsInt() : -1;
            case SOURCES -> i -> i.sources().size();
            default -> null;
        };
        return switch (order) {
            case TITLE -> Comparator.comparing(Incident::title, text);
            case PLACE -> Comparator.comparing(Incident::place, text);
            default -> Comparator.comparing(key);
        };
    }

    @Test
    void everyIncidentOnceInTheColumnsOrderTiesByRowId() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            List<Incident> all = store.all();
            Map<Long, Incident> byRow = new HashMap<>();
            for (Incident i : all) {
                byRow.put(store.rowIdOf(i.id()).orElseThrow(), i);
            }
            for (IncidentOrder order : IncidentOrder.values()) {
                long[] fids = store.rowIdsOrderedBy(order);
                long[] expected = byRow.keySet().stream().sorted(Comparator.comparing((Long r) -> byRow.get(r),
                        byColumn(order)).thenComparing(r -> r)).mapToLong(Long::longValue).toArray();
                assertEquals(Arrays.toString(expected), Arrays.toString(fids), order.name());
            }
        }
    }

    @Test
    void killedOrderPutsTheDeadliestLastAndUnknownFirst() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            long[] fids = store.rowIdsOrderedBy(IncidentOrder.KILLED);
            Map<Long, Incident> read = store.byRowIds(fids);
            Incident first = read.get(fids[0]);
            Incident last = read.get(fids[fids.length - 1]);
            int most = store.all().stream().mapToInt(i -> i.maxKilled().orElse(-1)).max().orElseThrow();
            assertEquals(most, last.maxKilled().orElse(-1));
            assertTrue(first.maxKilled().isEmpty() || first.maxKilled().getAsInt() <= most);
            assertTrue(store.all().stream().anyMatch(i -> i.maxKilled().isEmpty()),
                    "the seed has an incident without a figure, which comes first");
            assertTrue(first.maxKilled().isEmpty());
        }
    }
}
