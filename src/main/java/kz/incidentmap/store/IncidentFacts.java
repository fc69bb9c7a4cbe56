package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * What a filter asks of every incident beyond what {@code incident_points} held before schema version 4:
 * how precise its date is, the smallest and largest number killed and wounded its sources give, its
 * sub-type and how precise its position is. Read in one pass over the incidents rows and their claims, by
 * row id — a join that takes seconds on a million incidents, so it serves only where the points table
 * holds no facts ({@link PointFacts}): a file of an older version opened for viewing, or a store whose
 * incident_points another program left behind. A code the model does not know reads as none (-1): the
 * points are for drawing and filtering, not for checking.
 */
final class IncidentFacts {

    /** A figure no source gives. */
    static final int NO_FIGURE = -1;

    private long[] fids = new long[16];
    private byte[] precisions = new byte[16];
    private int[] figures = new int[64];
    private byte[] subTypes = new byte[16];
    private byte[] locations = new byte[16];
    private int size;

    /** The facts of every incident with a position, in row id order. */
    static IncidentFacts read(Connection c) throws SQLException {
        IncidentFacts facts = new IncidentFacts();
        // A version-1 file opened for viewing has no sub-types.
        try (PreparedStatement ps = c.prepareStatement(PointFacts.fromIncidents(
                hasColumn(c, "sub_type") ? VocabularyTable.numberOf(c, "i.sub_type") : "NULL"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.add(rs);
            }
        }
        return facts;
    }

    private static boolean hasColumn(Connection c, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info('incidents') WHERE name = ?")) {
            ps.setString(1, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void add(ResultSet rs) throws SQLException {
        if (size == fids.length) {
            int n = size * 2;
            fids = Arrays.copyOf(fids, n);
            precisions = Arrays.copyOf(precisions, n);
            figures = Arrays.copyOf(figures, 4 * n);
            subTypes = Arrays.copyOf(subTypes, n);
            locations = Arrays.copyOf(locations, n);
        }
        fids[size] = rs.getLong(1);
        precisions[size] = code(rs, 2);
        subTypes[size] = code(rs, 3);
        locations[size] = code(rs, 4);
        for (int k = 0; k < 4; k++) {
            int v = rs.getInt(5 + k);
            figures[4 * size + k] = rs.wasNull() ? NO_FIGURE : v;
        }
        size++;
    }

    /** The ordinal in column {@code at}, -1 for none (NULL). */
    private static byte code(ResultSet rs, int at) throws SQLException {
        int v = rs.getInt(at);
        return rs.wasNull() ? -1 : (byte) v;
    }

    /** The position of {@code fid} in this list, or -1. */
    int find(long fid) {
        int i = Arrays.binarySearch(fids, 0, size, fid);
        return i >= 0 ? i : -1;
    }

    /** The date precision's ordinal, or -1. */
    byte precision(int at) {
        return precisions[at];
    }

    /** Killed min, killed max, wounded min, wounded max ({@code which} 0..3), or {@link #NO_FIGURE}. */
    int figure(int at, int which) {
        return figures[4 * at + which];
    }

    byte subType(int at) {
        return subTypes[at];
    }

    byte location(int at) {
        return locations[at];
    }
}
