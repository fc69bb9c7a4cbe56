package kz.incidentmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.incidentmap.ImportedStreetsFixture;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.store.GeoPackageRecords;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.WholeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped record with everything a user adds to it — imported streets, boundaries and places, a kept copy
 * of a source, a place of the user's, a merged duplicate's aliases, a pair said not to be duplicates, a saved
 * view — moved to a server and back into a new GeoPackage: the two files hold the same tables with the same
 * columns and the same rows, every one of them.
 */
@ExtendWith(ScratchServer.class)
class PgCopyLosslessTest {

    @Test
    void aValueThatIsNotWhatItsColumnHoldsStopsTheCopyNamingWhereAndNothingIsWritten(ScratchServer.Server server,
            @TempDir Path dir) throws Exception {
        Path original = dir.resolve("odd.gpkg");
        IncidentStore.createIfMissing(original, Path.of("data", "incidents.json"));
        try (IncidentStore store = IncidentStore.open(original)) {
            List<Incident> all = store.all();
            store.markNotDuplicate(all.get(0).id(), all.get(1).id());
        }
        // Another program left a time that is none.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + original);
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE not_duplicates SET decided = 'yesterday'");
        }
        ServerAddress at = server.newDatabase(true);
        try (GeoPackageRecords from = GeoPackageRecords.at(original); PgRecords to = PgRecords.connect(at, Map.of())) {
            StoreException e = assertThrows(StoreException.class, () -> to.writeAll(WholeRecord.of(from)));
            assertTrue(e.getMessage().contains(original.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("table not_duplicates, row 1, column decided: 'yesterday' is not a time"),
                    e.getMessage());
            assertEquals(0, to.schemaVersion(), "nothing was written, not even the tables");
        }
    }

    @Test
    void aRecordWithEverythingGoesToTheServerAndBackTableByTable(ScratchServer.Server server, @TempDir Path dir)
            throws Exception {
        Path original = ImportedStreetsFixture.town(dir, new SyntheticExtract(4_000));
        ImportedStreetsFixture.imported(original, Path.of("src/test/resources/osm/admin-boundaries.osm"));
        try (IncidentStore store = IncidentStore.open(original)) {
            List<Incident> all = store.all();
            String source = store.sources("", 1).get(0).key();
            store.keepCopy(source, "page.html", "text/html", "<html><body>Kept 7 Dec</body></html>"
                    .getBytes(StandardCharsets.UTF_8));
            store.addMyPlace(new MyPlace("Office", 71.37, 42.9, List.of(200, 1000), Instant.parse("2026-01-02T03:04:05.678Z")));
            // Two names a GeoPackage tells apart (it folds the case of ASCII letters only).
            store.addMyPlace(new MyPlace("Офис", 71.38, 42.91, List.of(), Instant.parse("2026-01-03T00:00:00Z")));
            store.addMyPlace(new MyPlace("офис", 71.39, 42.92, List.of(500), Instant.parse("2026-01-04T00:00:00Z")));
            store.mergeDuplicate(all.get(0), all.get(1).id(), Map.of("acled:KAZ123", "ACLED"));
            store.markNotDuplicate(all.get(2).id(), all.get(3).id());
            store.saveView(new SavedView("Taraz and around", 70.5, 42.2, 72.0, 43.5, 400_000,
                    "{\"since\":\"2011-01-01\"}", "{\"layers\":[]}", Instant.parse("2025-01-02T03:04:05.006Z")));
        }
        Map<String, List<String>> before = GeoPackageTables.read(original);
        for (String table : List.of("events", "event_members", "source_copies", "kim_my_places", "incident_aliases",
                "not_duplicates", "osm_roads", "osm_buildings", "osm_local_lines", "osm_admin", "osm_places",
                "incidents", "claims", "kim_views")) {
            assertTrue(before.get(table).size() > 1, "the original has rows in " + table);
        }

        ServerAddress at = server.newDatabase(true);
        try (GeoPackageRecords from = GeoPackageRecords.at(original); PgRecords to = PgRecords.connect(at, Map.of())) {
            to.writeAll(WholeRecord.of(from));
        }
        Path back = dir.resolve("back.gpkg");
        try (PgRecords from = PgRecords.connect(at, Map.of()); GeoPackageRecords to = GeoPackageRecords.at(back)) {
            to.writeAll(WholeRecord.of(from));
        }
        Map<String, List<String>> after = GeoPackageTables.read(back);

        assertEquals(before.keySet(), after.keySet(), "the same tables");
        List<String> differing = new ArrayList<>();
        for (String table : before.keySet()) {
            if (!before.get(table).equals(after.get(table))) {
                differing.add(table);
            }
        }
        assertEquals(List.of(), differing, "tables whose columns or rows differ");
        for (String table : before.keySet()) {
            assertEquals(before.get(table), after.get(table), table);
        }
    }
}
