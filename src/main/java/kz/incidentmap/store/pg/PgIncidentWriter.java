package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * Writes sources and incidents, with their links, claims and incident_points rows, into the server's
 * tables in batches, inside the caller's transaction (it never commits). Every value is a parameter.
 * incident_points gets what the GeoPackage's holds: the codes as the numbers of the model's constants.
 */
final class PgIncidentWriter implements AutoCloseable {

    private static final String INCIDENT_COLUMNS = "uuid, geom, title, type, date, date_precision, place, oblast,"
            + " location_precision, perpetrator, claimed_by, description, event_group, sub_type, time, tags,"
            + " created, updated";

    private final Connection c;
    private final PreparedStatement sources;
    private final PreparedStatement incidents;
    private final PreparedStatement links;
    private final PreparedStatement claims;
    private final PreparedStatement points;

    PgIncidentWriter(Connection c) throws SQLException {
        this(c, false);
    }

    /**
     * A writer whose sources replace those of the same key when {@code upsertSources}: a window's change
     * carries the sources as it knows them, which others may already have written.
     */
    PgIncidentWriter(Connection c, boolean upsertSources) throws SQLException {
        this.c = c;
        sources = c.prepareStatement("INSERT INTO sources (key, title, publisher, url, published, language, reliability)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)" + (upsertSources ? " ON CONFLICT (key) DO UPDATE SET"
                        + " title = EXCLUDED.title, publisher = EXCLUDED.publisher, url = EXCLUDED.url,"
                        + " published = EXCLUDED.published, language = EXCLUDED.language,"
                        + " reliability = EXCLUDED.reliability" : ""));
        incidents = c.prepareStatement("INSERT INTO incidents (" + INCIDENT_COLUMNS + ") VALUES (?,"
                + " CASE WHEN ?::double precision IS NULL THEN NULL"
                + " ELSE ST_SetSRID(ST_MakePoint(?::double precision, ?::double precision), 4326) END,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        links = c.prepareStatement("INSERT INTO incident_sources (incident_uuid, source_key, seq) VALUES (?, ?, ?)");
        claims = c.prepareStatement("INSERT INTO claims (incident_uuid, source_key, seq, killed, wounded, date, note,"
                + " credibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        points = c.prepareStatement("INSERT INTO incident_points (fid, lon, lat, type, day, casualties, date_precision,"
                + " sub_type, location_precision, killed_min, killed_max, wounded_min, wounded_max)"
                + " SELECT fid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM incidents WHERE uuid = ?");
    }

    void addSource(Source s) throws SQLException {
        sources.setString(1, s.key());
        sources.setString(2, s.title());
        sources.setString(3, s.publisher());
        sources.setString(4, s.url());
        sources.setObject(5, s.published(), Types.DATE);
        sources.setString(6, s.language());
        sources.setString(7, s.reliability() == null ? null : s.reliability().code());
        sources.addBatch();
    }

    /** Adds the incident with its links, claims and point; {@code now} stands in for a missing time. */
    void addIncident(Incident i, Instant now) throws SQLException {
        boolean placed = Double.isFinite(i.lon()) && Double.isFinite(i.lat());
        int n = 1;
        incidents.setString(n++, i.id());
        Double lon = placed ? i.lon() : null;
        incidents.setObject(n++, lon, Types.DOUBLE);
        incidents.setObject(n++, lon, Types.DOUBLE);
        incidents.setObject(n++, placed ? i.lat() : null, Types.DOUBLE);
        incidents.setString(n++, i.title());
        incidents.setString(n++, i.type().code());
        incidents.setObject(n++, i.date(), Types.DATE);
        incidents.setString(n++, i.datePrecision() == null ? null : i.datePrecision().code());
        incidents.setString(n++, i.place());
        incidents.setString(n++, i.oblast());
        incidents.setString(n++, i.locationPrecision() == null ? null : i.locationPrecision().code());
        incidents.setString(n++, i.perpetrator());
        incidents.setString(n++, i.claimedBy());
        incidents.setString(n++, i.description());
        incidents.setString(n++, i.eventGroup());
        incidents.setString(n++, i.subType() == null ? null : i.subType().code());
        incidents.setObject(n++, i.time(), Types.TIME);
        incidents.setArray(n++, c.createArrayOf("text", i.tags().toArray()));
        incidents.setObject(n++, utc(i.created() == null ? now : i.created()));
        incidents.setObject(n, utc(i.updated() == null ? now : i.updated()));
        incidents.addBatch();
        addParts(i);
    }

    /** The incident's links to its sources, its claims and its point, for an incident row already there. */
    void addParts(Incident i) throws SQLException {
        boolean placed = Double.isFinite(i.lon()) && Double.isFinite(i.lat());
        List<Source> cited = i.sources();
        for (int k = 0; k < cited.size(); k++) {
            links.setString(1, i.id());
            links.setString(2, cited.get(k).key());
            links.setInt(3, k);
            links.addBatch();
        }
        List<Claim> said = i.claims();
        for (int k = 0; k < said.size(); k++) {
            Claim claim = said.get(k);
            claims.setString(1, i.id());
            claims.setString(2, claim.sourceKey());
            claims.setInt(3, k);
            claims.setObject(4, claim.killed(), Types.INTEGER);
            claims.setObject(5, claim.wounded(), Types.INTEGER);
            claims.setObject(6, claim.date(), Types.DATE);
            claims.setString(7, claim.note());
            claims.setObject(8, claim.credibility() == null ? null : claim.credibility().code(), Types.SMALLINT);
            claims.addBatch();
        }
        if (placed) {
            addPoint(i);
        }
    }

    /** The incident_points row: as the GeoPackage's, so that the same readers can load the map from it. */
    private void addPoint(Incident i) throws SQLException {
        points.setDouble(1, i.lon());
        points.setDouble(2, i.lat());
        points.setString(3, i.type().code());
        points.setObject(4, i.date() == null ? null : (int) i.date().toEpochDay(), Types.INTEGER);
        points.setInt(5, i.maxKilled().orElse(0) + i.maxWounded().orElse(0));
        points.setObject(6, i.datePrecision() == null ? null : i.datePrecision().ordinal(), Types.SMALLINT);
        points.setObject(7, i.subType() == null ? null : i.subType().ordinal(), Types.SMALLINT);
        points.setObject(8, i.locationPrecision() == null ? null : i.locationPrecision().ordinal(), Types.SMALLINT);
        points.setObject(9, figure(i.minKilled()), Types.INTEGER);
        points.setObject(10, figure(i.maxKilled()), Types.INTEGER);
        points.setObject(11, figure(i.minWounded()), Types.INTEGER);
        points.setObject(12, figure(i.maxWounded()), Types.INTEGER);
        points.setString(13, i.id());
        points.addBatch();
    }

    private static Integer figure(OptionalInt figure) {
        return figure.isPresent() ? figure.getAsInt() : null;
    }

    private static OffsetDateTime utc(Instant when) {
        return when.atOffset(ZoneOffset.UTC);
    }

    /** The value of a timestamptz column for {@code when}, or {@code now} when it is null. */
    static OffsetDateTime timestamp(Instant when, Instant now) {
        return utc(when == null ? now : when);
    }

    /** Sends what was added, the sources before the incidents that cite them. */
    void flush() throws SQLException {
        sources.executeBatch();
        incidents.executeBatch();
        links.executeBatch();
        claims.executeBatch();
        points.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        try (sources; incidents; links; claims; points) {
            // nothing to do but close
        }
    }
}
