package kz.incidentmap.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;

/**
 * How an incident becomes rows of the store: its incidents columns, its source links and claims, and
 * its incident_points row. Both the statement-per-row writer and the bulk inserter bind through here,
 * so a new column, or a change to what the map reads from incident_points, is made in one place.
 */
final class IncidentRows {

    /** The incidents columns {@link #bindColumns} binds, in its order. */
    static final String COLUMNS = "geom, uuid, title, type, date, date_precision, place, oblast,"
            + " location_precision, perpetrator, claimed_by, description, event_group, sub_type, time, tags,"
            + " created, updated";
    /** Number of parameters {@link #bindColumns} binds. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** The incident_points columns after fid that {@link #bindPoint} binds, in its order. */
    static final String POINT_COLUMNS = "lon, lat, type, day, casualties";
    static final String INSERT_LINK = "INSERT INTO incident_sources (incident_uuid, source_key, seq) VALUES (?, ?, ?)";
    static final String INSERT_CLAIM = "INSERT INTO claims (incident_uuid, source_key, seq, killed, wounded,"
            + " date, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The codes of the types and sub-types by ordinal: code() makes a new lower-case string each call. */
    private static final String[] TYPE_CODES =
            Arrays.stream(IncidentType.values()).map(IncidentType::code).toArray(String[]::new);
    private static final String[] SUB_TYPE_CODES =
            Arrays.stream(IncidentSubType.values()).map(IncidentSubType::code).toArray(String[]::new);

    /** What to do with a statement once a row is bound: execute it now, or add it to the batch. */
    @FunctionalInterface
    interface RowAction {
        void apply(PreparedStatement p) throws SQLException;
    }

    private IncidentRows() {
    }

    /** Binds the {@link #COLUMNS} to parameters {@code first}..{@code first + COLUMN_COUNT - 1}. */
    static void bindColumns(PreparedStatement p, int first, Incident i, String created, String updated)
            throws SQLException {
        int n = first;
        p.setBytes(n++, pointBlob(i.lon(), i.lat()));
        p.setString(n++, i.id());
        p.setString(n++, i.title());
        p.setString(n++, TYPE_CODES[i.type().ordinal()]);
        p.setString(n++, iso(i.date()));
        p.setString(n++, i.datePrecision() == null ? null : i.datePrecision().code());
        p.setString(n++, i.place());
        p.setString(n++, i.oblast());
        p.setString(n++, i.locationPrecision() == null ? null : i.locationPrecision().code());
        p.setString(n++, i.perpetrator());
        p.setString(n++, i.claimedBy());
        p.setString(n++, i.description());
        p.setString(n++, i.eventGroup());
        p.setString(n++, i.subType() == null ? null : SUB_TYPE_CODES[i.subType().ordinal()]);
        p.setString(n++, i.time() == null ? null : i.time().toString());
        p.setString(n++, Tags.join(i.tags()));
        p.setString(n++, created);
        p.setString(n, updated);
    }

    /** Binds one row of {@link #INSERT_LINK} per source and one of {@link #INSERT_CLAIM} per claim. */
    static void writeLinks(Incident i, PreparedStatement links, PreparedStatement claims, RowAction then)
            throws SQLException {
        List<Source> sources = i.sources();
        for (int n = 0; n < sources.size(); n++) {
            links.setString(1, i.id());
            links.setString(2, sources.get(n).key());
            links.setInt(3, n);
            then.apply(links);
        }
        List<Claim> cited = i.claims();
        for (int n = 0; n < cited.size(); n++) {
            Claim c = cited.get(n);
            claims.setString(1, i.id());
            claims.setString(2, c.sourceKey());
            claims.setInt(3, n);
            setInteger(claims, 4, c.killed());
            setInteger(claims, 5, c.wounded());
            claims.setString(6, iso(c.date()));
            claims.setString(7, c.note());
            then.apply(claims);
        }
    }

    /**
     * Binds the {@link #POINT_COLUMNS} to parameters {@code first}..{@code first + 4}; only for an
     * incident with {@link IncidentPoints#hasPosition a position}.
     */
    static void bindPoint(PreparedStatement p, int first, Incident i) throws SQLException {
        p.setDouble(first, i.lon());
        p.setDouble(first + 1, i.lat());
        p.setString(first + 2, TYPE_CODES[i.type().ordinal()]);
        setInteger(p, first + 3, i.date() == null ? null : (int) i.date().toEpochDay());
        p.setInt(first + 4, IncidentPoints.casualties(i));
    }

    /**
     * The GeoPackage blob of a WGS 84 point, the bytes {@link GeoPackageGeometry#encodePoint} gives,
     * written straight into a 61-byte array: 8 header bytes ("GP", version 0, flags little-endian with an
     * XY envelope, srs_id), the envelope [lon, lon, lat, lat], then the little-endian WKB point. A bulk
     * write calls it a million times; building a JTS point and a WKBWriter each time cost more than the
     * row's insert.
     */
    static byte[] pointBlob(double lon, double lat) {
        ByteBuffer b = ByteBuffer.allocate(61).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x03).putInt(GeoPackageSchema.WGS84);
        b.putDouble(lon).putDouble(lon).putDouble(lat).putDouble(lat);
        b.put((byte) 1).putInt(1).putDouble(lon).putDouble(lat);
        return b.array();
    }

    static void setInteger(PreparedStatement p, int index, Integer value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
