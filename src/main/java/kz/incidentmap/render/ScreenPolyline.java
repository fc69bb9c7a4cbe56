package kz.incidentmap.render;

import java.awt.geom.Point2D;

/**
 * A polyline in pixels with its length measured along it, for putting text on a line: the point and
 * direction at any distance from its start.
 */
final class ScreenPolyline {

    private final double[] xs;
    private final double[] ys;
    private final double[] along;

    /** @param xy {x0, y0, x1, y1, ...}, at least two points */
    ScreenPolyline(double[] xy) {
        int n = xy.length / 2;
        xs = new double[n];
        ys = new double[n];
        along = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
            along[i] = i == 0 ? 0 : along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
    }

    double length() {
        return along[along.length - 1];
    }

    /** The same line run backwards. */
    ScreenPolyline reversed() {
        double[] xy = new double[xs.length * 2];
        for (int i = 0; i < xs.length; i++) {
            xy[2 * i] = xs[xs.length - 1 - i];
            xy[2 * i + 1] = ys[xs.length - 1 - i];
        }
        return new ScreenPolyline(xy);
    }

    Point2D pointAt(double d) {
        int i = segment(d);
        double seg = along[i + 1] - along[i];
        double t = seg == 0 ? 0 : (d - along[i]) / seg;
        return new Point2D.Double(xs[i] + t * (xs[i + 1] - xs[i]), ys[i] + t * (ys[i + 1] - ys[i]));
    }

    /** Direction of the line at {@code d}, radians, screen axes (y down). */
    double angleAt(double d) {
        int i = segment(d);
        return Math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]);
    }

    /**
     * The first segment whose end lies at or beyond {@code d}, else the last. A binary search: it is
     * asked twice per glyph for every position tried.
     */
    private int segment(double d) {
        int lo = 1;
        int hi = along.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (along[mid] < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
