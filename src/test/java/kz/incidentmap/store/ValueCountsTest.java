package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.ValueCounts.Column;
import kz.incidentmap.store.ValueCounts.ValueCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names a filter offers to pick from are the store's, each with the number of incidents that have it. */
class ValueCountsTest {

    @TempDir
    Path dir;

    @Test
    void eachColumnsValuesAreCountedOverTheIncidentsMostFrequentFirst() throws Exception {
        try (IncidentStore s = IncidentStore.openOrCreate(dir.resolve("s.gpkg"), Path.of("data/incidents.json"))) {
            check(s, Column.PERPETRATOR, Incident::perpetrator);
            check(s, Column.CLAIMED_BY, Incident::claimedBy);
            check(s, Column.OBLAST, Incident::oblast);
        }
    }

    private static void check(IncidentStore s, Column column, Function<Incident, String> value) throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        for (Incident i : s.all()) {
            String v = value.apply(i);
            if (v != null && !v.isBlank()) {
                expected.merge(v.strip(), 1, Integer::sum);
            }
        }
        Map<String, Integer> read = new TreeMap<>();
        int last = Integer.MAX_VALUE;
        for (ValueCount v : s.valueCounts(column)) {
            read.put(v.value(), v.count());
            assertFalse(v.count() > last, column + ": most frequent first");
            last = v.count();
        }
        assertFalse(expected.isEmpty(), column + ": the record has such names");
        assertEquals(expected, read, column.name());
    }
}
