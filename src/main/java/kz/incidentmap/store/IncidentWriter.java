package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * Inserts sources and incidents (with their source links and claims) into a store's tables through
 * prepared statements that it keeps open for a batch of rows. It works inside the caller's transaction
 * and never commits: the caller decides when the batch is complete.
 */
final class IncidentWriter implements AutoCloseable {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PreparedStatement insertSource;
    private final PreparedStatement insertIncident;
    private final PreparedStatement insertLink;
    private final PreparedStatement insertClaim;

    IncidentWriter(Connection c) throws SQLException {
        insertSource = c.prepareStatement(
                "INSERT INTO sources (key, title, publisher, url, published, language) VALUES (?, ?, ?, ?, ?, ?)");
        insertIncident = c.prepareStatement("INSERT INTO incidents (geom, uuid, title, type, date, date_precision,"
                + " place, oblast, location_precision, perpetrator, claimed_by, description, event_group,"
                + " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertLink = c.prepareStatement(
                "INSERT INTO incident_sources (incident_uuid, source_key, seq) VALUES (?, ?, ?)");
        insertClaim = c.prepareStatement("INSERT INTO claims (incident_uuid, source_key, seq, killed, wounded,"
                + " date, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** Writes the sources first, then the incidents that cite them. */
    void insertAll(SeedData data) throws SQLException {
        for (Source s : data.sources()) {
            insertSource(s);
        }
        String now = timestamp(Instant.now());
        for (Incident i : data.incidents()) {
            insertIncident(i, now);
        }
    }

    void insertSource(Source s) throws SQLException {
        insertSource.setString(1, s.key());
        insertSource.setString(2, s.title());
        insertSource.setString(3, s.publisher());
        insertSource.setString(4, s.url());
        insertSource.setString(5, iso(s.published()));
        insertSource.setString(6, s.language());
        insertSource.executeUpdate();
    }

    /** Inserts one incident with its links and claims; {@code timestamp} becomes created and updated. */
    void insertIncident(Incident i, String timestamp) throws SQLException {
        PreparedStatement p = insertIncident;
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
        p.setString(14, timestamp);
        p.setString(15, timestamp);
        p.executeUpdate();
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
        for (PreparedStatement p : List.of(insertSource, insertIncident, insertLink, insertClaim)) {
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
