package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.geotools.api.style.Rule;
import org.geotools.styling.StyleBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Areas and lines of one symbolizer gathered into paths: each polygon filled as alone, holes open. */
class StyleBatchesTest {

    private static final StyleBuilder SB = new StyleBuilder();
    private static final Color FILL = new Color(0x336699);

    @Test
    void overlappingPolygonsAreFilledAsOneByOneAndTheirHolesStayOpen() throws Exception {
        // Map metres = pixels: 1 metre per pixel, the frame's middle at (50, 50).
        Viewport vp = new Viewport(50, 50, 1, 100, 100);
        Rule rule = SB.createRule(SB.createPolygonSymbolizer(SB.createStroke(FILL, 0.1), SB.createFill(FILL)));
        StyleBatches batches = new StyleBatches(new ScreenPaths(vp), List.of(rule));
        WKTReader wkt = new WKTReader();
        // A square with a hole, drawn clockwise, and one overlapping it drawn the other way.
        Geometry holed = wkt.read("POLYGON ((10 10, 10 60, 60 60, 60 10, 10 10), (25 25, 45 25, 45 45, 25 45, 25 25))");
        Geometry other = wkt.read("POLYGON ((40 40, 90 40, 90 90, 40 90, 40 40))");
        assertTrue(batches.takes(rule.symbolizers().get(0)), "a literal fill is batched");
        batches.add(rule.symbolizers().get(0), holed);
        batches.add(rule.symbolizers().get(0), other);
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        batches.draw(g);
        g.dispose();
        // Screen y runs down: map (x, y) is pixel (x, 100 - y).
        assertEquals(FILL.getRGB(), img.getRGB(15, 100 - 15), "inside the first square");
        assertEquals(0, img.getRGB(30, 100 - 30), "its hole is open");
        assertEquals(FILL.getRGB(), img.getRGB(50, 100 - 50), "where the squares overlap, filled (not cancelled out)");
        assertEquals(FILL.getRGB(), img.getRGB(42, 100 - 42), "the second square fills the hole it covers");
        assertEquals(FILL.getRGB(), img.getRGB(80, 100 - 80), "inside the second square");
        assertEquals(0, img.getRGB(80, 100 - 20), "outside both");
    }

    @Test
    void aStyleThatDependsOnTheFeatureIsDrawnFeatureByFeature() {
        Rule rule = SB.createRule(SB.createLineSymbolizer(SB.createStroke(Color.RED, 2)));
        ((org.geotools.api.style.LineSymbolizer) rule.symbolizers().get(0)).getStroke()
                .setWidth(SB.attributeExpression("width"));
        StyleBatches batches = new StyleBatches(new ScreenPaths(new Viewport(0, 0, 1, 10, 10)), List.of(rule));
        assertFalse(batches.takes(rule.symbolizers().get(0)));
    }
}
