package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import kz.incidentmap.model.Incident;

/**
 * Inserts many new incidents at once, inside the caller's transaction. Row ids are given explicitly
 * (one above the highest so far), so links and claims go in by batch without asking for each new id.
 * The R-tree's insert trigger is dropped while rows go in (it calls four geometry functions per row)
 * and {@link #finish()} adds the new points to the R-tree from the coordinates at hand — packing the
 * whole R-tree anew with {@link RtreeBulkLoader} when they are many, one by one in Z-order when they are
 * few — then puts the trigger back. Once the new rows outnumber the stored ones the secondary indexes
 * are dropped and built once at the end (a sort, instead of a million random inserts). Because DDL is
 * transactional in SQLite, a rollback restores the trigger, the indexes and the R-tree too, so the
 * caller's all-or-nothing holds.
 */
final class BulkIncidentInserter implements AutoCloseable {

    /** Incidents per flush: a whole number of {@link #ROWS_PER_STATEMENT}. */
    private static final int BATCH = 2_048;
    /** Rows in each execution of an insert (see {@link MultiRowInsert}). */
    private static final int ROWS_PER_STATEMENT = 64;
    /**
     * From this many new points on, and when they are at least a quarter of what the R-tree holds, the
     * R-tree is packed anew with {@link RtreeBulkLoader} instead of taking the points one by one.
     */
    private static final int PACK_AT_LEAST = 1_000;

    private final Connection c;
    private final long firstFid;
    private final MultiRowInsert insertIncident;
    private final MultiRowInsert insertLink;
    private final MultiRowInsert insertClaim;
    private final PreparedStatement insertBounds;
    private final MultiRowInsert insertPoint;
    private long rebuildIndexesAbove;
    private boolean rebuildIndexes;
    private final PointList points = new PointList();
    private long nextFid;
    private final AddedSubTypes subTypes;
    private int pending;

    /**
     * @param rebuildIndexes drop the secondary indexes now and build them at {@link #finish()}: right
     *     for an empty store, wrong for a large one that receives a few rows
     */
    BulkIncidentInserter(Connection c, boolean rebuildIndexes) throws SQLException {
        this(c, rebuildIndexes ? 0 : Long.MAX_VALUE);
    }

    /**
     * @param rebuildIndexesAbove once more than this many rows have been added, drop the secondary
     *     indexes and build them anew at {@link #finish()} (a sort of all rows beats keeping them up to
     *     date row by row once the new rows outnumber the stored ones); 0 drops them at once
     */
    BulkIncidentInserter(Connection c, long rebuildIndexesAbove) throws SQLException {
        this.c = c;
        this.subTypes = new AddedSubTypes(c);
        this.rebuildIndexesAbove = rebuildIndexesAbove;
        long max = 0;
        try (Statement s = c.createStatement()) {
            // AUTOINCREMENT never reuses an id, even of a deleted row: start above the counter too.
            try (ResultSet rs = s.executeQuery("SELECT max(coalesce((SELECT max(fid) FROM incidents), 0),"
                    + " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'incidents'), 0))")) {
                if (rs.next()) {
                    max = rs.getLong(1);
                }
            }
            s.execute("DROP TRIGGER IF EXISTS rtree_incidents_geom_insert");
        }
        if (rebuildIndexesAbove == 0) {
            dropIndexes();
        }
        firstFid = max + 1;
        nextFid = firstFid;
        insertIncident = new MultiRowInsert(c, "incidents", "fid, " + IncidentRows.COLUMNS, ROWS_PER_STATEMENT);
        insertLink = new MultiRowInsert(c, "incident_sources", IncidentRows.LINK_COLUMNS, ROWS_PER_STATEMENT);
        insertClaim = new MultiRowInsert(c, "claims", IncidentRows.CLAIM_COLUMNS, ROWS_PER_STATEMENT);
        insertBounds = c.prepareStatement("INSERT INTO rtree_incidents_geom VALUES (?, ?, ?, ?, ?)");
        insertPoint = new MultiRowInsert(c, "incident_points", "fid, " + IncidentRows.POINT_COLUMNS,
                ROWS_PER_STATEMENT);
    }

    /** Adds one incident (its sources must be in the store already) with these created and updated times. */
    void add(Incident i, String created, String updated) throws SQLException {
        subTypes.keep(i);
        long fid = nextFid++;
        insertIncident.set(1, fid);
        IncidentRows.bindColumns(insertIncident, 2, i, created, updated);
        insertIncident.endRow();
        if (IncidentPoints.hasPosition(i)) {
            points.add(fid, i.lon(), i.lat());
            insertPoint.set(1, fid);
            IncidentRows.bindPoint(insertPoint, 2, i);
            insertPoint.endRow();
        }
        IncidentRows.writeLinks(i, insertLink, insertClaim);
        if (++pending >= BATCH) {
            flush();
        }
        if (!rebuildIndexes && added() > rebuildIndexesAbove) {
            dropIndexes();
        }
    }

    /**
     * Builds the secondary indexes now if they were dropped, and keeps them from here on: for a caller
     * that is about to look rows up or delete them by incident, which without the indexes would scan.
     */
    void keepIndexes() throws SQLException {
        rebuildIndexesAbove = Long.MAX_VALUE;
        if (!rebuildIndexes) {
            return;
        }
        flush();
        createIndexes();
        rebuildIndexes = false;
    }

    private void dropIndexes() throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String name : GeoPackageSchema.SECONDARY_INDEXES.keySet()) {
                s.execute("DROP INDEX IF EXISTS " + name);
            }
        }
        rebuildIndexes = true;
    }

    /** Number of incidents added so far. */
    long added() {
        return nextFid - firstFid;
    }

    private void flush() throws SQLException {
        // Incidents first: the links and claims refer to them.
        insertIncident.execute();
        insertLink.execute();
        insertClaim.execute();
        insertPoint.execute();
        pending = 0;
    }

    /** Writes what is pending, puts the insert trigger back and builds the dropped indexes. */
    void finish() throws SQLException {
        flush();
        RtreeBulkLoader rtree = new RtreeBulkLoader(c, GeoPackageSchema.RTREE);
        if (points.size >= PACK_AT_LEAST && points.size * 4L >= rtree.count()) {
            rtree.addPoints(points.fids, points.lons, points.lats, points.size);
        } else {
            insertBounds();
        }
        try (Statement s = c.createStatement()) {
            s.execute(GeoPackageSchema.RTREE_INSERT_TRIGGER);
        }
        if (rebuildIndexes) {
            createIndexes();
        }
    }

    private void createIndexes() throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : GeoPackageSchema.SECONDARY_INDEXES.values()) {
                s.execute(ddl);
            }
        }
    }

    /** Adds the new points to the R-tree one by one: for a few points in a large R-tree. */
    private void insertBounds() throws SQLException {
        // Near points one after another: the R-tree then touches few nodes per insert (a 400,000-incident
        // store was written in 21 s instead of 26 s).
        int[] order = points.inSpatialOrder();
        for (int n = 0; n < order.length; n++) {
            int k = order[n];
            insertBounds.setLong(1, points.fids[k]);
            insertBounds.setDouble(2, points.lons[k]);
            insertBounds.setDouble(3, points.lons[k]);
            insertBounds.setDouble(4, points.lats[k]);
            insertBounds.setDouble(5, points.lats[k]);
            insertBounds.addBatch();
            if (n % BATCH == BATCH - 1) {
                insertBounds.executeBatch();
            }
        }
        insertBounds.executeBatch();
    }

    /**
     * Closes the statements. Without {@link #finish()} the caller must roll back: the R-tree is then
     * missing the new rows and the trigger is gone until the rollback restores it.
     */
    @Override
    public void close() throws SQLException {
        // Closes every one, the last first, and throws the first failure with the others added to it.
        try (insertIncident; insertLink; insertClaim; insertBounds; insertPoint) {
            // nothing to do but close
        }
    }

    /** Row ids with their points, in growable primitive arrays. */
    private static final class PointList {
        long[] fids = new long[1024];
        double[] lons = new double[1024];
        double[] lats = new double[1024];
        int size;

        void add(long fid, double lon, double lat) {
            if (size == fids.length) {
                int n = size * 2;
                fids = Arrays.copyOf(fids, n);
                lons = Arrays.copyOf(lons, n);
                lats = Arrays.copyOf(lats, n);
            }
            fids[size] = fid;
            lons[size] = lon;
            lats[size] = lat;
            size++;
        }

        /** Positions 0..size-1 ordered along a Z-order curve over the points' extent. */
        int[] inSpatialOrder() {
            double minLon = Double.MAX_VALUE;
            double minLat = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            double maxLat = -Double.MAX_VALUE;
            for (int k = 0; k < size; k++) {
                minLon = Math.min(minLon, lons[k]);
                maxLon = Math.max(maxLon, lons[k]);
                minLat = Math.min(minLat, lats[k]);
                maxLat = Math.max(maxLat, lats[k]);
            }
            double w = Math.max(maxLon - minLon, 1e-9);
            double h = Math.max(maxLat - minLat, 1e-9);
            long[] keyed = new long[size];
            for (int k = 0; k < size; k++) {
                long qx = (long) ((lons[k] - minLon) / w * 0xFFFF);
                long qy = (long) ((lats[k] - minLat) / h * 0xFFFF);
                keyed[k] = (interleave(qx) | interleave(qy) << 1) << 31 | k;
            }
            Arrays.sort(keyed);
            int[] order = new int[size];
            for (int k = 0; k < size; k++) {
                order[k] = (int) (keyed[k] & 0x7FFF_FFFFL);
            }
            return order;
        }

        /** The 16 low bits of v spread to the even bit positions. */
        private static long interleave(long v) {
            v &= 0xFFFF;
            v = (v | v << 8) & 0x00FF00FFL;
            v = (v | v << 4) & 0x0F0F0F0FL;
            v = (v | v << 2) & 0x33333333L;
            v = (v | v << 1) & 0x55555555L;
            return v;
        }
    }
}
