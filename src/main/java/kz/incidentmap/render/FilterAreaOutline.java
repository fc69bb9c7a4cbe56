package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.Geometry;

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
        Path2D path = ScreenPolygons.of(vp.projection().toMap(lonLat), vp);
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
}
