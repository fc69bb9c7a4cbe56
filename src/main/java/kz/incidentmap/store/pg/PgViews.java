package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.SavedView;

/** The server's {@code kim_views}: the saved views, as the GeoPackage's table of that name keeps them. */
final class PgViews {

    private static final String COLUMNS = "name, min_lon, min_lat, max_lon, max_lat, scale, filter, layers, saved";

    private PgViews() {
    }

    static void insert(Connection c, List<SavedView> views) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_views (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SavedView v : views) {
                ps.setString(1, v.name());
                ps.setDouble(2, v.minLon());
                ps.setDouble(3, v.minLat());
                ps.setDouble(4, v.maxLon());
                ps.setDouble(5, v.maxLat());
                ps.setObject(6, Double.isNaN(v.scale()) ? null : v.scale(), java.sql.Types.DOUBLE);
                ps.setString(7, v.filter());
                ps.setString(8, v.layers());
                ps.setObject(9, v.saved().atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every view, by name without regard to case. */
    static List<SavedView> all(Connection c) throws SQLException {
        List<SavedView> views = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kim_views ORDER BY lower(name), name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double scale = rs.getDouble(6);
                if (rs.wasNull()) {
                    scale = Double.NaN;
                }
                try {
                    views.add(new SavedView(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), scale, rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new SQLException("a row of kim_views is not a view: " + e.getMessage(), e);
                }
            }
        }
        return views;
    }
}
