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
import kz.incidentmap.layers.CountryOutlines;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The low-detail frame a starting window shows: the same country, sea and clusters as the real first frame. */
class PreviewFrameTest {

    private static final double ALMATY_LON = 76.9286;
    private static final double ALMATY_LAT = 43.2567;
    private static LoadedMap map;
    private static CountryOutlines countries;
    private static IncidentIndex index;

    @BeforeAll
    static void load() throws Exception {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            incidents.add(TestMaps.incident("taraz-" + i, IncidentType.EXPLOSION, TestMaps.MARKET_LON + i * 0.001,
                    TestMaps.MARKET_LAT, 1));
        }
        incidents.add(TestMaps.incident("almaty", IncidentType.ARMED_ATTACK, ALMATY_LON, ALMATY_LAT, 0));
        map = TestMaps.load(incidents);
        countries = CountryOutlines.read(TestMaps.MAPS, MapProjection.kazakhstan());
        index = IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow()).orElseThrow().index();
    }

    private static Viewport home() {
        return Viewport.fitting(countries.home(), 763, 544, 20);
    }

    private static Point2D at(Viewport vp, double lon, double lat) {
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        return vp.toScreen(c.x, c.y);
    }

    private static Color pixel(BufferedImage img, Point2D p) {
        return new Color(img.getRGB((int) p.getX(), (int) p.getY()));
    }

    @Test
    void kazakhstanIsLandBesideGreyNeighboursAndTheSea() {
        Viewport vp = home();
        BufferedImage img = PreviewFrame.draw(vp, countries, null);
        assertEquals(new Color(0xF7F2E4), pixel(img, at(vp, TestMaps.STEPPE_LON, TestMaps.STEPPE_LAT)));
        assertEquals(new Color(0xE3E1DC), pixel(img, at(vp, 64.5, 41.0)), "Uzbekistan");
        assertEquals(MapRenderer.BACKGROUND, pixel(img, at(vp, 50.5, 42.0)), "the Caspian Sea");
    }

    @Test
    void theIncidentsAreCountedWhereTheyLie() {
        Viewport vp = home();
        Point2D taraz = at(vp, TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
        Point2D almaty = at(vp, ALMATY_LON, ALMATY_LAT);
        BufferedImage none = PreviewFrame.draw(vp, countries, null);
        BufferedImage counted = PreviewFrame.draw(vp, countries, index);
        assertFalse(reddish(none, taraz, 6), "no incident without the index");
        assertTrue(reddish(counted, taraz, 6), "the cluster of seven at Taraz");
        assertTrue(reddish(counted, almaty, 3), "the one in Almaty");
        assertFalse(reddish(counted, at(vp, TestMaps.STEPPE_LON, TestMaps.STEPPE_LAT), 6));
        // The cluster of seven is larger than the single incident, as on the map.
        assertTrue(reddishCount(counted, taraz, 14) > 2 * reddishCount(counted, almaty, 14));
    }

    @Test
    void itIsTheRealFirstFrameWithoutItsDetail() throws Exception {
        Viewport vp = home();
        BufferedImage preview = PreviewFrame.draw(vp, countries, index);
        BufferedImage real = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = real.createGraphics();
        new MapRenderer().render(g, vp, map.model().visibleLayers(), () -> false);
        g.dispose();
        int same = 0;
        for (int y = 0; y < vp.height(); y++) {
            for (int x = 0; x < vp.width(); x++) {
                if (close(preview.getRGB(x, y), real.getRGB(x, y))) {
                    same++;
                }
            }
        }
        // What differs is the real frame's detail: oblast lines, lakes, cities and names.
        double share = same / (double) (vp.width() * vp.height());
        assertTrue(share > 0.9, "pixels alike: " + share);
    }

    private static boolean close(int a, int b) {
        Color p = new Color(a);
        Color q = new Color(b);
        return Math.abs(p.getRed() - q.getRed()) < 12 && Math.abs(p.getGreen() - q.getGreen()) < 12
                && Math.abs(p.getBlue() - q.getBlue()) < 12;
    }

    private static boolean reddish(BufferedImage img, Point2D p, int radius) {
        return reddishCount(img, p, radius) > 0;
    }

    private static int reddishCount(BufferedImage img, Point2D p, int radius) {
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                Color c = new Color(img.getRGB((int) p.getX() + dx, (int) p.getY() + dy));
                if (c.getRed() > 150 && c.getGreen() < 90 && c.getBlue() < 90) {
                    n++;
                }
            }
        }
        return n;
    }
}
