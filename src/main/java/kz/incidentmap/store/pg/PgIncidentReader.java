package kz.incidentmap.store.pg;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;

/**
 * Reads the whole record from the server's tables: the sources, then the links and claims by incident,
 * then the incidents in the order they were written. A row the model cannot take (an unknown code, a
 * sub-type of another family) is an error naming the incident.
 */
final class PgIncidentReader {

    private PgIncidentReader() {
    }

    /** Every source, by key. */
    static Map<String, Source> sources(Connection c) throws SQLException {
        return sources(c, "", null);
    }

    /** The sources, by key, that {@code where} keeps (a condition with one parameter, the ids), or all of them. */
    private static Map<String, Source> sources(Connection c, String where, Array ids) throws SQLException {
        Map<String, Source> sources = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, title, publisher, url, published, language,"
                + " reliability FROM sources" + where + " ORDER BY key")) {
            if (ids != null) {
                ps.setArray(1, ids);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    try {
                        sources.put(key, new Source(key, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6), Reliability.fromOptional(rs.getString(7))));
                    } catch (IllegalArgumentException e) {
                        throw new SQLException("source '" + key + "': " + e.getMessage(), e);
                    }
                }
            }
        }
        return sources;
    }

    static List<Incident> incidents(Connection c, Vocabulary vocabulary) throws SQLException {
        List<Incident> incidents = new ArrayList<>();
        read(c, vocabulary, null, (fid, i) -> incidents.add(i));
        return incidents;
    }

    /**
     * The incidents with these row ids, by row id, with their sources and claims: one indexed query per
     * table, for the few records a click shows out of millions.
     */
    static Map<Long, Incident> byFids(Connection c, Vocabulary vocabulary, long[] fids) throws SQLException {
        Map<Long, Incident> found = new HashMap<>();
        if (fids.length > 0) {
            read(c, vocabulary, c.createArrayOf("bigint", Arrays.stream(fids).boxed().toArray()), found::put);
        }
        return found;
    }

    /** The incident with this id as the server holds it now, if it holds it. */
    static Optional<Incident> incident(Connection c, Vocabulary vocabulary, String uuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fid FROM incidents WHERE uuid = ?")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long fid = rs.getLong(1);
                return Optional.ofNullable(byFids(c, vocabulary, new long[] {fid}).get(fid));
            }
        }
    }

    private interface Found {
        void accept(long fid, Incident incident);
    }

    /** The incidents whose fid is in {@code ids} (all of them for null), in the order they were written. */
    private static void read(Connection c, Vocabulary vocabulary, Array ids, Found found) throws SQLException {
        String linked = ids == null ? "" : " WHERE incident_uuid IN (SELECT uuid FROM incidents WHERE fid = ANY(?))";
        Map<String, Source> sources = ids == null ? sources(c) : sources(c,
                " WHERE key IN (SELECT source_key FROM incident_sources" + linked + ")", ids);
        Map<String, List<Source>> cited = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_uuid, source_key FROM incident_sources"
                + linked + " ORDER BY incident_uuid, seq")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cited.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(sources.get(rs.getString(2)));
                }
            }
        }
        Map<String, List<Claim>> claims = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_uuid, source_key, killed, wounded, date, note,"
                + " credibility FROM claims" + linked + " ORDER BY incident_uuid, seq")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(claim(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT uuid, title, type, date, date_precision, place, oblast,"
                + " ST_X(geom), ST_Y(geom), location_precision, perpetrator, claimed_by, description, event_group,"
                + " sub_type, time, tags, created, updated, fid FROM incidents"
                + (ids == null ? "" : " WHERE fid = ANY(?)") + " ORDER BY fid")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    try {
                        found.accept(rs.getLong(20), incident(rs, vocabulary, cited.getOrDefault(id, List.of()),
                                claims.getOrDefault(id, List.of())));
                    } catch (IllegalArgumentException e) {
                        throw new SQLException("incident " + id + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Array ids) throws SQLException {
        if (ids != null) {
            ps.setArray(1, ids);
        }
    }

    /** A claim from columns 1 to 7: incident, source, killed, wounded, date, note, credibility. */
    static Claim claim(ResultSet rs) throws SQLException {
        Number credibility = (Number) rs.getObject(7);
        try {
            return new Claim(rs.getString(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4),
                    rs.getObject(5, LocalDate.class), rs.getString(6),
                    credibility == null ? null : Credibility.of(credibility.intValue()));
        } catch (IllegalArgumentException e) {
            throw new SQLException("a claim of incident " + rs.getString(1) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The incident in the current row: columns uuid, title, type, date, date_precision, place, oblast,
     * lon, lat, location_precision, perpetrator, claimed_by, description, event_group, sub_type, time,
     * tags, created, updated, in that order.
     */
    static Incident incident(ResultSet rs, Vocabulary vocabulary, List<Source> sources, List<Claim> claims)
            throws SQLException {
        try {
            return row(rs, vocabulary, sources, claims);
        } catch (IllegalArgumentException e) {
            throw new SQLException("incident " + rs.getString(1) + ": " + e.getMessage(), e);
        }
    }

    private static Incident row(ResultSet rs, Vocabulary vocabulary, List<Source> sources, List<Claim> claims)
            throws SQLException {
        IncidentType type = IncidentType.fromCode(rs.getString(3));
        String datePrecision = rs.getString(5);
        String locationPrecision = rs.getString(10);
        String subType = rs.getString(15);
        IncidentSubType sub = subType == null ? null : vocabulary.subType(subType).orElseThrow(
                () -> new IllegalArgumentException("unknown sub-type '" + subType + "'"));
        double lon = rs.getDouble(8);
        if (rs.wasNull()) {
            lon = Double.NaN;
        }
        double lat = rs.getDouble(9);
        if (rs.wasNull()) {
            lat = Double.NaN;
        }
        Array tags = rs.getArray(17);
        return new Incident(rs.getString(1), rs.getString(2), type, rs.getObject(4, LocalDate.class),
                datePrecision == null ? null : DatePrecision.fromCode(datePrecision), rs.getString(6), rs.getString(7),
                lon, lat, locationPrecision == null ? null : LocationPrecision.fromCode(locationPrecision),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), sources, claims, sub,
                rs.getObject(16, LocalTime.class),
                tags == null ? List.of() : Arrays.stream((Object[]) tags.getArray()).map(String.class::cast).toList(),
                rs.getObject(18, OffsetDateTime.class).toInstant(), rs.getObject(19, OffsetDateTime.class).toInstant());
    }
}
