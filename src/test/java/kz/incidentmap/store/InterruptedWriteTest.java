package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write cut short by a crash leaves a rollback journal with pages to play back beside a file that may
 * hold half the write. These tests make such a pair by copying both files while a write is under way
 * (what a crash leaves is exactly that), then open the copy.
 */
class InterruptedWriteTest {

    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63,
            (byte) 0xd7};

    @TempDir
    Path dir;

    /**
     * The seeded store as a crash in the middle of a large write leaves it: a tenth of a megabyte of
     * claims written into the file through a tiny page cache (so that pages reach the file before the
     * commit), the journal holding the pages as they were, and the lock file noting the write.
     */
    private Path crashedCopy() throws Exception {
        Path db = seededStore(dir);
        Path crashed = dir.resolve("crashed.gpkg");
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = 1");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_metadata (key, value) VALUES (?, ?)")) {
                for (int i = 0; i < 400; i++) {
                    ps.setString(1, "filler-" + i);
                    ps.setString(2, "x".repeat(1000));
                    ps.executeUpdate();
                }
            }
            s.execute("DELETE FROM claims");
            Files.copy(db, crashed);
            Files.copy(InterruptedWrite.journalOf(db), InterruptedWrite.journalOf(crashed));
            c.rollback();
        }
        Files.writeString(StoreLock.lockFile(crashed), "import incidents, begun 2026-12-06T22:47:10Z by process 4711",
                StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(Files.readAllBytes(InterruptedWrite.journalOf(crashed)), 8);
        assertArrayEquals(JOURNAL_MAGIC, head, "the copied journal has pages to play back");
        assertFalse(Arrays.equals(Files.readAllBytes(db), Files.readAllBytes(crashed)), "the copy holds half a write");
        return crashed;
    }

    @Test
    void openingForEditingRollsTheWriteBackAndSaysSo() throws Exception {
        Path crashed = crashedCopy();
        try (IncidentStore store = IncidentStore.open(crashed)) {
            assertEquals(16, store.count());
            String line = store.recovery().orElseThrow();
            assertTrue(line.startsWith("recovered from a crash: the write it interrupted"), line);
            assertTrue(line.contains("(import incidents, begun 2026-12-06T22:47:10Z by process 4711)"), line);
            assertTrue(line.endsWith("the store is as it was before it"), line);
        }
        assertFalse(InterruptedWrite.pending(crashed), "the journal was played back");
        assertEquals(List.of(), StoreVerifier.problems(crashed));
        try (IncidentStore again = IncidentStore.open(crashed)) {
            assertTrue(again.recovery().isEmpty(), "only the opening that rolled back says so");
        }
    }

    @Test
    void theRolledBackStoreHoldsWhatItHeldBefore() throws Exception {
        Path crashed = crashedCopy();
        Path db = dir.resolve("incidents.gpkg");
        try (IncidentStore before = IncidentStore.openForViewing(db);
                IncidentStore after = IncidentStore.openForViewing(crashed)) {
            assertTrue(after.recovery().isPresent(), "viewing rolls back too");
            assertEquals(before.all(), after.all());
        }
    }

    @Test
    void aReadOnlyStoreWithAnInterruptedWriteWarnsAgainstDeletingTheJournal() throws Exception {
        Path crashed = crashedCopy();
        Files.setPosixFilePermissions(crashed, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(crashed);
        byte[] journal = Files.readAllBytes(InterruptedWrite.journalOf(crashed));
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.open(crashed));
        assertTrue(e.getMessage().startsWith(crashed + ": a write to this store was interrupted"), e.getMessage());
        assertTrue(e.getMessage().contains("do not delete the journal"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(crashed));
        assertArrayEquals(journal, Files.readAllBytes(InterruptedWrite.journalOf(crashed)));
    }

    @Test
    void aFinishedWriteLeavesNoNoteAndNoJournal() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            store.delete(StoreFixtures.THREAT);
            assertEquals("", Files.readString(StoreLock.lockFile(db)), "the note goes when the write ends");
        }
        assertFalse(InterruptedWrite.pending(db));
    }
}
