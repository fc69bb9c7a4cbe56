package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.StreetLayers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The shipped Taraz centre on the map: scale rules, street names along the streets, the attribution. */
class StreetRenderingTest {

    private static LoadedMap map;
    private static Coordinate market;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
        market = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
    }

    private static List<MapLayer> only(String... names) {
        List<MapLayer> out = new ArrayList<>();
        for (String n : names) {
            out.add(map.model().layer(n).orElseThrow(() -> new AssertionError("no layer " + n)));
        }
        return out;
    }

    /** Pixels that differ from the background after drawing {@code layers} at 1:{@code scale}. */
    private static int drawnPixels(List<MapLayer> layers, double scale, List<PlacedLabel> labels) throws Exception {
        Viewport vp = Viewport.atScale(market.x, market.y, scale, 800, 600);
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        labels.addAll(new MapRenderer().render(g, vp, layers, () -> false).labels());
        g.dispose();
        int background = MapRenderer.BACKGROUND.getRGB();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != background) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void streetsAreHiddenAtOneToAMillionAndShownAtOneToFiveThousand() throws Exception {
        List<MapLayer> streets = only(StreetLayers.SCHEMATIC + StreetLayers.AREAS, StreetLayers.SCHEMATIC + StreetLayers.BUILDINGS,
                StreetLayers.SCHEMATIC + StreetLayers.ROADS,
                StreetLayers.SCHEMATIC + StreetLayers.POIS);
        List<PlacedLabel> far = new ArrayList<>();
        assertEquals(0, drawnPixels(streets, 1_000_000, far));
        assertTrue(far.isEmpty());
        List<PlacedLabel> near = new ArrayList<>();
        assertTrue(drawnPixels(streets, 5_000, near) > 50_000, "streets, blocks and buildings fill the frame");
        List<String> names = near.stream().map(PlacedLabel::text).toList();
        for (String street : List.of("Kazybek Bi street", "Abai street", "Tole Bi avenue")) {
            assertTrue(names.contains(street), street + " is named at 1:5,000: " + names);
        }
        assertTrue(names.contains("Central food market"), names.toString());
        assertTrue(names.contains("Photo shop"), names.toString());
    }

    @Test
    void theCityDotStepsBackAtStreetScales() throws Exception {
        List<MapLayer> cities = only(BasemapLayers.CITIES);
        assertTrue(drawnPixels(cities, 50_000, new ArrayList<>()) > 0);
        assertEquals(0, drawnPixels(cities, 5_000, new ArrayList<>()));
    }

    @Test
    void noTwoLabelsOverlapAtStreetLevel() throws Exception {
        List<PlacedLabel> labels = new ArrayList<>();
        drawnPixels(map.model().visibleLayers(), 5_000, labels);
        assertTrue(labels.size() > 10, labels.toString());
        // Point labels keep clear of every glyph box of the street names, which are within each label's bounds.
        List<PlacedLabel> points = labels.stream().filter(l -> !l.text().endsWith("street") && !l.text().endsWith("avenue"))
                .toList();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                Rectangle2D a = points.get(i).box();
                assertFalse(a.intersects(points.get(j).box()), points.get(i) + " overlaps " + points.get(j));
            }
        }
    }

    @Test
    void theSchematicLayerCarriesItsOwnAttribution() {
        assertTrue(map.model().attributions().stream().anyMatch(a -> a.contains("schematic and approximate")),
                map.model().attributions().toString());
    }

    @Test
    void streetColoursAppearWhereTheStreetIs() throws Exception {
        // Kazybek Bi street passes just west of the market: a secondary road's fill colour is drawn there.
        Coordinate onStreet = MapProjection.kazakhstan().toMap(71.36670, 42.89750);
        Viewport vp = Viewport.atScale(onStreet.x, onStreet.y, 5_000, 200, 200);
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, vp, only(StreetLayers.SCHEMATIC + StreetLayers.ROADS), () -> false).labels();
        g.dispose();
        int yellow = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 90; x <= 110; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() > 230 && c.getGreen() > 230 && c.getBlue() < 190) {
                    yellow++;
                }
            }
        }
        assertTrue(yellow > 500, "the yellow fill of a secondary road runs through the middle: " + yellow + " pixels");
    }
}
