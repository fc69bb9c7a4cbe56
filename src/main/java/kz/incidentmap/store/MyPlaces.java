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
import kz.incidentmap.model.MyPlace;

/**
 * The user's own places, in {@code kim_my_places} (schema version 6): name, position, rings in metres as
 * "200,1000,5000", when added. Part of the user's store only: no export writes them, and a store made by
 * an export has the table empty.
 */
final class MyPlaces {

    static final String TABLE = "kim_my_places";

    static final String DESCRIPTION = "The user's own places (name, longitude, latitude, rings in metres, when added),"
            + " kept by the Kazakhstan Incident Map for distances and never exported";

    static final String CREATE = """
            CREATE TABLE kim_my_places (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              name TEXT NOT NULL UNIQUE COLLATE NOCASE,
              lon REAL NOT NULL,
              lat REAL NOT NULL,
              rings TEXT NOT NULL,
              created DATETIME NOT NULL)""";

    private static final String COLUMNS = "name, lon, lat, rings, created";

    private MyPlaces() {
    }

    /** A store of version 5 opened without upgrading has none. */
    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every place, by name (case-insensitive). */
    static List<MyPlace> all(Connection c) throws SQLException {
        List<MyPlace> places = new ArrayList<>();
        if (!exists(c)) {
            return places;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY name COLLATE NOCASE")) {
            while (rs.next()) {
                places.add(read(rs));
            }
        }
        return places;
    }

    /** The place of that name, compared without regard to case. */
    static Optional<MyPlace> named(Connection c, String name) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Adds {@code p}; the caller has checked that no place has its name. In the caller's transaction. */
    static void add(Connection c, MyPlace p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, p.name());
            ps.setDouble(2, p.lon());
            ps.setDouble(3, p.lat());
            ps.setString(4, MyPlace.ringsText(p.rings()));
            ps.setString(5, IncidentWriter.timestamp(p.created()));
            ps.executeUpdate();
        }
    }

    static boolean rename(Connection c, String name, String newName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET name = ? WHERE name = ?")) {
            ps.setString(1, newName.strip());
            ps.setString(2, name.strip());
            return ps.executeUpdate() > 0;
        }
    }

    static boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name.strip());
            return ps.executeUpdate() > 0;
        }
    }

    private static MyPlace read(ResultSet rs) throws SQLException {
        Instant when;
        try {
            when = Instant.parse(rs.getString(5));
        } catch (RuntimeException e) {
            when = Instant.EPOCH; // written by another program: the place itself is still usable
        }
        try {
            return new MyPlace(rs.getString(1), rs.getDouble(2), rs.getDouble(3), MyPlace.parseRings(rs.getString(4)), when);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Only another program can have written such a row: named, so that it can be put right there.
            throw new SQLException("a row of " + TABLE + " is not a place: " + e.getMessage(), e);
        }
    }
}
