package kz.incidentmap.render;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels a basemap tile offers, made fit to be offered again with its neighbours'. A point label is
 * offered only by the tile its anchor lies in (the symbolizer painter already keeps to the frame it
 * draws). A line's parts are cut to the tile's own square, so that the pieces of one street in two
 * tiles meet end to end at their common edge and the line label placer joins them into one street again;
 * their ends are put on a grid of 1/{@value #SNAP} pixel, so that the two tiles' cuts of one crossing
 * land on the same point.
 */
final class TileLabels {

    static final double SNAP = 64;

    private TileLabels() {
    }

    /** The offers of a tile of side {@code size} as its frame made them, lines cut to the tile. */
    static LabelPlacer.Offers owned(LabelPlacer.Offers o, int size) {
        List<LineLabelCandidate> lines = new ArrayList<>(o.lines().size());
        for (LineLabelCandidate c : o.lines()) {
            List<double[]> parts = new ArrayList<>();
            for (double[] part : c.parts()) {
                clip(part, size, size, parts);
            }
            if (!parts.isEmpty()) {
                lines.add(new LineLabelCandidate(c.text(), c.font(), c.fill(), c.halo(), c.haloRadius(), c.priority(), parts));
            }
        }
        return new LabelPlacer.Offers(o.points(), o.onSymbol(), List.copyOf(lines), o.obstacles());
    }

    /**
     * Offers {@code o}, a tile's, to {@code target} as seen with the tile's top-left corner at ({@code dx},
     * {@code dy}) in a frame {@code width} × {@code height}: lines are cut to the frame, as a frame drawn
     * whole cuts them (a street's names are spread along what is seen of it, not along the tiles' overhang).
     */
    static void offerAt(LabelPlacer target, LabelPlacer.Offers o, int dx, int dy, int width, int height) {
        for (LabelCandidate c : o.points()) {
            target.offer(moved(c, dx, dy));
        }
        for (LabelCandidate c : o.onSymbol()) {
            target.offerOnSymbol(moved(c, dx, dy));
        }
        for (LineLabelCandidate c : o.lines()) {
            List<double[]> parts = new ArrayList<>(c.parts().size());
            for (double[] p : c.parts()) {
                double[] q = new double[p.length];
                for (int i = 0; i < p.length; i += 2) {
                    q[i] = snap(p[i] + dx);
                    q[i + 1] = snap(p[i + 1] + dy);
                }
                clip(q, width, height, parts);
            }
            if (parts.isEmpty()) {
                continue;
            }
            target.offerLine(new LineLabelCandidate(c.text(), c.font(), c.fill(), c.halo(), c.haloRadius(), c.priority(), parts));
        }
        for (Rectangle2D r : o.obstacles()) {
            target.obstacle(new Rectangle2D.Double(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight()));
        }
    }

    private static LabelCandidate moved(LabelCandidate c, int dx, int dy) {
        return new LabelCandidate(c.text(), c.font(), c.fill(), c.halo(), c.haloRadius(), c.x() + dx, c.y() + dy,
                c.anchorX(), c.anchorY(), c.dx(), c.dy(), c.priority(), c.movable());
    }

    private static double snap(double v) {
        return Math.round(v * SNAP) / SNAP;
    }

    /**
     * Adds to {@code out} the runs of polyline {@code xy} ({x0, y0, x1, y1, …}) inside the rectangle
     * [0, width] × [0, height], each segment cut at its edges (Liang and Barsky's parametric clip).
     */
    static void clip(double[] xy, int width, int height, List<double[]> out) {
        double[] run = new double[xy.length + 4];
        int len = 0;
        for (int i = 0; i + 3 < xy.length; i += 2) {
            double x0 = xy[i];
            double y0 = xy[i + 1];
            double dx = xy[i + 2] - x0;
            double dy = xy[i + 3] - y0;
            double[] t = {0, 1};
            if (!(edge(-dx, x0, t) && edge(dx, width - x0, t) && edge(-dy, y0, t) && edge(dy, height - y0, t))) {
                len = flush(run, len, out);
                continue;
            }
            double ax = x0 + t[0] * dx;
            double ay = y0 + t[0] * dy;
            if (len == 0 || run[len - 2] != ax || run[len - 1] != ay) {
                len = flush(run, len, out);
                run[len++] = ax;
                run[len++] = ay;
            }
            run[len++] = x0 + t[1] * dx;
            run[len++] = y0 + t[1] * dy;
            if (t[1] < 1) {
                len = flush(run, len, out); // the line leaves the square here
            }
        }
        flush(run, len, out);
    }

    /** Narrows [t0, t1] to where p·t ≤ q; false when nothing is left. */
    private static boolean edge(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    /** Adds the run of {@code len} ordinates to {@code out} if it is a line; returns the new length, 0. */
    private static int flush(double[] run, int len, List<double[]> out) {
        if (len >= 4) {
            out.add(java.util.Arrays.copyOf(run, len));
        }
        return 0;
    }
}
