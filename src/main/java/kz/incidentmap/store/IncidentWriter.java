package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;

/**
 * Writes sources and incidents (with their source links and claims) into a store's tables through
 * prepared statements that it keeps open for a batch of rows. It works inside the caller's transaction
 * and never commits: the caller decides when the batch is complete.
 */
final class IncidentWriter implements AutoCloseable {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String FIELDS = "geom, uuid, title, type, date, date_precision, place, oblast,"
            + " location_precision, perpetrator, claimed_by, description, event_group, sub_type, time, tags,"
            + " created, updated";

    private final PreparedStatement insertSource;
    private final PreparedStatement updateSource;
    private final PreparedStatement findSource;
    private final PreparedStatement insertIncident;
    private final PreparedStatement updateIncident;
    private final PreparedStatement deleteIncident;
    private final PreparedStatement deleteLinks;
    private final PreparedStatement deleteClaims;
    private final PreparedStatement insertLink;
    private final PreparedStatement insertClaim;
    private final PreparedStatement putPoint;
    private final PreparedStatement deletePoint;
    private final Map<String, Source> written = new HashMap<>();

    IncidentWriter(Connection c) throws SQLException {
        insertSource = c.prepareStatement(
                "INSERT INTO sources (key, title, publisher, url, published, language) VALUES (?, ?, ?, ?, ?, ?)");
        // The key is never rewritten: that would cascade through every link and claim citing it.
        updateSource = c.prepareStatement(
                "UPDATE sources SET title = ?, publisher = ?, url = ?, published = ?, language = ? WHERE key = ?");
        findSource = c.prepareStatement("SELECT title, publisher, url, published, language FROM sources WHERE key = ?");
        insertIncident = c.prepareStatement("INSERT INTO incidents (" + FIELDS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateIncident = c.prepareStatement("UPDATE incidents SET geom = ?, uuid = ?, title = ?, type = ?, date = ?,"
                + " date_precision = ?, place = ?, oblast = ?, location_precision = ?, perpetrator = ?,"
                + " claimed_by = ?, description = ?, event_group = ?, sub_type = ?, time = ?, tags = ?,"
                + " created = ?, updated = ? WHERE uuid = ?");
        deleteIncident = c.prepareStatement("DELETE FROM incidents WHERE uuid = ?");
        deleteLinks = c.prepareStatement("DELETE FROM incident_sources WHERE incident_uuid = ?");
        deleteClaims = c.prepareStatement("DELETE FROM claims WHERE incident_uuid = ?");
        insertLink = c.prepareStatement(
                "INSERT INTO incident_sources (incident_uuid, source_key, seq) VALUES (?, ?, ?)");
        insertClaim = c.prepareStatement("INSERT INTO claims (incident_uuid, source_key, seq, killed, wounded,"
                + " date, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
        putPoint = c.prepareStatement("INSERT OR REPLACE INTO incident_points (fid, lon, lat, type, day, casualties)"
                + " SELECT fid, ?, ?, ?, ?, ? FROM incidents WHERE uuid = ?");
        deletePoint = c.prepareStatement("DELETE FROM incident_points WHERE fid IN (SELECT fid FROM incidents WHERE uuid = ?)");
    }

    /** Writes the sources first, then the incidents that cite them. */
    void insertAll(SeedData data) throws SQLException {
        for (Source s : data.sources()) {
            insertSource(s);
        }
        String now = timestamp(Instant.now());
        for (Incident i : data.incidents()) {
            insertIncident(i, now, now);
        }
    }

    void insertSource(Source s) throws SQLException {
        bindSource(insertSource, s);
        insertSource.executeUpdate();
    }

    /**
     * Inserts the source, or updates the one with the same key where it differs. Sources already put
     * by this writer are skipped: an import cites the same few sources many times.
     */
    void putSource(Source s) throws SQLException {
        if (s.equals(written.get(s.key()))) {
            return;
        }
        findSource.setString(1, s.key());
        List<String> stored = null;
        try (ResultSet rs = findSource.executeQuery()) {
            if (rs.next()) {
                stored = Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
            }
        }
        List<String> wanted = Arrays.asList(s.title(), s.publisher(), s.url(), iso(s.published()), s.language());
        if (stored == null) {
            insertSource(s);
        } else if (!stored.equals(wanted)) {
            for (int n = 0; n < wanted.size(); n++) {
                updateSource.setString(n + 1, wanted.get(n));
            }
            updateSource.setString(6, s.key());
            updateSource.executeUpdate();
        }
        written.put(s.key(), s);
    }

    private static void bindSource(PreparedStatement p, Source s) throws SQLException {
        p.setString(1, s.key());
        p.setString(2, s.title());
        p.setString(3, s.publisher());
        p.setString(4, s.url());
        p.setString(5, iso(s.published()));
        p.setString(6, s.language());
    }

    /** Inserts one incident with its links and claims and the given created and updated times. */
    void insertIncident(Incident i, String created, String updated) throws SQLException {
        bindIncident(insertIncident, i, created, updated);
        insertIncident.executeUpdate();
        insertLinks(i);
        putPoint(i);
    }

    /** Replaces the row with the incident's id (keeping its fid) and its links and claims. */
    boolean updateIncident(Incident i, String created, String updated) throws SQLException {
        bindIncident(updateIncident, i, created, updated);
        updateIncident.setString(19, i.id());
        if (updateIncident.executeUpdate() == 0) {
            return false;
        }
        deleteLinks(i.id());
        insertLinks(i);
        putPoint(i);
        return true;
    }

    /** Writes the incident's row of incident_points, or removes it when the incident has no position. */
    private void putPoint(Incident i) throws SQLException {
        if (!IncidentPoints.hasPosition(i)) {
            deletePoint.setString(1, i.id());
            deletePoint.executeUpdate();
            return;
        }
        putPoint.setDouble(1, i.lon());
        putPoint.setDouble(2, i.lat());
        putPoint.setString(3, i.type().code());
        setInteger(putPoint, 4, i.date() == null ? null : (int) i.date().toEpochDay());
        putPoint.setInt(5, IncidentPoints.casualties(i));
        putPoint.setString(6, i.id());
        putPoint.executeUpdate();
    }

    /** Deletes the incident and its links and claims; false when there was none. */
    boolean deleteIncident(String uuid) throws SQLException {
        deleteLinks(uuid);
        deletePoint.setString(1, uuid);
        deletePoint.executeUpdate();
        deleteIncident.setString(1, uuid);
        return deleteIncident.executeUpdate() > 0;
    }

    private void deleteLinks(String uuid) throws SQLException {
        deleteClaims.setString(1, uuid);
        deleteClaims.executeUpdate();
        deleteLinks.setString(1, uuid);
        deleteLinks.executeUpdate();
    }

    private static void bindIncident(PreparedStatement p, Incident i, String created, String updated)
            throws SQLException {
        p.setBytes(1, GeoPackageGeometry.encodePoint(i.lon(), i.lat(), GeoPackageSchema.WGS84));
        p.setString(2, i.id());
        p.setString(3, i.title());
        p.setString(4, i.type().code());
        p.setString(5, iso(i.date()));
        p.setString(6, i.datePrecision() == null ? null : i.datePrecision().code());
        p.setString(7, i.place());
        p.setString(8, i.oblast());
        p.setString(9, i.locationPrecision() == null ? null : i.locationPrecision().code());
        p.setString(10, i.perpetrator());
        p.setString(11, i.claimedBy());
        p.setString(12, i.description());
        p.setString(13, i.eventGroup());
        p.setString(14, i.subType() == null ? null : i.subType().code());
        p.setString(15, i.time() == null ? null : i.time().toString());
        p.setString(16, Tags.join(i.tags()));
        p.setString(17, created);
        p.setString(18, updated);
    }

    private void insertLinks(Incident i) throws SQLException {
        List<Source> sources = i.sources();
        for (int n = 0; n < sources.size(); n++) {
            insertLink.setString(1, i.id());
            insertLink.setString(2, sources.get(n).key());
            insertLink.setInt(3, n);
            insertLink.executeUpdate();
        }
        List<Claim> claims = i.claims();
        for (int n = 0; n < claims.size(); n++) {
            Claim c = claims.get(n);
            insertClaim.setString(1, i.id());
            insertClaim.setString(2, c.sourceKey());
            insertClaim.setInt(3, n);
            setInteger(insertClaim, 4, c.killed());
            setInteger(insertClaim, 5, c.wounded());
            insertClaim.setString(6, iso(c.date()));
            insertClaim.setString(7, c.note());
            insertClaim.executeUpdate();
        }
    }

    /** A GeoPackage DATETIME: ISO 8601 UTC with milliseconds, e.g. 2011-11-12T10:15:00.000Z. */
    static String timestamp(Instant instant) {
        return DATETIME.format(instant);
    }

    private static void setInteger(PreparedStatement p, int index, Integer value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement p : List.of(insertSource, updateSource, findSource, insertIncident, updateIncident,
                deleteIncident, deleteLinks, deleteClaims, insertLink, insertClaim, putPoint, deletePoint)) {
            try {
                p.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
