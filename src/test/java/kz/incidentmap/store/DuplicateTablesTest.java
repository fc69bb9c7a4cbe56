package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.model.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables of merged duplicates (schema version 5): made in a new store and by the upgrade of a
 * version-4 file, which is backed up first; pairs said not to be duplicates kept across reopening.
 */
class DuplicateTablesTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreHasBothTablesRegisteredAsAttributes() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        assertEquals("2", StoreFixtures.firstValue(db, "SELECT count(*) FROM gpkg_contents WHERE data_type = 'attributes'"
                + " AND table_name IN ('incident_aliases', 'not_duplicates')"));
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void aVersion4FileIsBackedUpAndGetsTheTables() throws Exception {
        Path db = StoreFixtures.version4Copy(dir);
        byte[] original = Files.readAllBytes(db);
        List<Incident> before;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            before = viewer.all();
            // Viewing does not upgrade: the old file reads as having no aliases and no pairs set aside.
            assertEquals(List.of(), viewer.notDuplicates());
            assertEquals(List.of(), viewer.aliasesOf(before.get(0).id()));
        }
        assertArrayEquals(original, Files.readAllBytes(db), "viewing leaves the file as it was");
        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertEquals("incidents.gpkg.bak-v4", backup.getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file as it was");
            assertEquals(before, store.all(), "every record kept");
            assertEquals(List.of(), store.notDuplicates());
        }
        assertEquals(Integer.toString(GeoPackageSchema.SCHEMA_VERSION), StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        assertEquals("2", StoreFixtures.firstValue(db, "SELECT count(*) FROM gpkg_contents WHERE data_type = 'attributes'"
                + " AND table_name IN ('incident_aliases', 'not_duplicates')"));
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void pairsThatAreNotDuplicatesAreRememberedAcrossReopening() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        String a;
        String b;
        try (IncidentStore store = IncidentStore.open(db)) {
            List<Incident> all = store.all();
            a = all.get(3).id();
            b = all.get(4).id();
            assertTrue(store.markNotDuplicate(b, a));
            assertFalse(store.markNotDuplicate(a, b), "the same pair in the other order is remembered already");
            StoreException unknown = assertThrows(StoreException.class, () -> store.markNotDuplicate(a, "no-such-id"));
            assertTrue(unknown.getMessage().contains("no incident no-such-id"), unknown.getMessage());
        }
        try (IncidentStore again = IncidentStore.openForViewing(db)) {
            List<String> expected = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
            assertEquals(List.of(expected), again.notDuplicates());
        }
    }
}
