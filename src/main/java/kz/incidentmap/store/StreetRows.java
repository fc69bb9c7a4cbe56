package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import kz.incidentmap.model.RoadTags;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of a street table as a feature, for the reader and the box queries alike: the columns to
 * select, and the feature made of them, with a road's number, direction and level where the table has
 * them.
 */
final class StreetRows {

    private StreetRows() {
    }

    /** Whether rows of {@code layer} carry road tags in this store. */
    static boolean withRoadTags(Connection c, StreetLayer layer) throws SQLException {
        return layer == StreetLayer.ROADS && StreetLayerSchema.hasRoadColumns(c);
    }

    /** The columns to select, geometry first. */
    static String columns(boolean roadTags) {
        return "geom, osm_id, kind, type, name, name_ru, name_kk" + (roadTags ? ", " + StreetLayerSchema.ROAD_COLUMNS : "");
    }

    /** The feature of the current row, selected with {@link #columns}. */
    static StreetFeature feature(ResultSet rs, StreetLayer layer, Geometry g, boolean roadTags) throws SQLException {
        RoadTags road = roadTags ? new RoadTags(rs.getString(8), Integer.signum(rs.getInt(9)), rs.getInt(10), rs.getInt(11) != 0,
                rs.getInt(12) != 0) : RoadTags.NONE;
        return new StreetFeature(layer, rs.getString(2), g, rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), road);
    }
}
