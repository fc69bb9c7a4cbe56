package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import kz.incidentmap.edit.EditService;
import kz.incidentmap.edit.MergeIncidents;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ACLED event merged into the curated record of the Taraz blast comes back in a later ACLED import:
 * the import updates the kept record (ACLED's figure on it) instead of creating the duplicate again.
 */
class AliasedReimportTest {

    /** The ACLED importer's id of event KAZ9001 (the Taraz suicide bombing of the sample). */
    private static final String ACLED_TARAZ = "bc08e291-5acd-3416-8d5d-32aeda716277";
    /** The curated record of the blast by the central food market in Taraz. */
    private static final String CURATED_TARAZ = "982063d9-8906-458e-8e2a-d7155d4e8d6f";

    @TempDir
    Path dir;

    @Test
    void aMergedAcledEventImportedAgainUpdatesTheKeptIncident() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        IncidentStore.createIfMissing(db, Path.of("data/incidents.json"));
        try (IncidentStore store = IncidentStore.open(db)) {
            ExchangeFixtures.importer().importFile(ExchangeFixtures.ACLED_SAMPLE, null, false, store, Progress.NONE);
            Incident kept = store.byId(CURATED_TARAZ).orElseThrow();
            Incident acled = store.byId(ACLED_TARAZ).orElseThrow();
            EditService service = new EditService(store, OblastLocator.load(Path.of("maps")));
            new MergeIncidents(kept, acled).apply(service);
            int count = store.count();

            ImportReport again = ExchangeFixtures.importer().importFile(ExchangeFixtures.ACLED_SAMPLE, null, false,
                    store, Progress.NONE);
            assertEquals(count, store.count(), "no incident made again");
            assertTrue(store.byId(ACLED_TARAZ).isEmpty());
            assertEquals(new IncidentStore.MergeResult(0, 0, 4), again.merged(), "nothing new: the kept one has it all");

            // ACLED revises its figure: the kept record takes it, its own sources' claims stay.
            String revised = Files.readString(ExchangeFixtures.ACLED_SAMPLE, StandardCharsets.UTF_8)
                    .replace("\"Made-up record for the importer tests, not a real event.\",1,", "\"Made-up record for the importer tests, not a real event.\",3,");
            Path file = dir.resolve("acled-revised.csv");
            Files.writeString(file, revised, StandardCharsets.UTF_8);
            ImportReport third = ExchangeFixtures.importer().importFile(file, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 1, 3), third.merged());
            Incident now = store.byId(CURATED_TARAZ).orElseThrow();
            assertEquals(kept.title(), now.title(), "the kept record's own facts stay");
            assertEquals(List.of(3), now.claims().stream().filter(c -> c.sourceKey().equals("acled-KAZ9001"))
                    .map(Claim::killed).toList());
            assertEquals(kept.claims(), now.claims().stream().filter(c -> !c.sourceKey().equals("acled-KAZ9001")).toList());
            assertEquals(count, store.count());
        }
    }

    @Test
    void theStreamedImportFollowsAliasesToo() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        IncidentStore.createIfMissing(db, Path.of("data/incidents.json"));
        try (IncidentStore store = IncidentStore.open(db)) {
            ExchangeFixtures.importer().importFile(ExchangeFixtures.ACLED_SAMPLE, null, false, store, Progress.NONE);
            Incident acled = store.byId(ACLED_TARAZ).orElseThrow();
            new MergeIncidents(store.byId(CURATED_TARAZ).orElseThrow(), acled).apply(
                    new EditService(store, OblastLocator.load(Path.of("maps"))));
            Source s = acled.sources().get(0);
            Incident back = acled.withLinks(List.of(s), List.of(new Claim(s.key(), 2, 5, null, "revised")));
            Iterator<Incident> one = List.of(back).iterator();
            assertEquals(new IncidentStore.MergeResult(0, 1, 0), store.mergeAll(one));
            assertTrue(store.byId(ACLED_TARAZ).isEmpty());
            assertEquals("revised", store.byId(CURATED_TARAZ).orElseThrow().claims().stream()
                    .filter(c -> c.sourceKey().equals(s.key())).findFirst().orElseThrow().note());
        }
    }
}
