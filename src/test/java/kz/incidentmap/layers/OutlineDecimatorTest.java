package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/** The thinning of boundaries for small scales. */
class OutlineDecimatorTest {

    private final GeometryFactory gf = new GeometryFactory();

    /** A 1,000 m square whose sides have a point every 10 m. */
    private Polygon denseSquare() {
        Coordinate[] c = new Coordinate[401];
        for (int i = 0; i < 400; i++) {
            int side = i / 100;
            double t = (i % 100) * 10;
            c[i] = switch (side) {
                case 0 -> new Coordinate(t, 0);
                case 1 -> new Coordinate(1000, t);
                case 2 -> new Coordinate(1000 - t, 1000);
                default -> new Coordinate(0, 1000 - t);
            };
        }
        c[400] = c[0];
        return gf.createPolygon(c);
    }

    @Test
    void pointsCloserThanTheToleranceAreDroppedAndTheRingStaysClosed() {
        Polygon dense = denseSquare();
        Geometry thin = OutlineDecimator.thinned(dense, 250);
        // Every 25th point of 400, and the closing one.
        assertEquals(17, thin.getNumPoints());
        assertTrue(((Polygon) thin).getExteriorRing().isClosed());
        assertEquals(dense.getArea(), thin.getArea(), 1e-9, "the corners lie on kept points here");
        assertTrue(thin.getEnvelopeInternal().equals(dense.getEnvelopeInternal()));
    }

    @Test
    void aRingThatWouldFallBelowFourPointsIsKeptAsItWas() {
        Polygon small = gf.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(10, 0),
            new Coordinate(10, 10), new Coordinate(5, 12), new Coordinate(0, 10), new Coordinate(0, 0)});
        assertEquals(6, OutlineDecimator.thinned(small, 250).getNumPoints());
    }
}
