package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import kz.incidentmap.store.StoreException;

/**
 * Opens connections to a record's server. The password is PGPASSWORD's when that is set; otherwise the
 * driver looks it up in the password file (PGPASSFILE, else {@code ~/.pgpass}) as libpq does.
 * PGOPTIONS, as libpq reads it, passes settings to the server ({@code -c statement_timeout=30s}).
 * Every connection starts a transaction of its own: nothing is written until it commits.
 */
final class PgConnections {

    /** Seconds to wait for the server to answer at all. */
    private static final int CONNECT_SECONDS = 10;

    private PgConnections() {
    }

    static Connection open(ServerAddress address, Map<String, String> env) throws StoreException {
        Properties p = new Properties();
        p.setProperty("user", address.user());
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        String options = env.get("PGOPTIONS");
        if (options != null && !options.isBlank()) {
            p.setProperty("options", options);
        }
        p.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("ApplicationName", "kz-incident-map");
        try {
            Connection c = DriverManager.getConnection(address.jdbcUrl(), p);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw PgFailure.explain(address, PgFailure.CONNECT, e);
        }
    }
}
