package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.LoadedMap;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Labels painted on two cores, each into its part of the frame, give the pixels of one core. */
class LabelInkTest {

    private static int[] frame(RenderContext context, LoadedMap map, Viewport vp, List<PlacedLabel> placed)
            throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        placed.addAll(new MapRenderer(context).render(g, vp, map.model().visibleLayers(), () -> false).labels());
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    @Test
    void twoCoresPaintTheStreetLabelsOfOneCorePixelForPixel() throws Exception {
        LoadedMap map = TestMaps.load(TestMaps.sampleIncidents());
        Coordinate market = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
        for (double scale : new double[] {2_000, 5_000, 12_000}) {
            Viewport vp = Viewport.atScale(market.x, market.y, scale, 900, 700);
            List<PlacedLabel> one = new java.util.ArrayList<>();
            List<PlacedLabel> two = new java.util.ArrayList<>();
            int[] single = frame(RenderContext.singleThreaded(), map, vp, one);
            int[] split;
            try (RenderContext both = RenderContext.open()) {
                split = frame(both, map, vp, two);
            }
            assertTrue(one.size() > 2, "the street frame at 1:" + scale + " has labels: " + one);
            assertEquals(one.stream().map(PlacedLabel::text).toList(), two.stream().map(PlacedLabel::text).toList());
            assertArrayEquals(single, split, "pixels at 1:" + scale);
        }
    }
}
