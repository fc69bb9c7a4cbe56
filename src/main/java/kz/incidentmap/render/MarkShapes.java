package kz.incidentmap.render;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Set;

/**
 * The SLD well-known marks (circle, square, triangle, star, cross, x) as Java2D shapes of a given
 * pixel size, centred on a point, and the marks of our own for places, which no incident type uses
 * ({@link #PLACE_MARKS}): a place must never look like an incident. Unknown names draw as squares, as
 * SLD prescribes.
 */
final class MarkShapes {

    private static final Shape CIRCLE = new Ellipse2D.Double(-0.5, -0.5, 1, 1);
    private static final Shape SQUARE = new Rectangle2D.Double(-0.5, -0.5, 1, 1);
    private static final Shape TRIANGLE = polygon(new double[] {0, -0.5, 0.5, 0.4, -0.5, 0.4});
    private static final Shape STAR = star();
    private static final Shape CROSS = polygon(new double[] {-0.125, -0.5, 0.125, -0.5, 0.125, -0.125, 0.5, -0.125,
        0.5, 0.125, 0.125, 0.125, 0.125, 0.5, -0.125, 0.5, -0.125, 0.125, -0.5, 0.125, -0.5, -0.125, -0.125, -0.125});
    private static final Shape X = AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(CROSS);
    private static final Shape DIAMOND = polygon(new double[] {0, -0.55, 0.42, 0, 0, 0.55, -0.42, 0});
    private static final Shape PENTAGON = regular(5, 0.52);
    private static final Shape HEXAGON = regular(6, 0.5);
    /** A monument: a narrow pillar on a plinth. */
    private static final Shape MONUMENT = polygon(new double[] {-0.12, -0.55, 0.12, -0.55, 0.16, 0.25, 0.36, 0.25,
        0.36, 0.5, -0.36, 0.5, -0.36, 0.25, -0.16, 0.25});
    /** The direction of travel on a one-way street: an arrow pointing along +x, drawn turned with the line. */
    private static final Shape ONEWAY = polygon(new double[] {0.5, 0, 0.05, -0.34, 0.05, -0.1, -0.5, -0.1, -0.5, 0.1,
        0.05, 0.1, 0.05, 0.34});
    /** A town: a ring around a dot. */
    private static final Shape RING = ring();

    /** The marks for places (cities, shops, markets, offices, monuments); none of them is an incident's. */
    static final Set<String> PLACE_MARKS = Set.of("ring", "diamond", "pentagon", "hexagon", "monument");

    private MarkShapes() {
    }

    /** The named mark, {@code size} pixels across, centred on (x, y). */
    static Shape shape(String wellKnownName, double x, double y, double size) {
        return shape(wellKnownName, x, y, size, 0);
    }

    /** The same, turned by {@code angle} radians (clockwise on screen): a mark along a line. */
    static Shape shape(String wellKnownName, double x, double y, double size, double angle) {
        Shape unit = switch (wellKnownName == null ? "square" : wellKnownName.toLowerCase(Locale.ROOT)) {
            case "circle" -> CIRCLE;
            case "triangle" -> TRIANGLE;
            case "star" -> STAR;
            case "cross" -> CROSS;
            case "x" -> X;
            case "diamond" -> DIAMOND;
            case "pentagon" -> PENTAGON;
            case "hexagon" -> HEXAGON;
            case "monument" -> MONUMENT;
            case "ring" -> RING;
            case "oneway" -> ONEWAY;
            default -> SQUARE;
        };
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.rotate(angle);
        at.scale(size, size);
        return at.createTransformedShape(unit);
    }

    private static Shape polygon(double[] xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static Shape regular(int corners, double r) {
        double[] xy = new double[2 * corners];
        for (int i = 0; i < corners; i++) {
            double a = -Math.PI / 2 + i * 2 * Math.PI / corners;
            xy[2 * i] = r * Math.cos(a);
            xy[2 * i + 1] = r * Math.sin(a);
        }
        return polygon(xy);
    }

    private static Shape ring() {
        Area a = new Area(new Ellipse2D.Double(-0.5, -0.5, 1, 1));
        a.subtract(new Area(new Ellipse2D.Double(-0.32, -0.32, 0.64, 0.64)));
        a.add(new Area(new Ellipse2D.Double(-0.16, -0.16, 0.32, 0.32)));
        return a;
    }

    private static Shape star() {
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 0.62 : 0.28;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            xy[2 * i] = r * Math.cos(a);
            // Stars are drawn larger than their nominal size: their thin points look smaller than a disc.
            xy[2 * i + 1] = r * Math.sin(a) + 0.06;
        }
        return polygon(xy);
    }
}
