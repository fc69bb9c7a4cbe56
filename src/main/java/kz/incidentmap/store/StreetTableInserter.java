package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Envelope;

/**
 * Adds many features to the table of one street layer inside the caller's transaction, as {@link
 * BulkIncidentInserter} adds incidents: rows go in {@value #ROWS_PER_STATEMENT} to a statement with their
 * row ids given, while the R-tree's insert trigger is dropped (it calls five geometry functions per row:
 * with it, a town of 225,876 features took 16 s to write); {@link #finish()} adds the boxes kept here to
 * the R-tree — packed anew with {@link RtreeBulkLoader} when they are many, one by one when they are few
 * — and puts the trigger back. A rollback restores the trigger (DDL is transactional in SQLite).
 */
final class StreetTableInserter implements AutoCloseable {

    /** Rows in each execution of the insert (see {@link MultiRowInsert}); 13 columns at most. */
    private static final int ROWS_PER_STATEMENT = 64;
    /** Rows kept before they are written: a whole number of statements. */
    private static final int BATCH = 2_048;
    /** From this many new boxes on, and a quarter of what the R-tree holds, it is packed anew. */
    private static final int PACK_AT_LEAST = 1_000;

    private final Connection c;
    private final StreetLayer layer;
    private final MultiRowInsert insert;
    private RtreeBulkLoader.Boxes boxes = new RtreeBulkLoader.Boxes();
    private long nextFid;
    private int pending;

    StreetTableInserter(Connection c, StreetLayer layer) throws SQLException {
        this.c = c;
        this.layer = layer;
        String t = layer.table();
        try (Statement s = c.createStatement()) {
            // AUTOINCREMENT never reuses an id, even of a deleted row: start above its counter too.
            try (ResultSet rs = s.executeQuery("SELECT max(coalesce((SELECT max(fid) FROM " + t + "), 0),"
                    + " coalesce((SELECT seq FROM sqlite_sequence WHERE name = '" + t + "'), 0))")) {
                nextFid = (rs.next() ? rs.getLong(1) : 0) + 1;
            }
            s.execute("DROP TRIGGER IF EXISTS " + StreetLayerSchema.insertTriggerName(t));
        }
        insert = new MultiRowInsert(c, t, "fid, geom, osm_id, kind, type, name, name_ru, name_kk"
                + (layer == StreetLayer.ROADS ? ", " + StreetLayerSchema.ROAD_COLUMNS : ""), ROWS_PER_STATEMENT);
    }

    /** Adds {@code f}, whose geometry is {@code geometry} (GeoPackage-encoded) within {@code box}. */
    void add(StreetFeature f, byte[] geometry, Envelope box) throws SQLException {
        long fid = nextFid++;
        insert.set(1, fid);
        insert.set(2, geometry);
        insert.set(3, f.osmId());
        insert.set(4, f.kind());
        insert.set(5, f.type());
        insert.set(6, f.name());
        insert.set(7, f.nameRu());
        insert.set(8, f.nameKk());
        if (layer == StreetLayer.ROADS) {
            insert.set(9, f.road().ref());
            insert.set(10, f.road().oneway());
            insert.set(11, f.road().layer());
            insert.set(12, f.road().bridge() ? 1 : 0);
            insert.set(13, f.road().tunnel() ? 1 : 0);
        }
        insert.endRow();
        if (!box.isNull()) {
            boxes.add(fid, box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY());
        }
        if (++pending >= BATCH) {
            insert.execute();
            pending = 0;
        }
    }

    /** Writes what is pending, adds the new boxes to the R-tree and puts its insert trigger back. */
    void finish() throws SQLException {
        insert.execute();
        pending = 0;
        String rtree = StreetLayerSchema.rtree(layer);
        RtreeBulkLoader loader = new RtreeBulkLoader(c, rtree);
        if (boxes.size >= PACK_AT_LEAST && boxes.size * 4L >= loader.count()) {
            loader.addBoxes(boxes);
        } else {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + rtree + " VALUES (?, ?, ?, ?, ?)")) {
                for (int k = 0; k < boxes.size; k++) {
                    ps.setLong(1, boxes.ids[k]);
                    for (int d = 0; d < 4; d++) {
                        ps.setDouble(d + 2, boxes.b[4 * k + d]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // Millions of boxes for a country's buildings: let them go before the next table packs its own.
        boxes = new RtreeBulkLoader.Boxes();
        try (Statement s = c.createStatement()) {
            s.execute(StreetLayerSchema.insertTrigger(layer.table()));
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
