package kz.incidentmap.render;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Polygons in map metres as the screen shape a viewport shows them: rings with their holes, even-odd filled. */
final class ScreenPolygons {

    private ScreenPolygons() {
    }

    /** The polygons of {@code map} (a polygon or multipolygon in map metres) in {@code vp}'s pixels. */
    static Path2D of(Geometry map, Viewport vp) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int k = 0; k < map.getNumGeometries(); k++) {
            if (map.getGeometryN(k) instanceof Polygon p) {
                ring(path, vp, p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, vp, p.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        return path;
    }

    private static void ring(Path2D path, Viewport vp, Coordinate[] ring) {
        for (int i = 0; i < ring.length; i++) {
            Point2D s = vp.toScreen(ring[i].x, ring[i].y);
            if (i == 0) {
                path.moveTo(s.getX(), s.getY());
            } else {
                path.lineTo(s.getX(), s.getY());
            }
        }
        path.closePath();
    }
}
