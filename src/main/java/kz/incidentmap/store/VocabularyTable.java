package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;

/**
 * The store's table of incident sub-types (schema version 5), {@code incident_vocabulary}: every sub-type
 * the store knows, the built-in ones written when the table is made and those a user or an import added,
 * each with its number (the one incident_points keeps), code, family, name, ACLED and GTD names and its
 * own marker shape and colour. Other GIS programs read the names of a store's codes here; the application
 * reads only the added rows, the built-in ones being its own.
 */
final class VocabularyTable {

    static final String NAME = "incident_vocabulary";
    static final String DESCRIPTION = "Incident sub-types with their family, ACLED and GTD names and marker"
            + " symbol; incidents.sub_type holds the code (the Kazakhstan Incident Map)";

    private static final String DDL = """
            CREATE TABLE incident_vocabulary (
              fid INTEGER PRIMARY KEY NOT NULL,
              code TEXT NOT NULL UNIQUE,
              type TEXT NOT NULL,
              label TEXT NOT NULL,
              acled_event_type TEXT NOT NULL,
              acled_sub_event_type TEXT NOT NULL,
              disorder_type TEXT NOT NULL,
              gtd_attack_type TEXT,
              mark TEXT,
              colour TEXT,
              built_in INTEGER NOT NULL)""";
    private static final String INSERT = "INSERT OR IGNORE INTO incident_vocabulary (fid, code, type, label,"
            + " acled_event_type, acled_sub_event_type, disorder_type, gtd_attack_type, mark, colour, built_in)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private VocabularyTable() {
    }

    /** Makes the table with the built-in sub-types, in the caller's transaction. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(DDL);
        }
        for (IncidentSubType sub : IncidentSubType.BUILT_IN) {
            write(c, sub);
        }
    }

    /** Keeps {@code sub} unless the table has its number already (the built-in ones, one kept before). */
    static void write(Connection c, IncidentSubType sub) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setInt(1, sub.ordinal());
            ps.setString(2, sub.code());
            ps.setString(3, sub.type().code());
            ps.setString(4, sub.label());
            ps.setString(5, sub.acledEventType());
            ps.setString(6, sub.acledSubEventType());
            ps.setString(7, sub.disorderType());
            ps.setString(8, sub.gtdAttackType());
            ps.setString(9, sub.mark());
            ps.setString(10, sub.colour());
            ps.setInt(11, sub.builtIn() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /** Whether the file has the table (a store before version 5 opened for viewing has not). */
    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /**
     * The store's vocabulary: the built-in sub-types and the rows it added. A row the model cannot take
     * (an unknown family, a number in use) is an error naming the row.
     */
    static Vocabulary read(Connection c) throws SQLException {
        if (!exists(c)) {
            return Vocabulary.builtIn();
        }
        List<IncidentSubType> added = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT fid, code, type, label, acled_event_type, acled_sub_event_type,"
                        + " disorder_type, gtd_attack_type, mark, colour FROM incident_vocabulary"
                        + " WHERE built_in = 0 ORDER BY fid")) {
            while (rs.next()) {
                String code = rs.getString(2);
                try {
                    added.add(new IncidentSubType(rs.getInt(1), code, IncidentType.fromCode(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), false));
                } catch (IllegalArgumentException e) {
                    throw new SQLException(NAME + " row " + rs.getInt(1) + " ('" + code + "'): " + e.getMessage(), e);
                }
            }
        }
        try {
            return Vocabulary.withAdded(added);
        } catch (IllegalArgumentException e) {
            throw new SQLException(NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SQL expression giving the number of the sub-type a column holds the code of (blanks trimmed,
     * case ignored), NULL for none or an unknown code: from this table where the file has it, else from
     * the built-in list.
     */
    static String numberOf(Connection c, String column) throws SQLException {
        if (exists(c)) {
            return "(SELECT v.fid FROM incident_vocabulary v WHERE v.code = lower(trim(" + column + ")))";
        }
        StringBuilder sql = new StringBuilder("CASE lower(trim(").append(column).append("))");
        for (IncidentSubType s : IncidentSubType.BUILT_IN) {
            sql.append(" WHEN '").append(s.code()).append("' THEN ").append(s.ordinal());
        }
        return sql.append(" END").toString();
    }
}
