package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Answers box queries on the imported street layers of a store through their R-tree indexes, for a
 * map whose imported streets are too many to hold in memory. Holds one read-only connection until
 * closed; methods are synchronized, so the rendering and the identify threads may share it.
 */
public final class StreetLayerQuery implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private Boolean roadTags;
    private Boolean levelRefs;

    /** Whether the roads table has the road tags' columns: asked once, the store is read only here. */
    private boolean roadTags() throws SQLException {
        if (roadTags == null) {
            roadTags = StreetRows.withRoadTags(connection, StreetLayer.ROADS);
        }
        return roadTags;
    }

    /** Whether the level tables keep road numbers: asked once, as for {@link #roadTags}. */
    private boolean levelRefs() throws SQLException {
        if (levelRefs == null) {
            levelRefs = StreetLevelTables.keepRefs(connection);
        }
        return levelRefs;
    }

    private StreetLayerQuery(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static StreetLayerQuery open(Path dbFile) throws StoreException {
        try {
            return new StreetLayerQuery(dbFile, StoreConnections.openReadOnly(dbFile));
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot open the street layers", e);
        }
    }

    /** How many street features the store holds, all layers together. */
    public synchronized long count() throws StoreException {
        long n = 0;
        try {
            for (StreetLayer layer : StreetLayer.values()) {
                if (StreetLayerSchema.exists(connection, layer)) {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + layer.table());
                            ResultSet rs = ps.executeQuery()) {
                        n += rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot count the street features", e);
        }
        return n;
    }

    /** Every stored street feature. */
    public List<StreetFeature> all() throws StoreException {
        return StreetLayerReader.readAll(file);
    }

    /** The features of {@code layer} whose bounds meet the longitude/latitude box. */
    public synchronized List<StreetFeature> within(StreetLayer layer, double minLon, double minLat, double maxLon,
            double maxLat) throws StoreException {
        List<StreetFeature> out = new ArrayList<>();
        try {
            if (!StreetLayerSchema.exists(connection, layer)) {
                return out;
            }
            boolean road = layer == StreetLayer.ROADS && roadTags();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + StreetRows.columns(road) + " FROM "
                    + layer.table() + " WHERE fid IN (SELECT id FROM " + StreetLayerSchema.rtree(layer) + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)")) {
                ps.setDouble(1, maxLon);
                ps.setDouble(2, minLon);
                ps.setDouble(3, maxLat);
                ps.setDouble(4, minLat);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                        out.add(StreetRows.feature(rs, layer, g, road));
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the street layers", e);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(file, "damaged geometry in the street layers", e);
        }
        return out;
    }

    /** Whether the store holds the generalised levels (stores imported into before them do not). */
    public synchronized boolean hasLevels() throws StoreException {
        try {
            return StreetLevelTables.exist(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the map levels", e);
        }
    }

    /**
     * The features of a generalised level whose bounds meet the longitude/latitude box, or all of them
     * when {@code box} is null; none when the store has no levels.
     */
    public synchronized List<LevelFeature> level(MapLevel level, Envelope box) throws StoreException {
        try {
            if (!StreetLevelTables.exist(connection)) {
                return List.of();
            }
            return StreetLevelTables.read(connection, level, box == null ? null
                    : new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()}, levelRefs());
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the map levels", e);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(file, "damaged geometry in the map levels", e);
        }
    }

    /** The administrative boundaries imported, oblasts first; none when no import brought any. */
    public synchronized List<AdminArea> boundaries() throws StoreException {
        try {
            return AdminTables.boundaries(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the imported boundaries (" + AdminTables.ADMIN + ")", e);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw StoreException.of(file, "damaged row in the imported boundaries (" + AdminTables.ADMIN + ")", e);
        }
    }

    /** The settlements imported; none when no import brought any. */
    public synchronized List<OsmPlace> places() throws StoreException {
        try {
            return AdminTables.places(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the imported places (" + AdminTables.PLACES + ")", e);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw StoreException.of(file, "damaged row in the imported places (" + AdminTables.PLACES + ")", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
