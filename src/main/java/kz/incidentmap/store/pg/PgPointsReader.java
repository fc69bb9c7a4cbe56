package kz.incidentmap.store.pg;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentPoints;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads what the map's index is built from — incident_points — with {@code COPY (SELECT …) TO STDOUT
 * (FORMAT binary)}: the rows stream into {@link IncidentPoints}' flat arrays as they arrive, with no
 * object per row, so ten million points need only the arrays themselves. Every column comes as a fixed
 * size number (the type code made its ordinal, a missing value -1 or {@link IncidentPoints#NO_DAY}, in
 * SQL), so no row is parsed as text.
 */
final class PgPointsReader {

    /** Columns of each row the query gives. */
    private static final int COLUMNS = 13;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private PgPointsReader() {
    }

    static IncidentPoints read(Connection c) throws SQLException, IOException {
        int expected;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM incident_points");
                ResultSet rs = ps.executeQuery()) {
            expected = rs.next() ? (int) Math.min(Integer.MAX_VALUE - 8, rs.getLong(1)) : 0;
        }
        IncidentPoints.Builder points = new IncidentPoints.Builder(expected);
        try (PGCopyInputStream copy = new PGCopyInputStream(c.unwrap(PGConnection.class), "COPY (" + query()
                + ") TO STDOUT (FORMAT binary)"); DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16))) {
            header(in);
            for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
                if (fields != COLUMNS) {
                    throw new IOException("the server sent a row of " + fields + " columns, not " + COLUMNS);
                }
                long fid = int8(in);
                double lon = float8(in);
                double lat = float8(in);
                int type = int4(in);
                if (type < 0) {
                    throw new SQLException("incident_points row fid " + fid + ": field 'type': unknown type");
                }
                points.add(fid, lon, lat, type, int4(in), int4(in), int4(in), int4(in), int4(in), int4(in), int4(in),
                        int4(in), int4(in));
            }
        }
        return points.build();
    }

    /**
     * The rows in row id order, as a GeoPackage's are read; type codes as their ordinals, -1 for a code
     * this application does not know.
     */
    static String query() {
        StringBuilder type = new StringBuilder("CASE type");
        for (IncidentType t : IncidentType.values()) {
            type.append(" WHEN '").append(t.code()).append("' THEN ").append(t.ordinal());
        }
        type.append(" ELSE -1 END");
        return "SELECT fid, lon, lat, " + type + ", casualties, coalesce(day, " + IncidentPoints.NO_DAY + "),"
                + " coalesce(date_precision, -1)::integer, coalesce(sub_type, -1)::integer,"
                + " coalesce(location_precision, -1)::integer, coalesce(killed_min, -1), coalesce(killed_max, -1),"
                + " coalesce(wounded_min, -1), coalesce(wounded_max, -1) FROM incident_points ORDER BY fid";
    }

    private static void header(DataInputStream in) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("the server's binary COPY did not start as PostgreSQL's does");
        }
        in.readInt(); // flags: none that matter for these columns
        in.skipNBytes(in.readInt()); // the header extension
    }

    private static long int8(DataInputStream in) throws IOException {
        length(in, 8);
        return in.readLong();
    }

    private static int int4(DataInputStream in) throws IOException {
        length(in, 4);
        return in.readInt();
    }

    private static double float8(DataInputStream in) throws IOException {
        length(in, 8);
        return in.readDouble();
    }

    private static void length(DataInputStream in, int expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw length < 0 ? new EOFException("the server sent a null where a number was expected")
                    : new IOException("the server sent a field of " + length + " bytes, not " + expected);
        }
    }
}
