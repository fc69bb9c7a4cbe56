package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the imported street layers of a store, for the map. A store without street tables has none:
 * that is not an error. Opens its own read-only connection and closes it.
 */
public final class StreetLayerReader {

    private StreetLayerReader() {
    }

    /** Every stored street feature, layer by layer. */
    public static List<StreetFeature> readAll(Path dbFile) throws StoreException {
        List<StreetFeature> out = new ArrayList<>();
        try (Connection c = StoreConnections.openReadOnly(dbFile)) {
            for (StreetLayer layer : StreetLayer.values()) {
                if (StreetLayerSchema.exists(c, layer)) {
                    read(c, layer, out);
                }
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot read the street layers", e);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(dbFile, "damaged geometry in the street layers", e);
        }
        return out;
    }

    private static void read(Connection c, StreetLayer layer, List<StreetFeature> out) throws SQLException {
        boolean roadTags = StreetRows.withRoadTags(c, layer);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StreetRows.columns(roadTags) + " FROM "
                + layer.table() + " WHERE geom IS NOT NULL ORDER BY fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                if (!g.isEmpty()) {
                    out.add(StreetRows.feature(rs, layer, g, roadTags));
                }
            }
        }
    }
}
