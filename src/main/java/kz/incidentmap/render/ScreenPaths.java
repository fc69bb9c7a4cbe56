package kz.incidentmap.render;

import java.awt.geom.Path2D;
import org.geotools.geometry.jts.GeometryClipper;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Appends geometries, in map metres, to paths in pixels for one frame: clipped as far out as features
 * are read ({@link FrameMargin}), so that the edge a clip cuts stays off screen. Many features go into
 * one path, drawn at once ({@link StyleBatches}). For a fill, each polygon's shell runs one way and its
 * holes the other, so that the non-zero rule fills every polygon of the path as it would be filled alone,
 * holes open, where overlapping polygons filled one by one would cancel out under the even-odd rule.
 */
final class ScreenPaths {

    /** Side of the square screen cells by which {@link StyleBatches} splits its paths, pixels. */
    private static final double CELL_PX = 256;

    private final Viewport viewport;
    private final GeometryClipper clipper;
    private final Envelope clip;
    private final double halfW;
    private final double halfH;

    ScreenPaths(Viewport viewport) {
        this.viewport = viewport;
        this.clip = FrameMargin.symbols(viewport);
        this.clipper = new GeometryClipper(clip);
        this.halfW = viewport.width() / 2.0;
        this.halfH = viewport.height() / 2.0;
    }

    /**
     * The screen cell of the middle of {@code geom}'s bounds, as one number; null when it lies beyond
     * the frame's margin.
     */
    Long cell(Geometry geom) {
        Envelope env = geom.getEnvelopeInternal();
        if (!clip.intersects(env)) {
            return null;
        }
        double mpp = viewport.metresPerPixel();
        long col = (long) Math.floor(((env.getMinX() + env.getMaxX()) / 2 - clip.getMinX()) / mpp / CELL_PX);
        long row = (long) Math.floor((clip.getMaxY() - (env.getMinY() + env.getMaxY()) / 2) / mpp / CELL_PX);
        return col << 32 | (row & 0xFFFF_FFFFL);
    }

    /** Adds the areas of {@code geom} (its polygons; nothing for lines and points) to {@code path}. */
    void appendAreas(Path2D.Float path, Geometry geom) {
        Geometry g = clipped(geom);
        for (int i = 0; g != null && i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                ring(path, p.getExteriorRing().getCoordinateSequence(), true, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h).getCoordinateSequence(), true, false);
                }
            }
        }
    }

    /**
     * Adds the lines of {@code geom} to {@code path}: a polygon's rings closed (an outline, joined at its
     * first point as at every other), a line as it runs; nothing for points.
     */
    void appendLines(Path2D.Float path, Geometry geom) {
        Geometry g = clipped(geom);
        for (int i = 0; g != null && i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                ring(path, p.getExteriorRing().getCoordinateSequence(), true, null);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h).getCoordinateSequence(), true, null);
                }
            } else if (part instanceof LineString l) {
                ring(path, l.getCoordinateSequence(), false, null);
            }
        }
    }

    private Geometry clipped(Geometry geom) {
        Envelope env = geom.getEnvelopeInternal();
        if (clip.contains(env)) {
            return geom;
        }
        if (!clip.intersects(env)) {
            return null;
        }
        Geometry g = clipper.clipSafe(geom, true, viewport.metresPerPixel());
        return g == null || g.isEmpty() ? null : g;
    }

    /**
     * One ring or line in pixels. For a fill, a shell ({@code clockwise} true) runs clockwise on screen
     * and a hole ({@code clockwise} false) the other way; with {@code clockwise} null it keeps its direction.
     */
    private void ring(Path2D.Float path, CoordinateSequence cs, boolean closed, Boolean clockwise) {
        int n = cs.size();
        if (n < 2) {
            return;
        }
        boolean reverse = clockwise != null && (screenArea(cs) > 0) != clockwise;
        double mpp = viewport.metresPerPixel();
        double cx = viewport.centerX();
        double cy = viewport.centerY();
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            float x = (float) ((cs.getX(i) - cx) / mpp + halfW);
            float y = (float) ((cy - cs.getY(i)) / mpp + halfH);
            if (k == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        if (closed) {
            path.closePath();
        }
    }

    /** Twice the signed area of a ring as seen on screen (y down): positive when it runs clockwise there. */
    private static double screenArea(CoordinateSequence cs) {
        double sum = 0;
        double x0 = cs.getX(0);
        double y0 = cs.getY(0);
        for (int i = 0, n = cs.size(); i < n; i++) {
            int j = (i + 1) % n;
            // Map y grows up and screen y down: the map's counter-clockwise is the screen's clockwise.
            // Taken from the first point, so that the products of large map metres lose no precision.
            sum += (cs.getX(i) - x0) * (cs.getY(j) - y0) - (cs.getX(j) - x0) * (cs.getY(i) - y0);
        }
        return sum;
    }
}
