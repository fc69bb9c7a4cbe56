package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Draws an event's route over the map: a line through its stops in order with an arrow on each leg, and
 * a numbered circle at each stop, on top of everything (the incident symbols, their clusters and the
 * labels) so that no number is ever hidden. Stops that fall on the same screen spot (the parts of the
 * Taraz attack the sources put only in the city) are fanned out round it, each tied to the spot by a
 * short line, so every number can be read at any scale. An approximate position gets a dashed ring round
 * its circle. While a playback is at step k, the route is drawn up to k and stop k is the larger,
 * brighter circle.
 */
public final class EventRoutePainter {

    static final Color LINE = new Color(0xB7, 0x1C, 0x1C);
    static final Color CIRCLE = new Color(0x8E, 0x0E, 0x0E);
    static final Color CURRENT = new Color(0xFF, 0x8F, 0x00);
    private static final Color HALO = new Color(255, 255, 255, 220);
    /** Radius of a stop's circle, and of the current step's, in pixels (layout units on a page). */
    static final double RADIUS = 10;
    static final double CURRENT_RADIUS = 13;
    /** Stops closer than this on the screen are taken as one spot and fanned out. */
    private static final double SAME_SPOT = 6;

    private EventRoutePainter() {
    }

    /**
     * Where each stop's circle goes in {@code vp}, in the route's order: worked out for the whole route,
     * so that a circle stays where it is while a playback steps on.
     */
    public static List<Point2D> circles(Viewport vp, EventRoute route) {
        List<EventRoute.Stop> stops = route.stops();
        List<Point2D> spots = new ArrayList<>(stops.size());
        for (EventRoute.Stop s : stops) {
            spots.add(spot(vp, s));
        }
        List<Point2D> out = new ArrayList<>(spots);
        boolean[] done = new boolean[spots.size()];
        for (int i = 0; i < spots.size(); i++) {
            if (done[i]) {
                continue;
            }
            List<Integer> same = new ArrayList<>();
            for (int j = i; j < spots.size(); j++) {
                if (!done[j] && spots.get(j).distance(spots.get(i)) < SAME_SPOT) {
                    same.add(j);
                    done[j] = true;
                }
            }
            if (same.size() > 1) {
                // Round the spot, clockwise from the top, far enough apart that circles do not touch.
                double ring = Math.max(2.2 * RADIUS, same.size() * (2 * RADIUS + 4) / (2 * Math.PI));
                for (int n = 0; n < same.size(); n++) {
                    double a = -Math.PI / 2 + 2 * Math.PI * n / same.size();
                    Point2D c = spots.get(i);
                    out.set(same.get(n), new Point2D.Double(c.getX() + ring * Math.cos(a), c.getY() + ring * Math.sin(a)));
                }
            }
        }
        return apart(out);
    }

    /**
     * Pushes circles that would overlap apart, a little at a time, until each is clear of the others: at
     * 1:50,000 the sites in central Taraz are a dozen pixels apart. Deterministic: the same route in the
     * same view is drawn the same way.
     */
    private static List<Point2D> apart(List<Point2D> start) {
        double[] x = new double[start.size()];
        double[] y = new double[start.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = start.get(i).getX();
            y[i] = start.get(i).getY();
        }
        double clear = 2 * RADIUS + 3;
        for (int round = 0; round < 200; round++) {
            boolean moved = false;
            for (int i = 0; i < x.length; i++) {
                for (int j = i + 1; j < x.length; j++) {
                    double dx = x[j] - x[i];
                    double dy = y[j] - y[i];
                    double d = Math.hypot(dx, dy);
                    if (d >= clear) {
                        continue;
                    }
                    if (d < 1e-6) {
                        double a = 2 * Math.PI * j / x.length;
                        dx = Math.cos(a);
                        dy = Math.sin(a);
                        d = 1;
                    }
                    double push = (clear - d) / 2 + 0.5;
                    x[i] -= dx / d * push;
                    y[i] -= dy / d * push;
                    x[j] += dx / d * push;
                    y[j] += dy / d * push;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        List<Point2D> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            out.add(new Point2D.Double(x[i], y[i]));
        }
        return out;
    }

    /** The stop's own position on the screen. */
    static Point2D spot(Viewport vp, EventRoute.Stop s) {
        Coordinate map = vp.projection().toMap(s.lon(), s.lat());
        return vp.toScreen(map.x, map.y);
    }

    /** Draws {@code route} as {@code vp} shows it; nothing when it has no stops. */
    public static void paint(Graphics2D g, Viewport vp, EventRoute route) {
        List<EventRoute.Stop> stops = route.drawn();
        if (stops.isEmpty()) {
            return;
        }
        List<Point2D> at = circles(vp, route);
        Graphics2D o = (Graphics2D) g.create();
        try {
            o.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            o.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Ties from fanned-out circles to the spot they stand for.
            o.setStroke(new BasicStroke(1.2f));
            for (int i = 0; i < stops.size(); i++) {
                Point2D spot = spot(vp, stops.get(i));
                if (spot.distance(at.get(i)) > 1) {
                    o.setColor(CIRCLE);
                    o.draw(new Line2D.Double(spot, at.get(i)));
                    o.fill(new Ellipse2D.Double(spot.getX() - 2.5, spot.getY() - 2.5, 5, 5));
                }
            }
            for (int i = 1; i < stops.size(); i++) {
                leg(o, at.get(i - 1), at.get(i));
            }
            Font font = new Font("SansSerif", Font.BOLD, 12);
            for (int i = 0; i < stops.size(); i++) {
                boolean current = route.step() == i + 1;
                circle(o, at.get(i), stops.get(i), current ? CURRENT_RADIUS : RADIUS, current ? CURRENT : CIRCLE, font);
            }
        } finally {
            o.dispose();
        }
    }

    /** A leg from circle to circle, edge to edge, with its arrow head half way. */
    private static void leg(Graphics2D o, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len = Math.hypot(dx, dy);
        if (len < 2 * RADIUS + 2) {
            return; // touching circles: their numbers say the order
        }
        double ux = dx / len;
        double uy = dy / len;
        Line2D line = new Line2D.Double(a.getX() + ux * RADIUS, a.getY() + uy * RADIUS, b.getX() - ux * RADIUS,
                b.getY() - uy * RADIUS);
        o.setColor(HALO);
        o.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        o.draw(line);
        o.setColor(LINE);
        o.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        o.draw(line);
        double mx = (a.getX() + b.getX()) / 2 + ux * 5;
        double my = (a.getY() + b.getY()) / 2 + uy * 5;
        Path2D head = new Path2D.Double();
        head.moveTo(mx, my);
        head.lineTo(mx - ux * 11 - uy * 6, my - uy * 11 + ux * 6);
        head.lineTo(mx - ux * 11 + uy * 6, my - uy * 11 - ux * 6);
        head.closePath();
        o.setColor(HALO);
        o.setStroke(new BasicStroke(1.5f));
        o.draw(head);
        o.setColor(LINE);
        o.fill(head);
    }

    private static void circle(Graphics2D o, Point2D c, EventRoute.Stop s, double r, Color fill, Font font) {
        if (s.approximate()) {
            o.setColor(fill);
            o.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 3f}, 0f));
            o.draw(new Ellipse2D.Double(c.getX() - r - 4, c.getY() - r - 4, 2 * r + 8, 2 * r + 8));
        }
        Ellipse2D disc = new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        o.setColor(fill);
        o.fill(disc);
        o.setColor(Color.WHITE);
        o.setStroke(new BasicStroke(2f));
        o.draw(disc);
        String n = Integer.toString(s.number());
        o.setFont(font);
        FontMetrics fm = o.getFontMetrics();
        o.drawString(n, (float) (c.getX() - fm.stringWidth(n) / 2.0), (float) (c.getY() + fm.getAscent() / 2.0 - 1.5));
    }
}
