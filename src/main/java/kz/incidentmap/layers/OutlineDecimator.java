package kz.incidentmap.layers;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Thins the outlines of polygons for drawing at small scales: a point is kept when it lies at least
 * the tolerance from the last one kept, the ends always. One pass over the points, whatever their
 * number, where a line simplifier may take seconds on a country's boundaries. The result is for
 * drawing outlines only: it may not be a valid polygon.
 */
final class OutlineDecimator extends GeometryTransformer {

    private final double tolerance;

    private OutlineDecimator(double tolerance) {
        this.tolerance = tolerance;
    }

    /** {@code g} with its rings thinned to points {@code tolerance} apart (in its own units). */
    static Geometry thinned(Geometry g, double tolerance) {
        return new OutlineDecimator(tolerance).transform(g);
    }

    @Override
    protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        int n = coords.size();
        if (n <= 4) {
            return coords.copy();
        }
        double[] xy = new double[2 * n];
        int kept = 0;
        double lastX = coords.getX(0);
        double lastY = coords.getY(0);
        xy[kept++] = lastX;
        xy[kept++] = lastY;
        double min = tolerance * tolerance;
        for (int i = 1; i < n - 1; i++) {
            double x = coords.getX(i);
            double y = coords.getY(i);
            double dx = x - lastX;
            double dy = y - lastY;
            if (dx * dx + dy * dy >= min) {
                xy[kept++] = x;
                xy[kept++] = y;
                lastX = x;
                lastY = y;
            }
        }
        xy[kept++] = coords.getX(n - 1);
        xy[kept++] = coords.getY(n - 1);
        int points = kept / 2;
        // A ring needs four points; one thinned below that is drawn as it was.
        if (parent instanceof LinearRing && points < 4) {
            return coords.copy();
        }
        CoordinateSequence out = factory.getCoordinateSequenceFactory().create(points, 2);
        for (int i = 0; i < points; i++) {
            out.setOrdinate(i, 0, xy[2 * i]);
            out.setOrdinate(i, 1, xy[2 * i + 1]);
        }
        return out;
    }
}
