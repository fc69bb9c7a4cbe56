package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;

/**
 * Reads {@code kim_history}: the versions of one incident, and one version back as an incident. The
 * stored record has the columns of the tables (see {@code kim_incident_record}), so the server turns
 * it back into rows of the same shape ({@code jsonb_populate_record}) and the ordinary reader reads them.
 */
final class PgHistory {

    private PgHistory() {
    }

    static List<HistoryEntry> of(Connection c, String uuid) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, changed_by, changed_at, operation"
                + " FROM kim_history WHERE incident_uuid = ? ORDER BY version, id")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(uuid, rs.getInt(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
                }
            }
        }
        return entries;
    }

    /** The incident as version {@code version} of it was written; empty when there is no such entry. */
    static Optional<Incident> version(Connection c, Vocabulary vocabulary, String uuid, int version)
            throws SQLException {
        Map<String, Source> sources = PgIncidentReader.sources(c);
        String entry = " FROM kim_history h WHERE h.incident_uuid = ? AND h.version = ?";
        List<Source> cited = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.key FROM (SELECT h.record" + entry + " ORDER BY h.id"
                + " DESC LIMIT 1) e, jsonb_array_elements_text(e.record->'sources') WITH ORDINALITY k(key, n)"
                + " ORDER BY k.n")) {
            bind(ps, uuid, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cited.add(sources.get(rs.getString(1)));
                }
            }
        }
        List<Claim> claims = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ?, k.source_key, k.killed, k.wounded, k.date, k.note,"
                + " k.credibility FROM (SELECT h.record" + entry + " ORDER BY h.id DESC LIMIT 1) e,"
                + " jsonb_populate_recordset(NULL::claims, e.record->'claims') k ORDER BY k.seq")) {
            ps.setString(1, uuid);
            ps.setString(2, uuid);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(PgIncidentReader.claim(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT r.uuid, r.title, r.type, r.date, r.date_precision,"
                + " r.place, r.oblast, (e.record->>'lon')::double precision, (e.record->>'lat')::double precision,"
                + " r.location_precision, r.perpetrator, r.claimed_by, r.description, r.event_group, r.sub_type,"
                + " r.time, r.tags, r.created, r.updated FROM (SELECT h.record" + entry
                + " ORDER BY h.id DESC LIMIT 1) e, jsonb_populate_record(NULL::incidents, e.record) r")) {
            bind(ps, uuid, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // A source since removed from the record cannot be cited again: it is left out.
                return Optional.of(PgIncidentReader.incident(rs, vocabulary,
                        cited.stream().filter(Objects::nonNull).toList(), claims));
            }
        }
    }

    private static void bind(PreparedStatement ps, String uuid, int version) throws SQLException {
        ps.setString(1, uuid);
        ps.setInt(2, version);
    }
}
