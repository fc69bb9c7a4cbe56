package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The filter's area drawn over a page's map as the window outlines it: a dashed orange edge over a faint
 * orange wash, so that a reader sees which part of the map the incidents were chosen from.
 */
final class FilterAreaOutline {

    static final Color EDGE = new Color(0xE6, 0x51, 0x00);
    private static final Color WASH = new Color(0xE6, 0x51, 0x00, 20);

    private FilterAreaOutline() {
    }

    /** Draws {@code lonLat} (a polygon or multipolygon in longitude/latitude) as {@code vp} shows it. */
    static void draw(Graphics2D g, Viewport vp, Geometry lonLat) {
        Geometry map = vp.projection().toMap(lonLat);
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int k = 0; k < map.getNumGeometries(); k++) {
            if (map.getGeometryN(k) instanceof Polygon p) {
                ring(path, vp, p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, vp, p.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        Graphics2D o = (Graphics2D) g.create();
        try {
            o.setColor(WASH);
            o.fill(path);
            o.setColor(EDGE);
            o.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
            o.draw(path);
        } finally {
            o.dispose();
        }
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
