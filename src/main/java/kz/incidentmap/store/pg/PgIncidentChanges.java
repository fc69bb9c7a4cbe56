package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.OptionalInt;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * One window's change to one incident, in the caller's transaction: written only over the version it
 * was based on (optimistic concurrency: 0 rows means someone else wrote it first), raising the version
 * and naming the database user, with an entry in {@code kim_history} holding the record as written.
 * Every value is a parameter.
 */
final class PgIncidentChanges {

    private static final String UPDATE = "UPDATE incidents SET geom = CASE WHEN ?::double precision IS NULL THEN NULL"
            + " ELSE ST_SetSRID(ST_MakePoint(?::double precision, ?::double precision), 4326) END,"
            + " title = ?, type = ?, date = ?, date_precision = ?, place = ?, oblast = ?, location_precision = ?,"
            + " perpetrator = ?, claimed_by = ?, description = ?, event_group = ?, sub_type = ?, time = ?, tags = ?,"
            + " created = ?, updated = ?, version = version + 1, updated_by = current_user, updated_at = now()"
            + " WHERE uuid = ? AND version = ? RETURNING version";

    private PgIncidentChanges() {
    }

    /** The incident's version on the server, locked until the transaction ends; empty when it has none. */
    static OptionalInt lockVersion(Connection c, String uuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM incidents WHERE uuid = ? FOR UPDATE")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /** Adds a new incident at version 1; empty when the server already has one with its id. */
    static OptionalInt insert(Connection c, Incident i) throws SQLException {
        if (lockVersion(c, i.id()).isPresent()) {
            return OptionalInt.empty();
        }
        try (PgIncidentWriter w = new PgIncidentWriter(c, true)) {
            for (Source s : i.sources()) {
                w.addSource(s);
            }
            w.addIncident(i, Instant.now());
            w.flush();
        }
        history(c, i.id(), "insert");
        return OptionalInt.of(1);
    }

    /** Writes {@code i} over version {@code base}; the new version, or empty when the server's is not {@code base}. */
    static OptionalInt update(Connection c, Incident i, int base) throws SQLException {
        int version;
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            boolean placed = Double.isFinite(i.lon()) && Double.isFinite(i.lat());
            Double lon = placed ? i.lon() : null;
            int n = 1;
            ps.setObject(n++, lon, Types.DOUBLE);
            ps.setObject(n++, lon, Types.DOUBLE);
            ps.setObject(n++, placed ? i.lat() : null, Types.DOUBLE);
            ps.setString(n++, i.title());
            ps.setString(n++, i.type().code());
            ps.setObject(n++, i.date(), Types.DATE);
            ps.setString(n++, i.datePrecision() == null ? null : i.datePrecision().code());
            ps.setString(n++, i.place());
            ps.setString(n++, i.oblast());
            ps.setString(n++, i.locationPrecision() == null ? null : i.locationPrecision().code());
            ps.setString(n++, i.perpetrator());
            ps.setString(n++, i.claimedBy());
            ps.setString(n++, i.description());
            ps.setString(n++, i.eventGroup());
            ps.setString(n++, i.subType() == null ? null : i.subType().code());
            ps.setObject(n++, i.time(), Types.TIME);
            ps.setArray(n++, c.createArrayOf("text", i.tags().toArray()));
            Instant now = Instant.now();
            ps.setObject(n++, PgIncidentWriter.timestamp(i.created(), now));
            ps.setObject(n++, PgIncidentWriter.timestamp(i.updated(), now));
            ps.setString(n++, i.id());
            ps.setInt(n, base);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return OptionalInt.empty();
                }
                version = rs.getInt(1);
            }
        }
        for (String table : new String[] {"incident_sources", "claims"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE incident_uuid = ?")) {
                ps.setString(1, i.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM incident_points WHERE fid ="
                + " (SELECT fid FROM incidents WHERE uuid = ?)")) {
            ps.setString(1, i.id());
            ps.executeUpdate();
        }
        try (PgIncidentWriter w = new PgIncidentWriter(c, true)) {
            for (Source s : i.sources()) {
                w.addSource(s);
            }
            w.addParts(i);
            w.flush();
        }
        history(c, i.id(), "update");
        return OptionalInt.of(version);
    }

    /** Deletes the incident if the server's version is {@code base}; false (nothing done) otherwise. */
    static boolean delete(Connection c, String uuid, int base) throws SQLException {
        OptionalInt now = lockVersion(c, uuid);
        if (now.isEmpty() || now.getAsInt() != base) {
            return false;
        }
        // The entry keeps the record as it was, so that a deleted incident can be restored from it.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_history (incident_uuid, version, operation,"
                + " record) SELECT uuid, version + 1, 'delete', kim_incident_record(uuid) FROM incidents WHERE uuid = ?")) {
            ps.setString(1, uuid);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM incidents WHERE uuid = ?")) {
            ps.setString(1, uuid);
            return ps.executeUpdate() == 1;
        }
    }

    /** The history entry of the incident as it now stands in the tables. */
    static void history(Connection c, String uuid, String operation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_history (incident_uuid, version, changed_by,"
                + " changed_at, operation, record) SELECT uuid, version, updated_by, updated_at, ?,"
                + " kim_incident_record(uuid) FROM incidents WHERE uuid = ?")) {
            ps.setString(1, operation);
            ps.setString(2, uuid);
            ps.executeUpdate();
        }
    }

    /** The history entries of every incident there, as inserts: after a whole record is copied in. */
    static void historyOfAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_history (incident_uuid, version, changed_by,"
                + " changed_at, operation, record) SELECT uuid, version, updated_by, updated_at, 'insert',"
                + " kim_incident_record(uuid) FROM incidents")) {
            ps.executeUpdate();
        }
    }
}
