package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file damaged where opening does not look (a large store gets only its header checked on opening)
 * is found before anything is written to it, and a read that meets the damage says the file is damaged
 * instead of quoting a garbled value. The damage here is made after the store was opened, which is
 * what opening a large store leaves unchecked.
 */
class DamagedStoreTest {

    @TempDir
    Path dir;

    /** Overwrites the first page of the table's B-tree with a page type SQLite does not know. */
    static void damageTable(Path db, String table) throws Exception {
        long root;
        int pageSize;
        try (Connection c = StoreConnections.openReadOnly(db);
                PreparedStatement ps = c.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                root = rs.getLong(1);
            }
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
                pageSize = rs.getInt(1);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek((root - 1) * pageSize);
            raf.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        }
    }

    @Test
    void theFirstWriteWaitsForTheCheckAndIsRefused() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            // kim_metadata is a table no edit touches: SQLite itself would write the edit without a word.
            damageTable(db, "kim_metadata");
            byte[] before = Files.readAllBytes(db);
            StoreException e = assertThrows(StoreException.class,
                    () -> store.add(StoreEditsTest.newIncident("5f7a3a52-8d0e-4cc8-9a65-0d55c1e1b9a1", 69.59, 42.32)));
            assertTrue(e.getMessage().startsWith(db + ": the store file is damaged, so nothing was written to it"
                    + " (add incident 5f7a3a52-8d0e-4cc8-9a65-0d55c1e1b9a1). SQLite's check: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("'sqlite3 incidents.gpkg .recover' saves what is still readable"),
                    e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(db), "nothing was written");
            assertThrows(StoreException.class, () -> store.delete(StoreFixtures.THREAT), "nor by a later write");
            assertArrayEquals(before, Files.readAllBytes(db));
        }
    }

    @Test
    void aReadThatMeetsTheDamageSaysTheFileIsDamaged() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            damageTable(db, "incidents");
            StoreException e = assertThrows(StoreException.class, store::all);
            assertTrue(e.getMessage().startsWith(db + ": the store file is damaged. SQLite's check: "), e.getMessage());
        }
    }

    @Test
    void aScanThatMeetsTheDamageSaysTheFileIsDamaged() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.openForViewing(db);
                IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE)) {
            damageTable(db, "claims");
            IncidentScan.ReadFailure e = assertThrows(IncidentScan.ReadFailure.class, () -> List.copyOf(scan));
            assertTrue(e.getCause().getMessage().startsWith(db + ": the store file is damaged. SQLite's check: "),
                    e.getCause().getMessage());
        }
    }

    @Test
    void theCheckFindsDamageWhereOpeningDoesNotLook() throws Exception {
        Path db = seededStore(dir);
        assertEquals(List.of(), StoreVerifier.problems(db));
        damageTable(db, "kim_metadata");
        List<String> problems = StoreVerifier.problems(db);
        assertTrue(problems.get(0).startsWith("SQLite's integrity check: "), problems.toString());
    }
}
