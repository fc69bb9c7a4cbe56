package kz.incidentmap.geo;

import java.awt.geom.Point2D;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.locationtech.jts.geom.Coordinate;

/**
 * Lengths, rings and areas on the WGS 84 ellipsoid, for positions in longitude/latitude degrees: GeoTools'
 * geodesic for distances and rings, GeographicLib's polygon area for areas (GeoTools has none).
 */
public final class Geodesy {

    private Geodesy() {
    }

    /** Metres between two points along the ellipsoid. */
    public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
        return DefaultEllipsoid.WGS84.orthodromicDistance(lon1, lat1, lon2, lat2);
    }

    /** Metres along the line through {@code points} (x = longitude, y = latitude), 0 for fewer than two. */
    public static double lengthMetres(List<Coordinate> points) {
        double sum = 0;
        for (int i = 1; i < points.size(); i++) {
            Coordinate a = points.get(i - 1);
            Coordinate b = points.get(i);
            sum += distanceMetres(a.x, a.y, b.x, b.y);
        }
        return sum;
    }

    /**
     * Square metres inside the polygon whose corners are {@code points} in order (closed implicitly),
     * whichever way round they go; 0 for fewer than three.
     */
    public static double areaSquareMetres(List<Coordinate> points) {
        if (points.size() < 3) {
            return 0;
        }
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        for (Coordinate c : points) {
            polygon.AddPoint(c.y, c.x);
        }
        PolygonResult r = polygon.Compute(false, true);
        return Math.abs(r.area);
    }

    /**
     * The closed ring of points {@code metres} away from (lon, lat) on the ellipsoid, {@code points}
     * directions round, the first repeated at the end.
     */
    public static Coordinate[] ring(double lon, double lat, double metres, int points) {
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        Coordinate[] ring = new Coordinate[points + 1];
        for (int k = 0; k < points; k++) {
            calc.setStartingGeographicPoint(lon, lat);
            calc.setDirection(-180 + 360.0 * k / points, metres);
            Point2D p = calc.getDestinationGeographicPoint();
            ring[k] = new Coordinate(p.getX(), p.getY());
        }
        ring[points] = ring[0];
        return ring;
    }
}
