package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import org.locationtech.jts.geom.Coordinate;

/**
 * A north arrow that points to true north at the centre of the frame: in a conic projection the
 * meridians converge, so far east or west of 68° E north is not straight up.
 */
final class NorthArrow {

    private NorthArrow() {
    }

    /** Angle of true north from screen-up at the frame's centre, radians, clockwise positive. */
    static double northAngle(Viewport vp) {
        MapProjection proj = vp.projection();
        Coordinate centre = proj.toLonLat(vp.centerX(), vp.centerY());
        double lat = Math.max(-89, Math.min(89, centre.y));
        Coordinate a = proj.toMap(centre.x, lat);
        Coordinate b = proj.toMap(centre.x, Math.min(89.9, lat + 0.01));
        return Math.atan2(b.x - a.x, b.y - a.y);
    }

    static void draw(Graphics2D g, Viewport vp, double cx, double cy, double uiScale, Texts texts) {
        double h = 34 * uiScale;
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Ellipse2D.Double(cx - h * 0.75, cy - h * 0.75, h * 1.5, h * 1.5));
        AffineTransform keep = g.getTransform();
        g.rotate(northAngle(vp), cx, cy);
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, cy - h / 2);
        left.lineTo(cx - h / 5, cy + h / 2.5);
        left.lineTo(cx, cy + h / 5);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, cy - h / 2);
        right.lineTo(cx + h / 5, cy + h / 2.5);
        right.lineTo(cx, cy + h / 5);
        right.closePath();
        g.setColor(Color.DARK_GRAY);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.DARK_GRAY);
        g.draw(right);
        g.setFont(new Font("SansSerif", Font.BOLD, (int) Math.round(12 * uiScale)));
        String north = texts.text("page.north");
        Point2D n = new Point2D.Double(cx - g.getFontMetrics().stringWidth(north) / 2.0, cy - h / 2 - 3 * uiScale);
        g.drawString(north, (float) n.getX(), (float) n.getY());
        g.setTransform(keep);
    }
}
