package kz.incidentmap.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The box around everything a two-dimensional SQLite R-tree holds, read from its root node: the root's
 * cells cover every entry, so a handful of cells answer what {@code SELECT min(minx)} would scan a
 * million entries for (about 100 ms each, four times on every edit of a million-incident store). The
 * bounds are SQLite's 32-bit floats, rounded outwards.
 */
final class RtreeBounds {

    private RtreeBounds() {
    }

    /**
     * {minx, maxx, miny, maxy} of the R-tree {@code table} (a fixed name of our schema), or null when it
     * holds nothing.
     */
    static float[] of(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM " + table + "_node WHERE nodeno = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException(table + ": R-tree root node missing");
            }
            // Big-endian: 2 bytes of tree depth, 2 of cell count, then cells of a 64-bit id and four floats.
            ByteBuffer node = ByteBuffer.wrap(rs.getBytes(1));
            int cells = node.getShort(2) & 0xFFFF;
            if (cells == 0) {
                return null;
            }
            if (node.capacity() < RtreeBulkLoader.HEADER_BYTES + cells * RtreeBulkLoader.CELL_BYTES) {
                throw new SQLException(table + ": R-tree root node shorter than its " + cells + " cells");
            }
            float[] box = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int k = 0; k < cells; k++) {
                int at = RtreeBulkLoader.HEADER_BYTES + k * RtreeBulkLoader.CELL_BYTES + 8;
                box[0] = Math.min(box[0], node.getFloat(at));
                box[1] = Math.max(box[1], node.getFloat(at + 4));
                box[2] = Math.min(box[2], node.getFloat(at + 8));
                box[3] = Math.max(box[3], node.getFloat(at + 12));
            }
            return box;
        }
    }
}
