package kz.incidentmap.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentAlias;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merge of duplicates through the edit history: what it keeps, the aliases, and its undo and redo. */
class MergeIncidentsTest {

    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2011, 11, 12);

    private static Incident report(String id, String title, String sourceKey, int killed, String group) {
        Source s = new Source(sourceKey, "Report " + sourceKey, "Test", null, null, "en");
        return new Incident(id, title, IncidentType.EXPLOSION, DAY, DatePrecision.DAY, "Taraz", null, 71.3667, 42.9,
                LocationPrecision.CITY, null, null, "A blast by the market.", group, List.of(s),
                List.of(new Claim(sourceKey, killed, null, DAY, null)));
    }

    @Test
    void aMergeKeepsOneWithEverySourceAndUndoPutsBothBackExactly() throws Exception {
        Path db = EditFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            EditHistory history = new EditHistory(new EditService(store, EditFixtures.oblasts()));
            Incident kept = store.add(report("11111111-1111-1111-1111-111111111111", "Blast in Taraz", "news-a", 6, null));
            Incident third = store.add(report("33333333-3333-3333-3333-333333333333", "Taraz explosion", "news-c", 7, null));
            Incident other = store.add(report("22222222-2222-2222-2222-222222222222", "Взрыв в Таразе", "acled-KAZ9001", 7,
                    null));
            // The other was itself kept in an earlier merge: its alias moves with it.
            history.execute(new MergeIncidents(other, third));
            other = store.byId(other.id()).orElseThrow();
            List<Incident> before = store.all();

            EditHistory.Step step = history.execute(new MergeIncidents(kept, other));
            Incident merged = step.incident();
            assertEquals(kept.title(), merged.title());
            assertEquals(List.of("news-a", "acled-KAZ9001", "news-c"), merged.sources().stream().map(Source::key).toList());
            assertEquals("6\u20137", merged.killedRange(), "the claims of three sources");
            assertTrue(store.byId(other.id()).isEmpty(), "the duplicate is gone");
            assertEquals(before.size() - 1, store.count());
            List<String> aliases = store.aliasesOf(kept.id()).stream().map(IncidentAlias::alias).toList();
            assertEquals(List.of(third.id(), other.id(), "bc08e291-5acd-3416-8d5d-32aeda716277"), aliases,
                    "the earlier alias, the merged id and the ACLED event's id");
            assertEquals("Merge 'Взрыв в Таразе' into 'Blast in Taraz'", history.undoLabel().orElseThrow());

            history.undo();
            assertEquals(before, store.all(), "both records exactly as they were, times included");
            assertEquals(List.of(third.id()), store.aliasesOf(other.id()).stream().map(IncidentAlias::alias).toList());
            assertEquals(List.of(), store.aliasesOf(kept.id()));

            history.redo();
            assertEquals(before.size() - 1, store.count());
            assertEquals(3, store.aliasesOf(kept.id()).size());

            // Deleting the kept incident takes its aliases; undoing the deletion brings them back.
            history.execute(new DeleteIncident(store.byId(kept.id()).orElseThrow()));
            assertEquals(List.of(), store.aliasesOf(kept.id()));
            history.undo();
            assertEquals(aliases, store.aliasesOf(kept.id()).stream().map(IncidentAlias::alias).toList());
        }
    }
}
