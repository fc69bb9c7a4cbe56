package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import kz.incidentmap.model.StreetLayer;

/**
 * The GeoPackage feature tables of the street layers ({@code osm_roads}, {@code osm_buildings},
 * {@code osm_landuse}, {@code osm_water}, {@code osm_pois}): created on demand by the first import, in
 * the importing transaction, each registered in {@code gpkg_contents} and {@code gpkg_geometry_columns}
 * with an R-tree spatial index kept by the standard triggers, like {@code incidents}. They are optional:
 * a store without them is complete, and the incident schema version does not change.
 */
final class StreetLayerSchema {

    private StreetLayerSchema() {
    }

    static boolean exists(Connection c, StreetLayer layer) throws SQLException {
        return exists(c, layer.table());
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The columns of a road's number, direction and level in {@code osm_roads}, in the order read. */
    static final String ROAD_COLUMNS = "ref, oneway, layer, bridge, tunnel";
    private static final List<String> ROAD_COLUMN_TYPES = List.of("ref TEXT", "oneway INTEGER NOT NULL DEFAULT 0",
            "layer INTEGER NOT NULL DEFAULT 0", "bridge INTEGER NOT NULL DEFAULT 0", "tunnel INTEGER NOT NULL DEFAULT 0");

    /** Whether {@code osm_roads} has the road columns (a table made before them has not). */
    static boolean hasRoadColumns(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = 'tunnel'")) {
            ps.setString(1, StreetLayer.ROADS.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Adds the road columns to an {@code osm_roads} made before them, in the importing transaction; the
     * roads stored before read as two-way roads at ground level without a number until imported again.
     */
    static void addRoadColumns(Connection c) throws SQLException {
        if (!exists(c, StreetLayer.ROADS) || hasRoadColumns(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String column : ROAD_COLUMN_TYPES) {
                s.execute("ALTER TABLE " + StreetLayer.ROADS.table() + " ADD COLUMN " + column);
            }
        }
    }

    /** Creates the table of {@code layer} with its index and registrations, unless it is there already. */
    static void ensure(Connection c, StreetLayer layer) throws SQLException {
        if (exists(c, layer)) {
            return;
        }
        createFeatureTable(c, layer.table(), layer.geometryType(), "osm_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
                + " type TEXT NOT NULL, name TEXT, name_ru TEXT, name_kk TEXT"
                + (layer == StreetLayer.ROADS ? ", " + String.join(", ", ROAD_COLUMN_TYPES) : ""), description(layer));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX " + layer.table() + "_name ON " + layer.table() + "(name)");
        }
    }

    /**
     * Creates a GeoPackage feature table {@code t} ({@code fid}, {@code geom} of {@code geometryType}, then
     * {@code columns}) with its R-tree index kept by the standard triggers, registered in
     * {@code gpkg_contents}, {@code gpkg_geometry_columns} and {@code gpkg_extensions}.
     */
    static void createFeatureTable(Connection c, String t, String geometryType, String columns, String description)
            throws SQLException {
        String rtree = rtree(t);
        try (Statement s = c.createStatement()) {
            // Table names come from enums, never from input.
            s.execute("CREATE TABLE " + t + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom "
                    + geometryType + ", " + columns + ")");
            s.execute("CREATE VIRTUAL TABLE " + rtree + " USING rtree(id, minx, maxx, miny, maxy)");
            String bounds = "ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
            s.execute(insertTrigger(t));
            s.execute("CREATE TRIGGER " + rtree + "_update1 AFTER UPDATE OF geom ON " + t
                    + " WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
                    + " INSERT OR REPLACE INTO " + rtree + " VALUES (NEW.fid, " + bounds + "); END");
            s.execute("CREATE TRIGGER " + rtree + "_update2 AFTER UPDATE OF geom ON " + t
                    + " WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
                    + " DELETE FROM " + rtree + " WHERE id = OLD.fid; END");
            s.execute("CREATE TRIGGER " + rtree + "_update3 AFTER UPDATE ON " + t
                    + " WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
                    + " DELETE FROM " + rtree + " WHERE id = OLD.fid; INSERT OR REPLACE INTO " + rtree
                    + " VALUES (NEW.fid, " + bounds + "); END");
            s.execute("CREATE TRIGGER " + rtree + "_update4 AFTER UPDATE ON " + t
                    + " WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
                    + " DELETE FROM " + rtree + " WHERE id IN (OLD.fid, NEW.fid); END");
            s.execute("CREATE TRIGGER " + rtree + "_delete AFTER DELETE ON " + t
                    + " WHEN OLD.geom NOT NULL BEGIN DELETE FROM " + rtree + " WHERE id = OLD.fid; END");
        }
        insert(c, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                + " VALUES (?, 'features', ?, ?, ?)", t, t, description, GeoPackageSchema.WGS84);
        insert(c, "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)", t, GeoPackageSchema.GEOMETRY_COLUMN,
                geometryType, GeoPackageSchema.WGS84);
        insert(c, "INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)", t, GeoPackageSchema.GEOMETRY_COLUMN,
                "gpkg_rtree_index", "http://www.geopackage.org/spec120/#extension_rtree", "write-only");
    }

    /**
     * The trigger that adds each inserted row's box to the R-tree of {@code t}: a bulk write drops it
     * while rows go in (see {@link StreetTableInserter}) and puts it back with this.
     */
    static String insertTrigger(String t) {
        String rtree = rtree(t);
        return "CREATE TRIGGER " + insertTriggerName(t) + " AFTER INSERT ON " + t
                + " WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO " + rtree
                + " VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END";
    }

    static String insertTriggerName(String t) {
        return rtree(t) + "_insert";
    }

    /**
     * Sets the table's extent in gpkg_contents from its R-tree's root node (bounds rounded outwards to
     * 32-bit floats, so the extent is never too small; NULL when the layer is empty) and marks the change.
     */
    static void updateExtent(Connection c, StreetLayer layer) throws SQLException {
        updateExtent(c, layer.table());
    }

    /** The same for any feature table made by {@link #createFeatureTable}. */
    static void updateExtent(Connection c, String table) throws SQLException {
        float[] box = RtreeBounds.of(c, rtree(table));
        try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, max_x = ?, min_y = ?,"
                + " max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")) {
            for (int k = 0; k < 4; k++) {
                ps.setObject(k + 1, box == null ? null : (double) box[k]);
            }
            ps.setString(5, table);
            ps.executeUpdate();
        }
    }

    static String rtree(StreetLayer layer) {
        return rtree(layer.table());
    }

    static String rtree(String table) {
        return "rtree_" + table + "_" + GeoPackageSchema.GEOMETRY_COLUMN;
    }

    private static String description(StreetLayer layer) {
        return switch (layer) {
            case ROADS -> "OpenStreetMap street and railway centre-lines (highway=*, railway=*)";
            case BUILDINGS -> "OpenStreetMap building outlines";
            case LANDUSE -> "OpenStreetMap land use, parks, squares and market areas";
            case WATER -> "OpenStreetMap water areas and waterways";
            case POIS -> "OpenStreetMap named points of interest";
        };
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
