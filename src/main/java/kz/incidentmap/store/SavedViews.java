package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.model.SavedView;

/**
 * The saved views of a store, in {@code kim_views}: made at the first save (a store nobody saved a view
 * in has no such table, and older versions of the app never see one), registered in gpkg_contents as a
 * GeoPackage attributes table, so that GIS programs list it and the views travel with the file.
 */
final class SavedViews {

    static final String TABLE = "kim_views";

    static final String DESCRIPTION = "Map views saved by name in the Kazakhstan Incident Map: area, filter, layers";

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS kim_views (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              name TEXT NOT NULL UNIQUE,
              min_lon REAL NOT NULL,
              min_lat REAL NOT NULL,
              max_lon REAL NOT NULL,
              max_lat REAL NOT NULL,
              scale REAL,
              filter TEXT NOT NULL,
              layers TEXT NOT NULL,
              saved DATETIME NOT NULL)""";

    private static final String COLUMNS = "name, min_lon, min_lat, max_lon, max_lat, scale, filter, layers, saved";

    private SavedViews() {
    }

    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every view, by name (case-insensitive). */
    static List<SavedView> all(Connection c) throws SQLException {
        List<SavedView> views = new ArrayList<>();
        if (!exists(c)) {
            return views;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY name COLLATE NOCASE")) {
            while (rs.next()) {
                views.add(read(rs));
            }
        }
        return views;
    }

    /** The view of that name, compared without regard to case. */
    static Optional<SavedView> named(Connection c, String name) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE name = ? COLLATE NOCASE")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Saves {@code v}, replacing a view of the same name (any case). In the caller's transaction. */
    static void save(Connection c, SavedView v) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                + " description) SELECT ?, 'attributes', ?, ? WHERE NOT EXISTS (SELECT 1 FROM gpkg_contents WHERE table_name = ?)")) {
            ps.setString(1, TABLE);
            ps.setString(2, TABLE);
            ps.setString(3, DESCRIPTION);
            ps.setString(4, TABLE);
            ps.executeUpdate();
        }
        delete(c, v.name());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.name());
            ps.setDouble(2, v.minLon());
            ps.setDouble(3, v.minLat());
            ps.setDouble(4, v.maxLon());
            ps.setDouble(5, v.maxLat());
            ps.setObject(6, Double.isNaN(v.scale()) ? null : v.scale());
            ps.setString(7, v.filter());
            ps.setString(8, v.layers());
            ps.setString(9, IncidentWriter.timestamp(v.saved()));
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection c, String name) throws SQLException {
        if (!exists(c)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? COLLATE NOCASE")) {
            ps.setString(1, name.strip());
            return ps.executeUpdate() > 0;
        }
    }

    private static SavedView read(ResultSet rs) throws SQLException {
        String saved = rs.getString(9);
        double scale = rs.getDouble(6);
        if (rs.wasNull()) {
            scale = Double.NaN;
        }
        Instant when;
        try {
            when = Instant.parse(saved);
        } catch (RuntimeException e) {
            when = Instant.EPOCH; // written by another program: the view itself is still usable
        }
        try {
            return new SavedView(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                    scale, rs.getString(7), rs.getString(8), when);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Only another program can have written such a row: named, so that it can be put right there.
            throw new SQLException("a row of " + TABLE + " is not a view: " + e.getMessage(), e);
        }
    }
}
