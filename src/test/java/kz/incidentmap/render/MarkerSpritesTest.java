package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Markers stamped from sprites look like the markers drawn as shapes: the same pixels are covered, in
 * the same colours, give or take the half pixel a stamp is rounded to.
 */
class MarkerSpritesTest {

    private static BufferedImage draw(MapLayer layer, Viewport vp, boolean asShapes) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        if (asShapes) {
            // Not a whole pixel to a pixel: the painter draws shapes, as for a page at print resolution.
            g.scale(1 + 1e-9, 1 + 1e-9);
        }
        assertTrue(IncidentFramePainter.stampsSprites(g) != asShapes);
        new MapRenderer().render(g, vp, List.of(layer), () -> false);
        g.dispose();
        return img;
    }

    @Test
    void stampedMarkersCoverThePixelsTheShapesCover() throws Exception {
        List<Incident> incidents = new ArrayList<>();
        IncidentType[] types = IncidentType.values();
        for (int i = 0; i < 60; i++) {
            // Exact positions: the markers alone, without the halo of a street's position.
            incidents.add(TestMaps.withPrecision(TestMaps.incident("m" + i, types[i % types.length],
                    TestMaps.MARKET_LON + (i % 10) * 0.0012, TestMaps.MARKET_LAT + (i / 10) * 0.0009,
                    i % 7 == 0 ? 12 : i % 3), LocationPrecision.EXACT));
        }
        MapLayer layer = IncidentLayer.of(incidents, MapProjection.kazakhstan());
        Coordinate c = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON + 0.0055, TestMaps.MARKET_LAT + 0.0022);
        Viewport vp = Viewport.atScale(c.x, c.y, 5_000, 800, 500);
        BufferedImage stamped = draw(layer, vp, false);
        BufferedImage shapes = draw(layer, vp, true);
        // The frame is the background colour wherever no marker is drawn: a marker pixel is any other.
        int background = MapRenderer.BACKGROUND.getRGB();
        int covered = 0;
        int either = 0;
        int both = 0;
        long colourError = 0;
        for (int y = 0; y < vp.height(); y++) {
            for (int x = 0; x < vp.width(); x++) {
                int a = stamped.getRGB(x, y);
                int b = shapes.getRGB(x, y);
                boolean inA = a != background;
                boolean inB = b != background;
                covered += inB ? 1 : 0;
                both += inA && inB ? 1 : 0;
                if (inA || inB) {
                    either++;
                    for (int shift = 0; shift <= 16; shift += 8) {
                        colourError += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                    }
                }
            }
        }
        assertTrue(covered > 60 * 80 && covered < vp.width() * vp.height() / 4, covered + " pixels covered by 60 markers");
        assertTrue(both > covered * 0.9, both + " of " + covered + " marker pixels covered by both");
        assertTrue(either < covered * 1.1, either + " pixels covered by either, " + covered + " by the shapes");
        assertTrue(colourError / (3.0 * either) < 12, "mean colour difference " + colourError / (3.0 * either));
        assertFalse(IncidentFramePainter.isRaster(new org.apache.batik.svggen.SVGGraphics2D(
                org.apache.batik.svggen.SVGGeneratorContext.createDefault(
                        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument()), false)),
                "an SVG document gets shapes");
    }
}
