package kz.incidentmap.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Builds an SQLite R-tree over many boxes at once by writing its three shadow tables ({@code _node},
 * {@code _rowid}, {@code _parent}) directly, packed by Sort-Tile-Recursive, instead of inserting row by
 * row: SQLite's R-tree insert costs 13–19 µs of CPU per entry on the development machine whatever the
 * order (a million points: 15 s), the packed build well under one. The boxes already in the R-tree are
 * read and packed together with the new ones, so the result holds both.
 *
 * <p>The layout written is the one documented at the top of SQLite's {@code ext/rtree/rtree.c}: node 1 is
 * the root; a node is a blob of the R-tree's node size holding a 2-byte big-endian tree depth (read in
 * the root only), a 2-byte cell count, then the cells, each an 8-byte big-endian row id (in a leaf) or
 * child node number, followed by minx, maxx, miny, maxy as big-endian 32-bit floats. {@code _rowid}
 * maps each entry to its leaf, {@code _parent} each node but the root to its parent. Coordinates are
 * rounded outwards to 32-bit floats the way SQLite rounds them. SQLite's {@code rtreecheck()} accepts
 * the result (see the tests).
 */
final class RtreeBulkLoader {

    /** SQLite's factors for nudging a rounded float outwards, 1 ∓ 2^-23 (RNDTOWARDS, RNDAWAY in rtree.c). */
    private static final double TOWARDS_ZERO = 1.0 - 1.0 / 8388608.0;
    private static final double AWAY_FROM_ZERO = 1.0 + 1.0 / 8388608.0;
    static final int HEADER_BYTES = 4;
    static final int CELL_BYTES = 8 + 4 * 4;

    private final Connection c;
    private final String table;

    /** {@code table} is the R-tree's name, a fixed name of our schema (never user text). */
    RtreeBulkLoader(Connection c, String table) {
        this.c = c;
        this.table = table;
    }

    /** Number of entries the R-tree holds now. */
    long count() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + "_rowid")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Replaces the R-tree's content with its current entries plus the points {@code ids[k]} at
     * ({@code lons[k]}, {@code lats[k]}) for k below {@code size}. Works inside the caller's transaction.
     */
    void addPoints(long[] ids, double[] lons, double[] lats, int size) throws SQLException {
        Boxes boxes = new Boxes();
        for (int k = 0; k < size; k++) {
            boxes.add(ids[k], lons[k], lons[k], lats[k], lats[k]);
        }
        addBoxes(boxes);
    }

    /**
     * Replaces the R-tree's content with its current entries plus {@code added}. Works inside the
     * caller's transaction.
     */
    void addBoxes(Boxes added) throws SQLException {
        // An empty R-tree (a first import) packs the new boxes as they are: no copy of millions of them.
        Boxes boxes = count() == 0 ? added : existing();
        for (int k = 0; boxes != added && k < added.size; k++) {
            boxes.add(added.ids[k], added.b[4 * k], added.b[4 * k + 1], added.b[4 * k + 2], added.b[4 * k + 3]);
        }
        int nodeBytes = nodeBytes();
        int capacity = (nodeBytes - HEADER_BYTES) / CELL_BYTES;
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + table + "_node");
            s.execute("DELETE FROM " + table + "_rowid");
            s.execute("DELETE FROM " + table + "_parent");
        }
        new Packer(boxes, capacity, nodeBytes).write();
    }

    private Boxes existing() throws SQLException {
        Boxes boxes = new Boxes();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, minx, maxx, miny, maxy FROM " + table)) {
            while (rs.next()) {
                // Stored as floats already: converting back is exact.
                boxes.add(rs.getLong(1), (float) rs.getDouble(2), (float) rs.getDouble(3), (float) rs.getDouble(4),
                        (float) rs.getDouble(5));
            }
        }
        return boxes;
    }

    /** The node blob size this R-tree was created with (SQLite keeps it: it is the root node's length). */
    private int nodeBytes() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT length(data) FROM " + table + "_node WHERE nodeno = 1")) {
            if (!rs.next() || rs.getInt(1) < HEADER_BYTES + 2 * CELL_BYTES) {
                throw new SQLException(table + ": R-tree root node missing or too small");
            }
            return rs.getInt(1);
        }
    }

    /** The largest float not above {@code d}, as SQLite stores a box's lower bound. */
    static float down(double d) {
        float f = (float) d;
        if (f > d) {
            f = (float) (d * (d < 0 ? AWAY_FROM_ZERO : TOWARDS_ZERO));
        }
        return f;
    }

    /** The smallest float not below {@code d}, as SQLite stores a box's upper bound. */
    static float up(double d) {
        float f = (float) d;
        if (f < d) {
            f = (float) (d * (d < 0 ? TOWARDS_ZERO : AWAY_FROM_ZERO));
        }
        return f;
    }

    /** Boxes (id, minx, maxx, miny, maxy) in growable primitive arrays. */
    static final class Boxes {
        long[] ids = new long[1024];
        float[] b = new float[4 * 1024];
        int size;

        /** Adds a box given in doubles, rounded outwards to floats as SQLite stores it. */
        void add(long id, double x0, double x1, double y0, double y1) {
            add(id, down(x0), up(x1), down(y0), up(y1));
        }

        void add(long id, float x0, float x1, float y0, float y1) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                b = Arrays.copyOf(b, size * 8);
            }
            ids[size] = id;
            b[4 * size] = x0;
            b[4 * size + 1] = x1;
            b[4 * size + 2] = y0;
            b[4 * size + 3] = y1;
            size++;
        }
    }

    /** Packs one level after another, leaves first, and writes the nodes as it goes. */
    private final class Packer {
        private final Boxes leaves;
        private final int capacity;
        private final int nodeBytes;
        private long nextNode = 2;

        Packer(Boxes leaves, int capacity, int nodeBytes) {
            this.leaves = leaves;
            this.capacity = capacity;
            this.nodeBytes = nodeBytes;
        }

        void write() throws SQLException {
            try (PreparedStatement node = c.prepareStatement("INSERT INTO " + table + "_node (nodeno, data) VALUES (?, ?)");
                    PreparedStatement rowid = c.prepareStatement("INSERT INTO " + table + "_rowid (rowid, nodeno) VALUES (?, ?)");
                    PreparedStatement parent = c.prepareStatement(
                            "INSERT INTO " + table + "_parent (nodeno, parentnode) VALUES (?, ?)")) {
                Boxes level = leaves;
                int depth = 0;
                long[] leafOf = new long[leaves.size];
                while (level.size > capacity) {
                    int[][] groups = strGroups(level);
                    Boxes up = new Boxes();
                    for (int g = 0; g < groups.length; g++) {
                        long number = nextNode++;
                        node.setLong(1, number);
                        node.setBytes(2, blob(level, groups[g], 0));
                        node.addBatch();
                        float[] box = bounds(level, groups[g]);
                        up.add(number, box[0], box[1], box[2], box[3]);
                        for (int k : groups[g]) {
                            if (depth == 0) {
                                leafOf[k] = number;
                            } else {
                                parent.setLong(1, level.ids[k]);
                                parent.setLong(2, number);
                                parent.addBatch();
                            }
                        }
                    }
                    node.executeBatch();
                    parent.executeBatch();
                    level = up;
                    depth++;
                }
                int[] all = new int[level.size];
                Arrays.setAll(all, k -> k);
                node.setLong(1, 1);
                node.setBytes(2, blob(level, all, depth));
                node.executeUpdate();
                for (int k = 0; k < level.size && depth > 0; k++) {
                    parent.setLong(1, level.ids[k]);
                    parent.setLong(2, 1);
                    parent.addBatch();
                }
                parent.executeBatch();
                if (depth == 0) {
                    Arrays.fill(leafOf, 1);
                }
                writeRowids(rowid, leafOf);
            }
        }

        /** The entry → leaf map, in row id order so that the inserts only append. */
        private void writeRowids(PreparedStatement rowid, long[] leafOf) throws SQLException {
            Integer[] order = null;
            long[] keyed = new long[leaves.size];
            boolean packable = true;
            for (int k = 0; k < leaves.size && packable; k++) {
                packable = leaves.ids[k] >= 0 && leaves.ids[k] < (1L << 40);
                keyed[k] = leaves.ids[k] << 23 | k;
            }
            if (packable && leaves.size < (1 << 23)) {
                Arrays.sort(keyed);
            } else {
                order = new Integer[leaves.size];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Long.compare(leaves.ids[a], leaves.ids[b]));
            }
            for (int n = 0; n < leaves.size; n++) {
                int k = order == null ? (int) (keyed[n] & ((1 << 23) - 1)) : order[n];
                rowid.setLong(1, leaves.ids[k]);
                rowid.setLong(2, leafOf[k]);
                rowid.addBatch();
                if (n % 4096 == 4095) {
                    rowid.executeBatch();
                }
            }
            rowid.executeBatch();
        }

        private byte[] blob(Boxes level, int[] members, int depth) {
            ByteBuffer buf = ByteBuffer.allocate(nodeBytes); // big-endian, zero-filled
            buf.putShort((short) depth);
            buf.putShort((short) members.length);
            for (int k : members) {
                buf.putLong(level.ids[k]);
                for (int d = 0; d < 4; d++) {
                    buf.putFloat(level.b[4 * k + d]);
                }
            }
            return buf.array();
        }

        private float[] bounds(Boxes level, int[] members) {
            float[] box = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int k : members) {
                box[0] = Math.min(box[0], level.b[4 * k]);
                box[1] = Math.max(box[1], level.b[4 * k + 1]);
                box[2] = Math.min(box[2], level.b[4 * k + 2]);
                box[3] = Math.max(box[3], level.b[4 * k + 3]);
            }
            return box;
        }

        /**
         * Sort-Tile-Recursive: sorted by x centre into vertical slices of about √(nodes) nodes each, each
         * slice sorted by y centre and cut into full nodes.
         */
        private int[][] strGroups(Boxes level) {
            int n = level.size;
            int nodes = (n + capacity - 1) / capacity;
            int slices = (int) Math.ceil(Math.sqrt(nodes));
            int perSlice = slices * capacity;
            int[] byX = sortedBy(level, 0, identity(n), 0, n);
            int[][] groups = new int[nodes + slices][];
            int g = 0;
            for (int from = 0; from < n; from += perSlice) {
                int to = Math.min(n, from + perSlice);
                int[] slice = sortedBy(level, 2, byX, from, to);
                for (int s = 0; s < slice.length; s += capacity) {
                    groups[g++] = Arrays.copyOfRange(slice, s, Math.min(slice.length, s + capacity));
                }
            }
            return Arrays.copyOf(groups, g);
        }

        private int[] identity(int n) {
            int[] k = new int[n];
            Arrays.setAll(k, i -> i);
            return k;
        }

        /** members[from..to) sorted by the centre along axis 0 (x) or 2 (y), through keyed primitive sort. */
        private int[] sortedBy(Boxes level, int axis, int[] members, int from, int to) {
            long[] keyed = new long[to - from];
            for (int i = from; i < to; i++) {
                int k = members[i];
                float centre = (level.b[4 * k + axis] + level.b[4 * k + axis + 1]) / 2;
                // The float's bits, flipped so that they sort as signed longs in numeric order.
                int bits = Float.floatToIntBits(centre);
                long key = bits < 0 ? ~bits & 0x7FFFFFFFL : bits | 0x80000000L;
                keyed[i - from] = key << 31 | k;
            }
            Arrays.sort(keyed);
            int[] out = new int[keyed.length];
            for (int i = 0; i < keyed.length; i++) {
                out[i] = (int) (keyed[i] & 0x7FFFFFFFL);
            }
            return out;
        }
    }
}
