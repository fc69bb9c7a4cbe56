package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;

/**
 * The server's {@code incident_vocabulary}: every sub-type with its number (the one incident_points
 * holds), as the GeoPackage's table of that name keeps them.
 */
final class PgVocabulary {

    private PgVocabulary() {
    }

    /** Keeps {@code sub} unless the table has its number already. */
    static void write(Connection c, IncidentSubType sub) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_vocabulary (fid, code, type, label,"
                + " acled_event_type, acled_sub_event_type, disorder_type, gtd_attack_type, mark, colour, built_in)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fid) DO NOTHING")) {
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
            ps.setBoolean(11, sub.builtIn());
            ps.executeUpdate();
        }
    }

    /** The built-in sub-types and the rows the record added; a row the model cannot take names itself. */
    static Vocabulary read(Connection c) throws SQLException {
        List<IncidentSubType> added = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, code, type, label, acled_event_type,"
                + " acled_sub_event_type, disorder_type, gtd_attack_type, mark, colour FROM incident_vocabulary"
                + " WHERE NOT built_in ORDER BY fid"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    added.add(new IncidentSubType(rs.getInt(1), rs.getString(2), IncidentType.fromCode(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), false));
                } catch (IllegalArgumentException e) {
                    throw new SQLException("incident_vocabulary row " + rs.getInt(1) + " ('" + rs.getString(2) + "'): "
                            + e.getMessage(), e);
                }
            }
        }
        try {
            return Vocabulary.withAdded(added);
        } catch (IllegalArgumentException e) {
            throw new SQLException("incident_vocabulary: " + e.getMessage(), e);
        }
    }
}
