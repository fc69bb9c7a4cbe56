package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The administrative boundaries ({@code osm_admin}) and settlements ({@code osm_places}) imported from
 * OpenStreetMap: GeoPackage feature tables with R-tree indexes like the street tables, created by the
 * first import that brings any, in its transaction, and optional like them. Each row carries the date of
 * the extract it came from, which the map's layer titles show. A boundary or place whose OpenStreetMap
 * id is stored already is replaced, so a newer extract updates an older one.
 */
final class AdminTables {

    static final String ADMIN = "osm_admin";
    static final String PLACES = "osm_places";

    private static final String ADMIN_COLUMNS = "osm_id, admin_level, name, name_ru, name_kk, extract_date";
    private static final String PLACE_COLUMNS = "osm_id, type, name, name_ru, name_kk, old_name, population, extract_date";

    private final Connection connection;
    private PreparedStatement adminDelete;
    private PreparedStatement adminInsert;
    private PreparedStatement placeDelete;
    private PreparedStatement placeInsert;
    private final GeometryFactory gf = new GeometryFactory();

    /** A writer of both tables on {@code connection}, inside its open transaction. */
    AdminTables(Connection connection) {
        this.connection = connection;
    }

    void add(AdminArea a) throws SQLException {
        if (adminInsert == null) {
            ensure(connection, ADMIN);
            adminDelete = connection.prepareStatement("DELETE FROM " + ADMIN + " WHERE osm_id = ?");
            adminInsert = connection.prepareStatement("INSERT INTO " + ADMIN + " (geom, " + ADMIN_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        }
        adminDelete.setString(1, a.osmId());
        adminDelete.executeUpdate();
        Geometry g = a.geometry() instanceof Polygon p ? gf.createMultiPolygon(new Polygon[] {p}) : a.geometry();
        adminInsert.setBytes(1, GeoPackageGeometry.encode(g, GeoPackageSchema.WGS84));
        adminInsert.setString(2, a.osmId());
        adminInsert.setInt(3, a.adminLevel());
        adminInsert.setString(4, a.name());
        adminInsert.setString(5, a.nameRu());
        adminInsert.setString(6, a.nameKk());
        adminInsert.setString(7, a.extractDate().toString());
        adminInsert.executeUpdate();
    }

    void add(OsmPlace p) throws SQLException {
        if (placeInsert == null) {
            ensure(connection, PLACES);
            placeDelete = connection.prepareStatement("DELETE FROM " + PLACES + " WHERE osm_id = ?");
            placeInsert = connection.prepareStatement("INSERT INTO " + PLACES + " (geom, " + PLACE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        placeDelete.setString(1, p.osmId());
        placeDelete.executeUpdate();
        placeInsert.setBytes(1, GeoPackageGeometry.encode(p.point(), GeoPackageSchema.WGS84));
        placeInsert.setString(2, p.osmId());
        placeInsert.setString(3, p.type());
        placeInsert.setString(4, p.name());
        placeInsert.setString(5, p.nameRu());
        placeInsert.setString(6, p.nameKk());
        placeInsert.setString(7, p.oldName());
        if (p.population() > 0) {
            placeInsert.setLong(8, p.population());
        } else {
            placeInsert.setNull(8, Types.INTEGER);
        }
        placeInsert.setString(9, p.extractDate().toString());
        placeInsert.executeUpdate();
    }

    /** Sets the extents of the tables written to, before the commit. */
    void finish() throws SQLException {
        if (adminInsert != null) {
            StreetLayerSchema.updateExtent(connection, ADMIN);
        }
        if (placeInsert != null) {
            StreetLayerSchema.updateExtent(connection, PLACES);
        }
    }

    /** Closes the statements; the connection stays open. */
    void close() {
        for (PreparedStatement ps : new PreparedStatement[] {adminDelete, adminInsert, placeDelete, placeInsert}) {
            if (ps != null) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // the connection closes next: nothing to keep
                }
            }
        }
    }

    static void ensure(Connection c, String table) throws SQLException {
        if (StreetLayerSchema.exists(c, table)) {
            return;
        }
        if (ADMIN.equals(table)) {
            StreetLayerSchema.createFeatureTable(c, ADMIN, "MULTIPOLYGON", "osm_id TEXT NOT NULL UNIQUE,"
                    + " admin_level INTEGER NOT NULL, name TEXT, name_ru TEXT, name_kk TEXT, extract_date TEXT NOT NULL",
                    "OpenStreetMap administrative boundaries: oblasts and cities of republican significance"
                            + " (admin_level 4), districts (admin_level 6)");
        } else {
            StreetLayerSchema.createFeatureTable(c, PLACES, "POINT", "osm_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
                    + " name TEXT NOT NULL, name_ru TEXT, name_kk TEXT, old_name TEXT, population INTEGER,"
                    + " extract_date TEXT NOT NULL", "OpenStreetMap cities, towns and villages (place=*)");
        }
    }

    /** Every stored boundary, level by level; none when the store has no table of them. */
    static List<AdminArea> boundaries(Connection c) throws SQLException {
        List<AdminArea> out = new ArrayList<>();
        if (!StreetLayerSchema.exists(c, ADMIN)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT geom, " + ADMIN_COLUMNS + " FROM " + ADMIN
                + " WHERE geom IS NOT NULL ORDER BY admin_level, fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                if (!g.isEmpty()) {
                    out.add(new AdminArea(rs.getString(2), rs.getInt(3), g.getNumGeometries() == 1 ? g.getGeometryN(0)
                            : g, rs.getString(4), rs.getString(5), rs.getString(6), LocalDate.parse(rs.getString(7))));
                }
            }
        }
        return out;
    }

    /** Every stored settlement; none when the store has no table of them. */
    static List<OsmPlace> places(Connection c) throws SQLException {
        List<OsmPlace> out = new ArrayList<>();
        if (!StreetLayerSchema.exists(c, PLACES)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT geom, " + PLACE_COLUMNS + " FROM " + PLACES
                + " WHERE geom IS NOT NULL ORDER BY fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (GeoPackageGeometry.decode(rs.getBytes(1)) instanceof Point p && !p.isEmpty()) {
                    out.add(new OsmPlace(rs.getString(2), rs.getString(3), p, rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), LocalDate.parse(rs.getString(9))));
                }
            }
        }
        return out;
    }
}
