package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {

    private final Viewport vp = Viewport.atScale(1000, 2000, 50_000, 800, 600);

    @Test
    void scaleUsesTheStandardPixel() {
        assertEquals(50_000, vp.scaleDenominator(), 1e-6);
        assertEquals(14.0, vp.metresPerPixel(), 1e-9);
    }

    @Test
    void screenAndWorldAreInverse() {
        Point2D s = vp.toScreen(1140, 1860);
        assertEquals(410, s.getX(), 1e-9);
        assertEquals(310, s.getY(), 1e-9);
        Coordinate w = vp.toWorld(s.getX(), s.getY());
        assertEquals(1140, w.x, 1e-9);
        assertEquals(1860, w.y, 1e-9);
        Point2D viaTransform = vp.worldToScreen().transform(new Point2D.Double(1140, 1860), null);
        assertEquals(s, viaTransform);
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Coordinate before = vp.toWorld(123, 456);
        Viewport z = vp.zoomedAt(123, 456, 2.5);
        Coordinate after = z.toWorld(123, 456);
        assertEquals(before.x, after.x, 1e-6);
        assertEquals(before.y, after.y, 1e-6);
        assertEquals(20_000, z.scaleDenominator(), 1e-6);
    }

    @Test
    void panMovesTheMapWithThePointer() {
        Viewport p = vp.pannedBy(10, -20);
        Point2D s = p.toScreen(vp.centerX(), vp.centerY());
        assertEquals(410, s.getX(), 1e-9);
        assertEquals(280, s.getY(), 1e-9);
    }

    @Test
    void fittingShowsTheWholeEnvelope() {
        Envelope e = new Envelope(-500_000, 1_500_000, 100_000, 900_000);
        Viewport f = Viewport.fitting(e, 1000, 500, 10);
        assertTrue(f.bounds().contains(e));
        assertEquals(500_000, f.centerX(), 1e-6);
    }

    @Test
    void aLargerFrameShowsTheSameAreaSharper() {
        Viewport twice = vp.fittedInto(1600, 1200);
        assertEquals(vp.bounds(), twice.bounds());
        assertEquals(7.0, twice.metresPerPixel(), 1e-9);
        Viewport wide = vp.fittedInto(1600, 600);
        assertTrue(wide.bounds().contains(vp.bounds()), "a wider frame keeps all of the area");
        assertEquals(vp.metresPerPixel(), wide.metresPerPixel(), 1e-9);
    }

    @Test
    void refusesAnEmptyFrame() {
        assertThrows(IllegalArgumentException.class, () -> new Viewport(0, 0, 1, 0, 10));
    }
}
