package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
    private final RowSink incidentRow;
    private final RowSink incidentUpdate;
    private final RowSink pointRow;
    private final RowSink links;
    private final RowSink claims;
    private final Map<String, Source> written = new HashMap<>();
    private final AddedSubTypes subTypes;

    IncidentWriter(Connection c) throws SQLException {
        subTypes = new AddedSubTypes(c);
        insertSource = c.prepareStatement(
                "INSERT INTO sources (key, title, publisher, url, published, language, reliability)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        // The key is never rewritten: that would cascade through every link and claim citing it.
        updateSource = c.prepareStatement(
                "UPDATE sources SET title = ?, publisher = ?, url = ?, published = ?, language = ?, reliability = ?"
                        + " WHERE key = ?");
        findSource = c.prepareStatement(
                "SELECT title, publisher, url, published, language, reliability FROM sources WHERE key = ?");
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
                + ") SELECT fid, " + String.join(", ", Collections.nCopies(IncidentRows.POINT_COUNT, "?"))
                + " FROM incidents WHERE uuid = ?");
        deletePoint = c.prepareStatement("DELETE FROM incident_points WHERE fid IN (SELECT fid FROM incidents WHERE uuid = ?)");
        incidentRow = RowSink.executing(insertIncident);
        links = RowSink.executing(insertLink);
        claims = RowSink.executing(insertClaim);
        incidentUpdate = RowSink.executing(updateIncident);
        pointRow = RowSink.executing(putPoint);
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
                        rs.getString(5), rs.getString(6));
            }
        }
        List<String> wanted = Arrays.asList(s.title(), s.publisher(), s.url(), IncidentRows.iso(s.published()),
                s.language(), s.reliability() == null ? null : s.reliability().code());
        if (stored == null) {
            insertSource(s);
        } else if (!stored.equals(wanted)) {
            for (int n = 0; n < wanted.size(); n++) {
                updateSource.setString(n + 1, wanted.get(n));
            }
            updateSource.setString(wanted.size() + 1, s.key());
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
        p.setString(7, s.reliability() == null ? null : s.reliability().code());
    }

    /** Inserts one incident with its links and claims and the given created and updated times. */
    void insertIncident(Incident i, String created, String updated) throws SQLException {
        subTypes.keep(i);
        IncidentRows.bindColumns(incidentRow, 1, i, created, updated);
        incidentRow.endRow();
        IncidentRows.writeLinks(i, links, claims);
        putPoint(i);
    }

    /** Replaces the row with the incident's id (keeping its fid) and its links and claims. */
    boolean updateIncident(Incident i, String created, String updated) throws SQLException {
        subTypes.keep(i);
        IncidentRows.bindColumns(incidentUpdate, 1, i, created, updated);
        updateIncident.setString(IncidentRows.COLUMN_COUNT + 1, i.id());
        if (updateIncident.executeUpdate() == 0) {
            return false;
        }
        deleteLinks(i.id());
        IncidentRows.writeLinks(i, links, claims);
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
        IncidentRows.bindPoint(pointRow, 1, i);
        pointRow.set(IncidentRows.POINT_COUNT + 1, i.id());
        pointRow.endRow();
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

    /**
     * A GeoPackage DATETIME: ISO 8601 UTC with milliseconds, e.g. 2011-11-12T10:15:00.000Z. Years 1–9999
     * are written by hand (a bulk write formats two per incident, and the formatter was a fifth of the
     * writing thread's own time); others go through the formatter, which gives the same text.
     */
    static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_1 || seconds >= YEAR_10000) {
            return DATETIME.format(instant);
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] t = new char[24];
        digits(t, 0, date.getYear(), 4);
        t[4] = '-';
        digits(t, 5, date.getMonthValue(), 2);
        t[7] = '-';
        digits(t, 8, date.getDayOfMonth(), 2);
        t[10] = 'T';
        digits(t, 11, secondOfDay / 3600, 2);
        t[13] = ':';
        digits(t, 14, secondOfDay / 60 % 60, 2);
        t[16] = ':';
        digits(t, 17, secondOfDay % 60, 2);
        t[19] = '.';
        digits(t, 20, instant.getNano() / 1_000_000, 3);
        t[23] = 'Z';
        return new String(t);
    }

    private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private static void digits(char[] t, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            t[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    @Override
    public void close() throws SQLException {
        // Closes every one, the last first, and throws the first failure with the others added to it.
        try (insertSource; updateSource; findSource; insertIncident; updateIncident; deleteIncident; deleteLinks;
                deleteClaims; insertLink; insertClaim; putPoint; deletePoint) {
            // nothing to do but close
        }
    }
}
