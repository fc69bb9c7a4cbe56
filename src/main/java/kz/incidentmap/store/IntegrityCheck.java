package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a store file is intact, asked of SQLite's own checks on a connection of this check's own.
 * {@code PRAGMA quick_check} reads every page of the file and checks its structure (about 4 s for a
 * million incidents); it runs on a thread of its own from {@link #begin()}, so that opening a large
 * store does not wait for it, while every write waits for its verdict ({@link #requireIntact()}):
 * nothing is ever written into a damaged file. A damaged page a reader meets first shows up as a
 * garbled value or a failed read: {@link #explain} then tells damage from other failures, with the
 * slower {@code PRAGMA integrity_check} as well, which also finds rows missing from their indexes.
 */
final class IntegrityCheck {

    /** Lines of SQLite's report quoted in a message. */
    private static final int QUOTED = 3;

    private final Path file;
    private final FutureTask<Optional<String>> quick;
    private final AtomicBoolean started = new AtomicBoolean();

    IntegrityCheck(Path file) {
        this.file = file;
        this.quick = new FutureTask<>(() -> run("quick_check"));
    }

    /** Starts the check on a thread of its own, once; later calls do nothing. Any thread. */
    void begin() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(quick, "store-check");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Waits for the verdict (beginning the check if no one has) and throws the damage as a
     * {@link StoreException} naming the file. Called before every write; the verdict is kept, so only
     * the first write of an opening waits.
     */
    void requireIntact(String what) throws StoreException {
        Optional<String> damage = quickVerdict();
        if (damage.isPresent()) {
            throw damaged(file, damage.get(), what);
        }
    }

    /**
     * {@code failure}, or, when the file turns out to be damaged, a message that says so instead: a read
     * that failed on a garbled row must not send the user hunting for a bad value in one record.
     */
    StoreException explain(StoreException failure) {
        try {
            Optional<String> damage = quickVerdict();
            if (damage.isEmpty()) {
                damage = run("integrity_check");
            }
            if (damage.isPresent()) {
                StoreException e = damaged(file, damage.get(), null);
                e.addSuppressed(failure);
                return e;
            }
        } catch (StoreException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * The message for a damaged file: what SQLite found, and what the user can do. {@code refused} is
     * the write it stopped ("import incidents"), or null when it stopped a read.
     */
    static StoreException damaged(Path file, String found, String refused) {
        String stopped = refused == null ? "" : ", so nothing was written to it (" + refused + ")";
        return StoreException.of(file, "the store file is damaged" + stopped + ". SQLite's check: " + found
                + ". Use a backup copy; 'sqlite3 " + file.getFileName() + " .recover' saves what is still readable");
    }

    private Optional<String> quickVerdict() throws StoreException {
        begin();
        try {
            return quick.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreException.of(file, "interrupted while checking the store file");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw StoreException.of(file, "cannot check the store file", e.getCause());
        }
    }

    /** Runs one of SQLite's checks on a connection of its own; what it found, if anything. */
    private Optional<String> run(String pragma) throws StoreException {
        try (Connection c = StoreConnections.openReadOnly(file)) {
            return report(c, pragma);
        } catch (SQLException e) {
            if (damage(e)) {
                return Optional.of(StoreConnections.explain(e));
            }
            throw StoreConnections.failure(file, "cannot check the store file", e);
        }
    }

    /**
     * Runs {@code PRAGMA quick_check} or {@code integrity_check} on {@code c}: the first lines of its
     * report, on one line, when it finds anything; nothing when the file is intact. A check that SQLite
     * has to give up on a malformed page says so.
     */
    static Optional<String> report(Connection c, String pragma) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            while (rs.next() && lines.size() < QUOTED) {
                // SQLite heads a report with "*** in database main ***" and a line break.
                lines.add(rs.getString(1).replace("*** in database main ***", "").strip().replaceAll("\\s*\\n\\s*", "; "));
            }
        } catch (SQLException e) {
            if (!damage(e)) {
                throw e;
            }
            lines.add(StoreConnections.explain(e));
        }
        return lines.equals(List.of("ok")) ? Optional.empty()
                : Optional.of(lines.isEmpty() ? "no answer" : String.join("; ", lines));
    }

    /** Whether SQLite failed because the file is malformed, rather than for want of access or room. */
    private static boolean damage(SQLException e) {
        String reason = StoreConnections.explain(e);
        return reason.startsWith("corrupt") || reason.startsWith("not a SQLite");
    }
}
