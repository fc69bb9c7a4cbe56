package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one SQLite transaction, all or nothing, and keeps the failure that matters. SQLite rolls
 * a transaction back by itself after some failures (a full disk, an I/O error): the driver's own
 * rollback, and the commit with which it leaves the transaction, then fail with "no transaction is
 * active", and that message must not take the place of the real one.
 */
final class Transaction {

    /** Work done on the connection inside the transaction. */
    interface Work {
        void run() throws SQLException;
    }

    private Transaction() {
    }

    /** Runs {@code work} and commits; on any failure rolls back and throws the failure that caused it. */
    static void run(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            work.run();
            c.commit();
            committed = true;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                if (committed) {
                    throw e;
                }
                // After a failure SQLite may have ended the transaction itself: nothing is left to end.
            }
        }
    }

    /** Rolls back after {@code failure}; a rollback that fails too is kept beside it, not in its place. */
    static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                failure.addSuppressed(e);
            }
        }
    }
}
