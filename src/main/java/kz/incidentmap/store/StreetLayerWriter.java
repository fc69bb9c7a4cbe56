package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.OsmSink;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes street-level features into the street tables of an incident store, all in one transaction:
 * nothing is visible to other connections, and nothing stays, unless {@link #commit()} is reached.
 * Closing without committing rolls everything back (a bad file, a cancel, a full disk). A feature
 * whose OpenStreetMap id is already stored replaces the stored one, so importing an overlapping extract
 * again updates instead of duplicating. Rows are written in batches and their R-tree built at the commit
 * ({@link StreetTableInserter}). One thread at a time: an import writes the features from a thread of its
 * own, then the boundaries and places and the commit from the importing thread once that one has ended.
 */
public final class StreetLayerWriter implements OsmSink, AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final Map<StreetLayer, StreetTableInserter> inserters = new EnumMap<>(StreetLayer.class);
    private final Map<StreetLayer, PreparedStatement> deletes = new EnumMap<>(StreetLayer.class);
    private final GeometryFactory gf = new GeometryFactory();
    /** Tables this transaction created: nothing to replace in them, so no delete before each insert. */
    private final Set<StreetLayer> createdNow = EnumSet.noneOf(StreetLayer.class);
    private final long neededBytes;
    private final Runnable ended;
    private boolean committed;
    private boolean closed;
    /** The boundaries' and places' tables, opened by the first of them an import brings. */
    private AdminTables admin;

    private StreetLayerWriter(Path file, Connection connection, long neededBytes, Runnable ended) {
        this.file = file;
        this.connection = connection;
        this.neededBytes = neededBytes;
        this.ended = ended;
    }

    /**
     * Opens a connection of its own to the store in {@code dbFile} and starts the transaction; the street
     * tables are created inside it when missing. Called by {@link IncidentStore#streetWriter}, which holds
     * the store open for editing and has checked the file; {@code ended} runs when the write ends,
     * committed or not. {@code neededBytes} estimates the room the write needs, for the message when
     * the disk runs out.
     */
    static StreetLayerWriter open(Path dbFile, long neededBytes, Runnable ended) throws StoreException {
        Connection c = null;
        try {
            c = StoreConnections.openReadWrite(dbFile);
            c.setAutoCommit(false);
            StreetLayerWriter w = new StreetLayerWriter(dbFile, c, neededBytes, ended);
            for (StreetLayer layer : StreetLayer.values()) {
                if (!StreetLayerSchema.exists(c, layer)) {
                    StreetLayerSchema.ensure(c, layer);
                    w.createdNow.add(layer);
                }
            }
            StreetLayerSchema.addRoadColumns(c);
            return w;
        } catch (SQLException e) {
            if (c != null) {
                Transaction.rollback(c, e);
            }
            closeQuietly(c);
            ended.run();
            throw DiskSpace.failure(dbFile, "prepare the street tables", e, neededBytes);
        }
    }

    /**
     * Adds one feature. A database failure is thrown as {@link StreetWriteException}, whose cause is a
     * {@link StoreException} naming the file.
     */
    @Override
    public void accept(StreetFeature f) {
        try {
            // Delete then insert rather than an upsert: the delete trigger takes the stored row out of the
            // R-tree, and the new row's box goes in at the commit (see StreetTableInserter).
            if (!createdNow.contains(f.layer())) {
                PreparedStatement delete = statement(deletes, f.layer(), "DELETE FROM " + f.layer().table()
                        + " WHERE osm_id = ?");
                delete.setString(1, f.osmId());
                delete.executeUpdate();
            }
            Geometry g = fit(f.layer(), f.geometry());
            inserter(f.layer()).add(f, GeoPackageGeometry.encode(g, GeoPackageSchema.WGS84), g.getEnvelopeInternal());
        } catch (SQLException e) {
            throw new StreetWriteException(DiskSpace.isFull(e) ? DiskSpace.full(file, neededBytes,
                    "store the street layers", e) : StoreConnections.failure(file, "cannot store " + f.osmId(), e));
        }
    }

    /** Adds one administrative boundary; a database failure is thrown as with {@link #accept}. */
    @Override
    public void boundary(AdminArea area) {
        try {
            admin().add(area);
        } catch (SQLException e) {
            throw new StreetWriteException(DiskSpace.isFull(e) ? DiskSpace.full(file, neededBytes,
                    "store the boundaries", e) : StoreConnections.failure(file, "cannot store " + area.osmId(), e));
        }
    }

    /** Adds one settlement; a database failure is thrown as with {@link #accept}. */
    @Override
    public void place(OsmPlace place) {
        try {
            admin().add(place);
        } catch (SQLException e) {
            throw new StreetWriteException(DiskSpace.isFull(e) ? DiskSpace.full(file, neededBytes,
                    "store the places", e) : StoreConnections.failure(file, "cannot store " + place.osmId(), e));
        }
    }

    private AdminTables admin() {
        if (admin == null) {
            admin = new AdminTables(connection);
        }
        return admin;
    }

    /**
     * Makes the import permanent: builds the generalised levels again from everything the street tables
     * now hold (see {@link StreetLevelTables}), updates the layers' extents and commits.
     */
    public void commit() throws StoreException {
        try {
            for (StreetTableInserter inserter : inserters.values()) {
                inserter.finish();
            }
            for (StreetLayer layer : StreetLayer.values()) {
                StreetLayerSchema.updateExtent(connection, layer);
            }
            try {
                StreetLevelTables.rebuild(connection);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // JTS reports a geometry it cannot process so (a TopologyException is one).
                Transaction.rollback(connection, e);
                throw StoreException.of(file, "cannot build the generalised map levels from the streets", e);
            }
            if (admin != null) {
                admin.finish();
            }
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            Transaction.rollback(connection, e);
            throw DiskSpace.failure(file, "commit the street layers", e, neededBytes);
        }
    }

    /** Rolls back unless committed, and closes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close();
        }
        List<AutoCloseable> all = new ArrayList<>(inserters.values());
        all.addAll(deletes.values());
        for (AutoCloseable statements : all) {
            try {
                statements.close();
            } catch (Exception e) {
                // closing statements of a connection about to close: nothing to keep
            }
        }
        if (!committed) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // the connection closes next; SQLite discards an open transaction then
            }
        }
        closeQuietly(connection);
        ended.run();
    }

    private StreetTableInserter inserter(StreetLayer layer) throws SQLException {
        StreetTableInserter inserter = inserters.get(layer);
        if (inserter == null) {
            inserter = new StreetTableInserter(connection, layer);
            inserters.put(layer, inserter);
        }
        return inserter;
    }

    private PreparedStatement statement(Map<StreetLayer, PreparedStatement> cache, StreetLayer layer, String sql)
            throws SQLException {
        PreparedStatement ps = cache.get(layer);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cache.put(layer, ps);
        }
        return ps;
    }

    /** Polygons go into MULTIPOLYGON columns as one-part multipolygons, as the column type requires. */
    private Geometry fit(StreetLayer layer, Geometry g) {
        if ("MULTIPOLYGON".equals(layer.geometryType()) && g instanceof Polygon p) {
            return gf.createMultiPolygon(new Polygon[] {p});
        }
        return g;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // nothing was committed through it that could be lost
        }
    }

    /** A store failure while features stream in; {@link #getCause()} says which file and why. */
    public static final class StreetWriteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreetWriteException(StoreException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized StoreException getCause() {
            return (StoreException) super.getCause();
        }
    }
}
