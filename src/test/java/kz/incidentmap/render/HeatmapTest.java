package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.HeatmapLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The heat map layer is off by default and, switched on, colours where incidents are dense. */
class HeatmapTest {

    private static BufferedImage draw(MapModel model, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, vp, model.visibleLayers(), () -> false);
        g.dispose();
        return img;
    }

    /** Redness: how much more red than blue a pixel is. */
    private static int red(BufferedImage img, Point2D p) {
        Color c = new Color(img.getRGB((int) p.getX(), (int) p.getY()));
        return c.getRed() - c.getBlue();
    }

    @Test
    void theHeatMapIsHotWhereIncidentsAreAndColdFarAway() throws Exception {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            incidents.add(TestMaps.incident("t" + i, IncidentType.ARMED_ATTACK, 71.36 + i * 0.002, 42.9, 0));
        }
        LoadedMap map = TestMaps.load(incidents);
        assertFalse(map.model().layer(HeatmapLayer.NAME).orElseThrow().visible(), "off until switched on");
        // Only the heat map and the countries: markers would hide the colour being measured.
        MapModel heatOnly = map.model().with(HeatmapLayer.NAME, l -> l.withVisible(true))
                .with("incidents", l -> l.withVisible(false)).with("cities", l -> l.withVisible(false))
                .with("oblasts", l -> l.withVisible(false));
        Coordinate c = MapProjection.kazakhstan().toMap(71.37, 42.9);
        Viewport vp = Viewport.atScale(c.x, c.y, 2_000_000, 600, 400);
        BufferedImage on = draw(heatOnly, vp);
        BufferedImage off = draw(heatOnly.with(HeatmapLayer.NAME, l -> l.withVisible(false)), vp);
        Point2D centre = vp.toScreen(c.x, c.y);
        Point2D far = new Point2D.Double(centre.getX() + 150, centre.getY() - 150);
        assertTrue(red(on, centre) > red(off, centre) + 60, "hot at the incidents: " + red(on, centre) + " vs " + red(off, centre));
        assertEquals(off.getRGB((int) far.getX(), (int) far.getY()), on.getRGB((int) far.getX(), (int) far.getY()),
                "nothing drawn far from any incident");
    }

    @Test
    void theRampRunsFromTransparentToOpaqueRed() {
        assertEquals(0, HeatmapPainter.ramp(0));
        Color hot = new Color(HeatmapPainter.ramp(1), true);
        assertTrue(hot.getRed() > 150 && hot.getGreen() < 30 && hot.getAlpha() > 200, hot.toString());
    }
}
