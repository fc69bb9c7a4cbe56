package kz.incidentmap.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
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
    static final String POINT_COLUMNS = "lon, lat, type, day, casualties, " + String.join(", ", PointFacts.COLUMNS);
    /** Number of parameters {@link #bindPoint} binds. */
    static final int POINT_COUNT = POINT_COLUMNS.split(",").length;
    /** The incident_sources columns {@link #writeLinks} sets, in its order. */
    static final String LINK_COLUMNS = "incident_uuid, source_key, seq";
    /** The claims columns {@link #writeLinks} sets, in its order. */
    static final String CLAIM_COLUMNS = "incident_uuid, source_key, seq, killed, wounded, date, note, credibility";
    static final String INSERT_LINK = "INSERT INTO incident_sources (" + LINK_COLUMNS + ") VALUES (?, ?, ?)";
    static final String INSERT_CLAIM = "INSERT INTO claims (" + CLAIM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private IncidentRows() {
    }

    /** Sets the {@link #COLUMNS} as parameters {@code first}..{@code first + COLUMN_COUNT - 1}. */
    static void bindColumns(RowSink p, int first, Incident i, String created, String updated) throws SQLException {
        int n = first;
        p.set(n++, pointBlob(i.lon(), i.lat()));
        p.set(n++, i.id());
        p.set(n++, i.title());
        p.set(n++, i.type().code());
        p.set(n++, iso(i.date()));
        p.set(n++, i.datePrecision() == null ? null : i.datePrecision().code());
        p.set(n++, i.place());
        p.set(n++, i.oblast());
        p.set(n++, i.locationPrecision() == null ? null : i.locationPrecision().code());
        p.set(n++, i.perpetrator());
        p.set(n++, i.claimedBy());
        p.set(n++, i.description());
        p.set(n++, i.eventGroup());
        p.set(n++, i.subType() == null ? null : i.subType().code());
        p.set(n++, i.time() == null ? null : i.time().toString());
        p.set(n++, Tags.join(i.tags()));
        p.set(n++, created);
        p.set(n, updated);
    }

    /** Writes one row of {@link #LINK_COLUMNS} per source and one of {@link #CLAIM_COLUMNS} per claim. */
    static void writeLinks(Incident i, RowSink links, RowSink claims) throws SQLException {
        List<Source> sources = i.sources();
        for (int n = 0; n < sources.size(); n++) {
            links.set(1, i.id());
            links.set(2, sources.get(n).key());
            links.set(3, n);
            links.endRow();
        }
        List<Claim> cited = i.claims();
        for (int n = 0; n < cited.size(); n++) {
            Claim c = cited.get(n);
            claims.set(1, i.id());
            claims.set(2, c.sourceKey());
            claims.set(3, n);
            claims.set(4, c.killed());
            claims.set(5, c.wounded());
            claims.set(6, iso(c.date()));
            claims.set(7, c.note());
            claims.set(8, c.credibility() == null ? null : c.credibility().code());
            claims.endRow();
        }
    }

    /**
     * Sets the {@link #POINT_COLUMNS} as parameters {@code first}..{@code first + POINT_COUNT - 1}; only
     * for an incident with {@link IncidentPoints#hasPosition a position}. The facts come from the same
     * claims {@link #writeLinks} writes, so the row agrees with them.
     */
    static void bindPoint(RowSink p, int first, Incident i) throws SQLException {
        p.set(first, i.lon());
        p.set(first + 1, i.lat());
        p.set(first + 2, i.type().code());
        p.set(first + 3, i.date() == null ? null : (int) i.date().toEpochDay());
        p.set(first + 4, IncidentPoints.casualties(i));
        PointFacts.bind(p, first + 5, i);
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

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
