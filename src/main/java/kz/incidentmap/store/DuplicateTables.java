package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What merging duplicates leaves in a store (schema version 5): {@code incident_aliases}, the ids an
 * incident merged into another (and the data sets' event ids it carried) now stand for, so that a later
 * import of them updates the kept incident; and {@code not_duplicates}, the pairs a user said are two
 * events, so that they are not offered again. Both are GeoPackage attributes tables.
 */
final class DuplicateTables {

    static final String ALIASES = "incident_aliases";
    static final String NOT_DUPLICATES = "not_duplicates";

    static final String ALIASES_DESCRIPTION = "Ids that stand for an incident since a duplicate was merged into it"
            + " (the merged incident's id, ids derived from ACLED and GTD event ids), for later imports";
    static final String NOT_DUPLICATES_DESCRIPTION = "Pairs of incidents the user said are not duplicates";

    /**
     * The tables. An alias goes with its incident: the incident's deletion deletes it, and a merge moves
     * the aliases of the incident it removes to the one it keeps first.
     */
    static final String CREATE = """
            CREATE TABLE incident_aliases (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              alias TEXT NOT NULL UNIQUE,
              incident_uuid TEXT NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              merged_uuid TEXT NOT NULL,
              origin TEXT NOT NULL,
              merged DATETIME NOT NULL);
            CREATE INDEX incident_aliases_incident ON incident_aliases(incident_uuid);
            CREATE TABLE not_duplicates (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              uuid_a TEXT NOT NULL,
              uuid_b TEXT NOT NULL,
              decided DATETIME NOT NULL,
              UNIQUE (uuid_a, uuid_b))
            """;

    private DuplicateTables() {
    }

    /**
     * Whether the file has the table: one of an older version opened for viewing (which is not upgraded)
     * has neither, and reads as having no aliases and no pairs set aside.
     */
    private static boolean has(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every alias and the incident it stands for. */
    static Map<String, String> targets(Connection c) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!has(c, ALIASES)) {
            return m;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT alias, incident_uuid FROM incident_aliases ORDER BY fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    /** The aliases of one incident, in the order they were made. */
    static List<IncidentAlias> of(Connection c, String uuid) throws SQLException {
        List<IncidentAlias> list = new ArrayList<>();
        if (!has(c, ALIASES)) {
            return list;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT alias, incident_uuid, merged_uuid, origin"
                + " FROM incident_aliases WHERE incident_uuid = ? ORDER BY fid")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new IncidentAlias(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return list;
    }

    static boolean exists(Connection c, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM incident_aliases WHERE alias = ?")) {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insert(Connection c, IncidentAlias a, String when) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_aliases"
                + " (alias, incident_uuid, merged_uuid, origin, merged) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, a.alias());
            ps.setString(2, a.incidentId());
            ps.setString(3, a.mergedId());
            ps.setString(4, a.origin());
            ps.setString(5, when);
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, List<String> aliases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM incident_aliases WHERE alias = ?")) {
            for (String a : aliases) {
                ps.setString(1, a);
                ps.executeUpdate();
            }
        }
    }

    /** Points the aliases of incident {@code from} at {@code to}; returns the aliases moved. */
    static List<String> move(Connection c, String from, String to) throws SQLException {
        List<String> moved = new ArrayList<>();
        for (IncidentAlias a : of(c, from)) {
            moved.add(a.alias());
        }
        move(c, moved, to);
        return moved;
    }

    static void move(Connection c, List<String> aliases, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE incident_aliases SET incident_uuid = ? WHERE alias = ?")) {
            for (String a : aliases) {
                ps.setString(1, to);
                ps.setString(2, a);
                ps.executeUpdate();
            }
        }
    }

    /** Every pair said not to be duplicates, each as two ids in the order stored (smaller first). */
    static List<List<String>> notDuplicates(Connection c) throws SQLException {
        List<List<String>> pairs = new ArrayList<>();
        if (!has(c, NOT_DUPLICATES)) {
            return pairs;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT uuid_a, uuid_b FROM not_duplicates ORDER BY fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pairs.add(List.of(rs.getString(1), rs.getString(2)));
            }
        }
        return pairs;
    }

    /** Remembers that the two are not duplicates; false when it was remembered already. */
    static boolean addNotDuplicate(Connection c, String id1, String id2, String when) throws SQLException {
        String a = id1.compareTo(id2) <= 0 ? id1 : id2;
        String b = a.equals(id1) ? id2 : id1;
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO not_duplicates (uuid_a, uuid_b, decided)"
                + " VALUES (?, ?, ?)")) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.setString(3, when);
            return ps.executeUpdate() > 0;
        }
    }
}
