package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The row ids of every incident ordered by one of its attributes that the map's index does not hold
 * (title, place, most killed, most wounded, number of sources), for a table sorted by that column.
 * Ties and empty values are ordered by row id, empty values first, so that the same store gives the
 * same order each time.
 */
public enum IncidentOrder {
    TITLE("SELECT fid FROM incidents ORDER BY title COLLATE NOCASE, fid"),
    PLACE("SELECT fid FROM incidents ORDER BY place COLLATE NOCASE, fid"),
    /** By the most killed any source gives; incidents no source gives a figure for come first. */
    KILLED("SELECT i.fid FROM incidents i LEFT JOIN (SELECT incident_uuid AS u, max(killed) AS n FROM claims"
            + " GROUP BY incident_uuid) c ON c.u = i.uuid ORDER BY c.n, i.fid"),
    WOUNDED("SELECT i.fid FROM incidents i LEFT JOIN (SELECT incident_uuid AS u, max(wounded) AS n FROM claims"
            + " GROUP BY incident_uuid) c ON c.u = i.uuid ORDER BY c.n, i.fid"),
    SOURCES("SELECT i.fid FROM incidents i LEFT JOIN (SELECT incident_uuid AS u, count(*) AS n FROM incident_sources"
            + " GROUP BY incident_uuid) s ON s.u = i.uuid ORDER BY coalesce(s.n, 0), i.fid");

    private final String sql;

    IncidentOrder(String sql) {
        this.sql = sql;
    }

    long[] read(Connection c) throws SQLException {
        long[] fids = new long[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == fids.length) {
                    fids = Arrays.copyOf(fids, n * 2);
                }
                fids[n++] = rs.getLong(1);
            }
        }
        return Arrays.copyOf(fids, n);
    }
}
