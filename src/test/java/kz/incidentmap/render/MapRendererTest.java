package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CancellationException;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapStyles;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class MapRendererTest {

    private static LoadedMap map;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
    }

    private static BufferedImage draw(Viewport vp, List<PlacedLabel> labelsOut) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        List<PlacedLabel> labels = new MapRenderer().render(g, vp, map.model().visibleLayers(), () -> false).labels();
        g.dispose();
        if (labelsOut != null) {
            labelsOut.addAll(labels);
        }
        return img;
    }

    private static Color suicideBombingColour() {
        return MapStyles.INCIDENT_SYMBOLS.stream().filter(s -> s.type() == IncidentType.SUICIDE_BOMBING)
                .findFirst().orElseThrow().fill();
    }

    private static boolean near(int argb, Color c) {
        Color p = new Color(argb, true);
        return Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
                && Math.abs(p.getBlue() - c.getBlue()) < 40;
    }

    @Test
    void markerAtTarazAndNothingInTheSteppe() throws Exception {
        MapProjection proj = MapProjection.kazakhstan();
        Coordinate market = proj.toMap(TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
        Viewport city = Viewport.atScale(market.x, market.y, 50_000, 800, 600);
        BufferedImage img = draw(city, null);
        Point2D at = city.toScreen(market.x, market.y);
        assertTrue(near(img.getRGB((int) at.getX(), (int) at.getY()), suicideBombingColour()),
                "the pixel at the Taraz market is the suicide-bombing marker colour");

        Coordinate steppe = proj.toMap(TestMaps.STEPPE_LON, TestMaps.STEPPE_LAT);
        Viewport empty = Viewport.atScale(steppe.x, steppe.y, 50_000, 800, 600);
        BufferedImage blank = draw(empty, null);
        Color land = new Color(0xF7F2E4);
        int markerPixels = 0;
        for (int y = 0; y < blank.getHeight(); y += 4) {
            for (int x = 0; x < blank.getWidth(); x += 4) {
                int p = blank.getRGB(x, y);
                if (!near(p, land)) {
                    markerPixels++;
                }
            }
        }
        assertEquals(0, markerPixels, "the empty steppe shows only Kazakhstan's land colour");
    }

    @Test
    void countryViewDrawsLandAndLabelsWithoutOverlap() throws Exception {
        Viewport country = Viewport.fitting(map.home(), 1600, 1000, 20);
        List<PlacedLabel> labels = new java.util.ArrayList<>();
        BufferedImage img = draw(country, labels);
        Coordinate centre = MapProjection.kazakhstan().toMap(67, 48);
        Point2D c = country.toScreen(centre.x, centre.y);
        assertTrue(near(img.getRGB((int) c.getX(), (int) c.getY()), new Color(0xF7F2E4)), "central Kazakhstan is land");
        assertTrue(labels.stream().anyMatch(l -> l.text().equals("Almaty")), "Almaty is labelled: " + labels);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).box().intersects(labels.get(j).box()),
                        labels.get(i).text() + " overlaps " + labels.get(j).text());
            }
        }
    }

    @Test
    void aCancelledFrameStops() {
        Viewport country = Viewport.fitting(map.home(), 400, 300, 0);
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        org.junit.jupiter.api.Assertions.assertThrows(CancellationException.class,
                () -> new MapRenderer().render(g, country, map.model().visibleLayers(), () -> true));
    }
}
