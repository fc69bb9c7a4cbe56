package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.incidentmap.store.StoreException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A connection of its own that listens for the record's changes ({@code LISTEN kim_changes}): the
 * trigger of schema version 2 sends {@code uuid:version} for every incident written, when the write
 * commits. Used by one thread at a time.
 */
public final class PgChanges implements AutoCloseable {

    private final ServerAddress address;
    private final Connection c;
    private final PGConnection pg;

    private PgChanges(ServerAddress address, Connection c, PGConnection pg) {
        this.address = address;
        this.c = c;
        this.pg = pg;
    }

    public static PgChanges listen(ServerAddress address, Map<String, String> env) throws StoreException {
        Connection c = PgConnections.open(address, env);
        try {
            c.setAutoCommit(true); // notifications arrive between transactions
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + PgSchema.CHANNEL);
            }
            return new PgChanges(address, c, c.unwrap(PGConnection.class));
        } catch (SQLException e) {
            close(c);
            throw PgFailure.explain(address, "cannot listen for the record's changes", e);
        }
    }

    /**
     * Waits up to {@code millis} for changes; returns the changed incidents' ids with the newest version
     * heard of each (empty when none came). A lost connection is a StoreException saying so.
     */
    public Map<String, Integer> await(int millis) throws StoreException {
        Map<String, Integer> changed = new LinkedHashMap<>();
        try {
            PGNotification[] heard = pg.getNotifications(millis);
            if (heard != null) {
                for (PGNotification n : heard) {
                    String said = n.getParameter();
                    int colon = said.lastIndexOf(':');
                    if (colon > 0) {
                        changed.merge(said.substring(0, colon), parse(said.substring(colon + 1)), Math::max);
                    }
                }
            }
        } catch (SQLException e) {
            throw PgFailure.explain(address, "cannot hear the record's changes", e);
        }
        return changed;
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 0; // an id is still worth reading again
        }
    }

    @Override
    public void close() {
        close(c);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the server ends the session with the connection either way
        }
    }
}
