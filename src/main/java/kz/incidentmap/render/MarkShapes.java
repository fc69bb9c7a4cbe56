package kz.incidentmap.render;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The SLD well-known marks (circle, square, triangle, star, cross, x) as Java2D shapes of a given
 * pixel size, centred on a point. Unknown names draw as squares, as SLD prescribes.
 */
final class MarkShapes {

    private static final Shape CIRCLE = new Ellipse2D.Double(-0.5, -0.5, 1, 1);
    private static final Shape SQUARE = new Rectangle2D.Double(-0.5, -0.5, 1, 1);
    private static final Shape TRIANGLE = polygon(new double[] {0, -0.5, 0.5, 0.4, -0.5, 0.4});
    private static final Shape STAR = star();
    private static final Shape CROSS = polygon(new double[] {-0.125, -0.5, 0.125, -0.5, 0.125, -0.125, 0.5, -0.125,
        0.5, 0.125, 0.125, 0.125, 0.125, 0.5, -0.125, 0.5, -0.125, 0.125, -0.5, 0.125, -0.5, -0.125, -0.125, -0.125});
    private static final Shape X = AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(CROSS);

    private MarkShapes() {
    }

    /** The named mark, {@code size} pixels across, centred on (x, y). */
    static Shape shape(String wellKnownName, double x, double y, double size) {
        Shape unit = switch (wellKnownName == null ? "square" : wellKnownName.toLowerCase(Locale.ROOT)) {
            case "circle" -> CIRCLE;
            case "triangle" -> TRIANGLE;
            case "star" -> STAR;
            case "cross" -> CROSS;
            case "x" -> X;
            default -> SQUARE;
        };
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
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
