package kz.incidentmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the rollback journal that a write cut short by a crash (a killed process, a power cut) leaves
 * beside a store, and lets SQLite roll it back before anything else looks at the file. Until then the
 * file itself may hold half-written pages, so its header must not be judged, and a read-only connection
 * cannot use it at all: SQLite refuses to read a store whose journal it may not play back. Rolling back
 * restores the store exactly as it was before the interrupted write began.
 *
 * <p>A journal is only "hot" when no one is writing: while another running copy holds the store's lock
 * (see {@link StoreLock}) its journal belongs to a write in progress and is left alone. SQLite makes the
 * same distinction itself (a live writer holds a lock on the file), so a journal of another program's
 * write in progress is never rolled back either; then nothing is reported.
 */
final class InterruptedWrite {

    /** The first eight bytes of a rollback journal that holds pages to play back. */
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63,
            (byte) 0xd7};

    private InterruptedWrite() {
    }

    static Path journalOf(Path store) {
        return store.resolveSibling(store.getFileName() + "-journal");
    }

    /**
     * Whether a rollback journal with pages to play back lies beside the store. An empty journal, or one
     * whose header was zeroed, is what a finished write may leave; SQLite ignores both.
     */
    static boolean pending(Path store) {
        Path journal = journalOf(store);
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] head = in.readNBytes(JOURNAL_MAGIC.length);
            return Arrays.equals(head, JOURNAL_MAGIC);
        } catch (IOException e) {
            return false; // no journal (the usual case), or none we could read: SQLite will say more
        }
    }

    /**
     * Rolls back a pending journal while the caller holds the store's lock. Returns what to tell the user
     * ("recovered from a crash: …"), or nothing when there was no journal to play back. A store that cannot be
     * written (read-only file or folder) cannot be rolled back: that is refused with a message that warns
     * against the one thing that would damage it, deleting the journal.
     */
    static Optional<String> recover(Path store, StoreLock held) throws StoreException {
        if (!pending(store)) {
            return Optional.empty();
        }
        if (!IncidentStore.writable(store)) {
            throw readOnly(store);
        }
        Optional<String> note = StoreLock.note(store);
        try (Connection c = StoreConnections.openReadWrite(store);
                Statement s = c.createStatement();
                // The first read of a connection plays a hot journal back, under SQLite's own exclusive lock.
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            throw StoreConnections.failure(store, "cannot roll back the write that was interrupted (its journal "
                    + journalOf(store).getFileName() + " is kept: do not delete it)", e);
        }
        if (pending(store)) {
            return Optional.empty(); // another program's write in progress, not a crash: SQLite left it alone
        }
        held.clearNote();
        return Optional.of("recovered from a crash: the write it interrupted"
                + note.map(n -> " (" + n + ")").orElse("") + " was rolled back, and the store is as it was before it");
    }

    /**
     * {@link #recover} for a caller that does not edit the store: the lock is taken for the recovery only.
     * While another running copy holds it, its journal belongs to a write in progress and is left alone.
     */
    static Optional<String> recoverWithoutEditing(Path store) throws StoreException {
        if (!pending(store)) {
            return Optional.empty();
        }
        if (!IncidentStore.writable(store)) {
            throw readOnly(store);
        }
        StoreLock lock;
        try {
            lock = StoreLock.acquire(store);
        } catch (StoreLockedException e) {
            return Optional.empty();
        }
        try (lock) {
            return recover(store, lock);
        }
    }

    private static StoreException readOnly(Path store) {
        return StoreException.of(store, "a write to this store was interrupted (its journal "
                + journalOf(store).getFileName() + " lies beside it) and must be rolled back before the store"
                + " can be read, but the file or its folder is read-only. Make both writable and open it again;"
                + " do not delete the journal, that would damage the store");
    }
}
