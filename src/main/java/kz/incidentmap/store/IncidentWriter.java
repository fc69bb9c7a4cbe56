package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * Writes sources and incidents (with their source links and claims) into a store's tables through
 * prepared statements that it keeps open for a batch of rows. It works inside the caller's transaction
 * and never commits: the caller decides when the batch is complete.
 */
final class IncidentWriter implements AutoCloseable {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
        insertIncident = c.prepareStatement("INSERT INTO incidents (" + IncidentRows.COLUMNS + ") VALUES ("
                + String.join(", ", Collections.nCopies(IncidentRows.COLUMN_COUNT, "?")) + ")");
        updateIncident = c.prepareStatement("UPDATE incidents SET "
                + IncidentRows.COLUMNS.replace(",", " = ?,") + " = ? WHERE uuid = ?");
        deleteIncident = c.prepareStatement("DELETE FROM incidents WHERE uuid = ?");
        deleteLinks = c.prepareStatement("DELETE FROM incident_sources WHERE incident_uuid = ?");
        deleteClaims = c.prepareStatement("DELETE FROM claims WHERE incident_uuid = ?");
        insertLink = c.prepareStatement(IncidentRows.INSERT_LINK);
        insertClaim = c.prepareStatement(IncidentRows.INSERT_CLAIM);
        putPoint = c.prepareStatement("INSERT OR REPLACE INTO incident_points (fid, " + IncidentRows.POINT_COLUMNS
                + ") SELECT fid, ?, ?, ?, ?, ? FROM incidents WHERE uuid = ?");
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
        List<String> wanted = Arrays.asList(s.title(), s.publisher(), s.url(), IncidentRows.iso(s.published()),
                s.language());
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
        p.setString(5, IncidentRows.iso(s.published()));
        p.setString(6, s.language());
    }

    /** Inserts one incident with its links and claims and the given created and updated times. */
    void insertIncident(Incident i, String created, String updated) throws SQLException {
        IncidentRows.bindColumns(insertIncident, 1, i, created, updated);
        insertIncident.executeUpdate();
        IncidentRows.writeLinks(i, insertLink, insertClaim, PreparedStatement::executeUpdate);
        putPoint(i);
    }

    /** Replaces the row with the incident's id (keeping its fid) and its links and claims. */
    boolean updateIncident(Incident i, String created, String updated) throws SQLException {
        IncidentRows.bindColumns(updateIncident, 1, i, created, updated);
        updateIncident.setString(IncidentRows.COLUMN_COUNT + 1, i.id());
        if (updateIncident.executeUpdate() == 0) {
            return false;
        }
        deleteLinks(i.id());
        IncidentRows.writeLinks(i, insertLink, insertClaim, PreparedStatement::executeUpdate);
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
        IncidentRows.bindPoint(putPoint, 1, i);
        putPoint.setString(6, i.id());
        putPoint.executeUpdate();
    }

    /**
     * Deletes the incident; false when there was none. Its links, claims and incident_points row go
     * with it: they reference it ON DELETE CASCADE, and every connection enforces foreign keys.
     */
    boolean deleteIncident(String uuid) throws SQLException {
        deleteIncident.setString(1, uuid);
        return deleteIncident.executeUpdate() > 0;
    }

    private void deleteLinks(String uuid) throws SQLException {
        deleteClaims.setString(1, uuid);
        deleteClaims.executeUpdate();
        deleteLinks.setString(1, uuid);
        deleteLinks.executeUpdate();
    }

    /** A GeoPackage DATETIME: ISO 8601 UTC with milliseconds, e.g. 2011-11-12T10:15:00.000Z. */
    static String timestamp(Instant instant) {
        return DATETIME.format(instant);
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
