package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Turns the points of a GeoPackage into WGS 84 longitude and latitude, whatever spatial reference
 * system each geometry names: srs_id 4326 (and 0, the GeoPackage's "undefined geographic") as they
 * are, any other through GeoTools, looked up in the file's {@code gpkg_spatial_ref_sys} by its
 * authority and code (longitude first), else from its WKT definition. Our stores only hold 4326; a
 * GeoPackage another program wrote may not. One transform per srs_id, made on first use, so GeoTools'
 * EPSG database is opened only for a file that needs it. A system the file does not define, or that
 * GeoTools does not know, is a {@link StoreException} naming it. Used by one reader on one thread.
 */
final class LonLatTransforms {

    /** GeoPackage's "undefined geographic SRS": longitude and latitude of an unnamed datum. */
    private static final int UNDEFINED_GEOGRAPHIC = 0;

    private final Path file;
    private final Connection c;
    /** Per srs_id: the transform to WGS 84, or the reason there is none. */
    private final Map<Integer, Object> transforms = new HashMap<>();

    LonLatTransforms(Path file, Connection c) {
        this.file = file;
        this.c = c;
    }

    /** {@code p}, whose SRID is its blob's srs_id, in WGS 84 longitude and latitude. */
    Point toLonLat(Point p, String where) throws StoreException {
        int srsId = p.getSRID();
        if (srsId == GeoPackageSchema.WGS84 || srsId == UNDEFINED_GEOGRAPHIC) {
            return p;
        }
        Object t = transforms.computeIfAbsent(srsId, this::transformOrReason);
        if (t instanceof String reason) {
            throw StoreException.of(file, where + ": field 'geom': " + reason);
        }
        Transform transform = (Transform) t;
        Coordinate xy = p.getCoordinate();
        // The blob holds x, y; a system that names latitude first takes them the other way round.
        Coordinate in = transform.latitudeFirst() ? new Coordinate(xy.y, xy.x) : new Coordinate(xy.x, xy.y);
        try {
            Coordinate lonLat = JTS.transform(in, null, transform.math());
            Point out = p.getFactory().createPoint(lonLat);
            out.setSRID(GeoPackageSchema.WGS84);
            return out;
        } catch (TransformException e) {
            throw StoreException.of(file, where + ": field 'geom': the point " + xy.x + ", " + xy.y + " in srs_id "
                    + srsId + " has no longitude and latitude (" + e.getMessage() + ")");
        }
    }

    private record Transform(MathTransform math, boolean latitudeFirst) {
    }

    private record SrsRow(String name, String organization, long code, String definition) {
        /** How a message names the system: "srs_id 3857 'WGS 84 / Pseudo-Mercator' (EPSG:3857)". */
        String describe(int srsId) {
            return "srs_id " + srsId + (name == null ? "" : " '" + name + "'") + " (" + organization + ":" + code + ")";
        }
    }

    /** The transform of {@code srsId} to WGS 84, or a sentence saying why there is none. */
    private Object transformOrReason(int srsId) {
        SrsRow row;
        try {
            row = row(srsId);
        } catch (SQLException e) {
            return "cannot read srs_id " + srsId + " from gpkg_spatial_ref_sys: " + e.getMessage();
        }
        if (row == null) {
            return "the coordinates are in srs_id " + srsId + ", which the file's gpkg_spatial_ref_sys does not define";
        }
        CoordinateReferenceSystem crs = decode(row);
        if (crs == null) {
            return "the coordinates are in " + row.describe(srsId) + ", a coordinate system this program does not"
                    + " know, so they cannot be turned into longitude and latitude";
        }
        try {
            MathTransform math = CRS.findMathTransform(crs, DefaultGeographicCRS.WGS84, true);
            return new Transform(math, CRS.getAxisOrder(crs) == CRS.AxisOrder.NORTH_EAST);
        } catch (FactoryException e) {
            return "the coordinates are in " + row.describe(srsId) + ", which cannot be turned into longitude and"
                    + " latitude: " + e.getMessage();
        }
    }

    /** The system by its authority code, longitude first; failing that, by its WKT; null if neither reads. */
    private static CoordinateReferenceSystem decode(SrsRow row) {
        if (row.organization() != null && !row.organization().isBlank()) {
            try {
                return CRS.decode(row.organization().trim().toUpperCase(Locale.ROOT) + ":" + row.code(), true);
            } catch (FactoryException e) {
                // An authority or code GeoTools does not have: the WKT may still say what it is.
            }
        }
        if (row.definition() != null && !row.definition().isBlank() && !"undefined".equals(row.definition().trim())) {
            try {
                return CRS.parseWKT(row.definition());
            } catch (FactoryException e) {
                return null;
            }
        }
        return null;
    }

    private SrsRow row(int srsId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT srs_name, organization, organization_coordsys_id,"
                + " definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new SrsRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)) : null;
            }
        }
    }
}
