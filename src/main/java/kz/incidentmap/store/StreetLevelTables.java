package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.levels.LevelBuilder;
import kz.incidentmap.levels.LevelContent;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.RoadTags;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The generalised levels of the imported streets, two GeoPackage feature tables per {@link MapLevel}
 * ({@code osm_overview_lines}, {@code osm_overview_areas}, ...), with R-tree indexes like the street
 * tables, so that QGIS shows them too. They are rebuilt whole from the street tables at the end of every
 * import, in its transaction, so they always hold every extract imported. Like the street tables they
 * are optional: a store imported into before they existed has none, and the map then builds the levels
 * itself as it opens (see {@code layers.StreetLayers}).
 */
final class StreetLevelTables {

    private static final GeometryFactory GF = new GeometryFactory();

    private StreetLevelTables() {
    }

    /** Whether the store has the tables of every level. */
    static boolean exist(Connection c) throws SQLException {
        for (MapLevel level : MapLevel.values()) {
            if (!StreetLayerSchema.exists(c, level.linesTable()) || !StreetLayerSchema.exists(c, level.areasTable())) {
                return false;
            }
        }
        return true;
    }

    /** Builds every level from the street tables and writes them over what the level tables held. */
    static void rebuild(Connection c) throws SQLException {
        List<LevelFeature> built = LevelBuilder.build(sources(c));
        for (MapLevel level : MapLevel.values()) {
            ensure(c, level);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + level.linesTable());
                s.execute("DELETE FROM " + level.areasTable());
            }
        }
        for (MapLevel level : MapLevel.values()) {
            try (PreparedStatement lines = insert(c, level.linesTable());
                    PreparedStatement areas = insert(c, level.areasTable())) {
                for (LevelFeature f : built) {
                    if (f.level() == level) {
                        PreparedStatement ps = f.isArea() ? areas : lines;
                        Geometry g = f.geometry() instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p})
                                : f.geometry();
                        ps.setBytes(1, GeoPackageGeometry.encode(g, GeoPackageSchema.WGS84));
                        ps.setString(2, f.kind());
                        ps.setString(3, f.type());
                        ps.setString(4, f.name());
                        ps.setString(5, f.ref());
                        ps.executeUpdate();
                    }
                }
            }
            StreetLayerSchema.updateExtent(c, level.linesTable());
            StreetLayerSchema.updateExtent(c, level.areasTable());
        }
    }

    /**
     * The features of {@code level}, all of them (box null) or those whose bounds meet the box; road
     * numbers only {@code withRefs} (levels built before they kept them have no column, {@link #keepRefs}).
     */
    static List<LevelFeature> read(Connection c, MapLevel level, double[] box, boolean withRefs) throws SQLException {
        List<LevelFeature> out = new ArrayList<>();
        for (String table : List.of(level.areasTable(), level.linesTable())) {
            String sql = "SELECT geom, kind, type, name, " + (withRefs ? "ref" : "NULL") + " FROM " + table + (box == null ? " ORDER BY fid"
                    : " WHERE fid IN (SELECT id FROM " + StreetLayerSchema.rtree(table)
                            + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (box != null) {
                    ps.setDouble(1, box[2]);
                    ps.setDouble(2, box[0]);
                    ps.setDouble(3, box[3]);
                    ps.setDouble(4, box[1]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                        if (!g.isEmpty()) {
                            // Stored as one-part multipolygons, as the column type asks; drawn as polygons.
                            out.add(new LevelFeature(level, g.getNumGeometries() == 1 ? g.getGeometryN(0) : g,
                                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether every level table has its road numbers' column (levels built before it was added have not). */
    static boolean keepRefs(Connection c) throws SQLException {
        for (MapLevel level : MapLevel.values()) {
            for (String table : List.of(level.linesTable(), level.areasTable())) {
                if (StreetLayerSchema.exists(c, table) && !hasColumn(c, table, "ref")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void ensure(Connection c, MapLevel level) throws SQLException {
        String columns = "kind TEXT NOT NULL, type TEXT NOT NULL, name TEXT, ref TEXT";
        for (String table : List.of(level.linesTable(), level.areasTable())) {
            if (StreetLayerSchema.exists(c, table) && !hasColumn(c, table, "ref")) {
                // Levels built before they kept road numbers: the column is added as they are built again.
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + table + " ADD COLUMN ref TEXT");
                }
            }
        }
        if (!StreetLayerSchema.exists(c, level.linesTable())) {
            StreetLayerSchema.createFeatureTable(c, level.linesTable(), "LINESTRING", columns,
                    "OpenStreetMap roads, railways and rivers generalised for 1:" + range(level));
        }
        if (!StreetLayerSchema.exists(c, level.areasTable())) {
            StreetLayerSchema.createFeatureTable(c, level.areasTable(), "MULTIPOLYGON", columns,
                    "OpenStreetMap built-up areas and lakes generalised for 1:" + range(level));
        }
    }

    private static String range(MapLevel level) {
        return String.format(java.util.Locale.ROOT, "%,.0f to 1:%,.0f", level.maxScale() - 1, level.minScale());
    }

    private static PreparedStatement insert(Connection c, String table) throws SQLException {
        return c.prepareStatement("INSERT INTO " + table + " (geom, kind, type, name, ref) VALUES (?, ?, ?, ?, ?)");
    }

    /** The stored street features some level may keep: main roads and railways, water, built-up land use. */
    private static List<StreetFeature> sources(Connection c) throws SQLException {
        List<StreetFeature> out = new ArrayList<>();
        read(c, StreetLayer.ROADS, "(kind = 'highway' AND type IN (" + quoted(LevelContent.ROAD_TYPES)
                + ")) OR (kind = 'railway' AND type IN (" + quoted(LevelContent.RAILWAY_TYPES) + "))", out);
        read(c, StreetLayer.WATER, "1", out);
        read(c, StreetLayer.LANDUSE, "kind = 'landuse' AND type IN (" + quoted(LevelContent.BUILT_UP) + ")", out);
        return out;
    }

    private static void read(Connection c, StreetLayer layer, String where, List<StreetFeature> out)
            throws SQLException {
        if (!StreetLayerSchema.exists(c, layer)) {
            return;
        }
        boolean roads = layer == StreetLayer.ROADS && StreetRows.withRoadTags(c, layer);
        try (PreparedStatement ps = c.prepareStatement("SELECT geom, osm_id, kind, type, name, "
                + (roads ? "ref" : "NULL") + " FROM " + layer.table() + " WHERE geom IS NOT NULL AND (" + where + ")");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                if (!g.isEmpty()) {
                    String ref = rs.getString(6);
                    out.add(new StreetFeature(layer, rs.getString(2), g.getNumGeometries() == 1 ? g.getGeometryN(0) : g,
                            rs.getString(3), rs.getString(4), rs.getString(5), null, null,
                            ref == null ? null : new RoadTags(ref, 0, 0, false, false)));
                }
            }
        }
    }

    /** The values as an SQL list; they are the constants of {@link LevelContent}, never input. */
    private static String quoted(Set<String> values) {
        return values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
