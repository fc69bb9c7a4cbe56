package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import kz.incidentmap.render.RuleSelector;
import org.geotools.api.data.Query;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Style;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class StreetLayersTest {

    private static final GeometryFactory GF = new GeometryFactory();

    private static List<StreetFeature> roadsAround(double lon, double lat, int n) {
        List<StreetFeature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new StreetFeature(StreetLayer.ROADS, "w" + i, GF.createLineString(new Coordinate[] {
                new Coordinate(lon - 0.001, lat + i * 0.0005), new Coordinate(lon + 0.001, lat + i * 0.0005)}),
                    "highway", "residential", "Street " + i, null, null));
        }
        return out;
    }

    private static List<String> names(List<MapLayer> layers) {
        return layers.stream().map(MapLayer::name).toList();
    }

    @Test
    void withoutImportsTheSchematicTarazCentreIsShown() throws Exception {
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, List.of(), MapProjection.kazakhstan());
        assertEquals(List.of("taraz-levels", "taraz-areas", "taraz-buildings", "taraz-roads", "taraz-pois"),
                names(layers));
        assertTrue(layers.get(3).source().getCount(Query.ALL) > 20);
        // Tole Bi and Zhambyl avenues (primary) on every level, more from the regional level on.
        List<String> overview = new ArrayList<>();
        try (var it = layers.get(0).source().getFeatures().features()) {
            while (it.hasNext()) {
                var f = it.next();
                if ("overview".equals(f.getAttribute("level"))) {
                    overview.add((String) f.getAttribute("name"));
                }
            }
        }
        assertEquals(List.of("Tole Bi avenue", "Zhambyl avenue"), overview.stream().sorted().toList());
        assertTrue(layers.get(0).source().getCount(Query.ALL) > 3 * 2);
    }

    @Test
    void importedStreetsElsewhereAreShownBesideTheSchematicLayer() throws Exception {
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, roadsAround(76.95, 43.25, 10), MapProjection.kazakhstan());
        assertEquals(List.of("taraz-levels", "osm-levels", "taraz-areas", "osm-areas", "taraz-buildings",
                "osm-buildings", "taraz-roads", "osm-roads", "taraz-pois", "osm-pois"), names(layers));
        assertTrue(layers.get(3).attribution().contains("OpenStreetMap"));
        assertTrue(layers.get(1).attribution().contains("OpenStreetMap"));
    }

    @Test
    void importedStreetsOfTheTarazCentreReplaceTheSchematicLayer() throws Exception {
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, roadsAround(71.367, 42.897, 10), MapProjection.kazakhstan());
        assertEquals(List.of("osm-levels", "osm-areas", "osm-buildings", "osm-roads", "osm-pois"), names(layers));
    }

    @Test
    void everyStreetRuleIsWithinStreetScales() {
        for (Style s : List.of(StreetStyles.areas(), StreetStyles.buildings(), StreetStyles.roads(), StreetStyles.pois())) {
            for (FeatureTypeStyle fts : s.featureTypeStyles()) {
                assertTrue(RuleSelector.active(fts, 1_000_000).isEmpty());
                assertTrue(RuleSelector.active(fts, 30_000).isEmpty());
            }
        }
        long shownAt5000 = StreetStyles.roads().featureTypeStyles().stream()
                .filter(fts -> !RuleSelector.active(fts, 5_000).isEmpty()).count();
        assertEquals(StreetStyles.roads().featureTypeStyles().size(), shownAt5000);
    }

    @Test
    void theLevelsAreDrawnBetweenTheCountryAndTheStreetEachAtItsScales() {
        Style levels = LevelStyles.levels();
        for (double scale : new double[] {4_000_000, 20_000, 5_000}) {
            assertTrue(levels.featureTypeStyles().stream().allMatch(fts -> RuleSelector.active(fts, scale).isEmpty()),
                    "nothing at 1:" + (long) scale);
        }
        for (kz.incidentmap.model.MapLevel level : kz.incidentmap.model.MapLevel.values()) {
            double inside = Math.sqrt(level.minScale() * level.maxScale());
            long active = levels.featureTypeStyles().stream().flatMap(fts -> RuleSelector.active(fts, inside).stream())
                    .peek(r -> assertTrue(r.getFilter().toString().contains(level.key()), r.getFilter().toString()))
                    .count();
            assertTrue(active >= 4, level.key() + ": " + active + " rules, each for the level's own features");
        }
    }

    /** The first road (not railway) pass of {@code roads} whose first rule strokes in {@code colour}. */
    private static int passStroking(Style roads, java.awt.Color colour) {
        for (int i = 0; i < roads.featureTypeStyles().size(); i++) {
            var rules = roads.featureTypeStyles().get(i).rules();
            boolean railway = !rules.isEmpty() && String.valueOf(rules.get(0).getFilter()).contains("railway");
            if (!railway && !rules.isEmpty()
                    && rules.get(0).symbolizers().get(0) instanceof org.geotools.api.style.LineSymbolizer ls
                    && colour.equals(ls.getStroke().getColor().evaluate(null, java.awt.Color.class))) {
                return i;
            }
        }
        throw new AssertionError("no pass strokes " + colour);
    }

    @Test
    void everyCasingLiesUnderEveryFillAndLargerRoadsOverSmaller() {
        Style roads = StreetStyles.roads();
        int lastCasing = -1;
        int firstFill = Integer.MAX_VALUE;
        int previousFill = -1;
        for (StreetStyles.RoadClass rc : StreetStyles.ROAD_CLASSES) {
            if (rc.casing() != null) {
                lastCasing = Math.max(lastCasing, passStroking(roads, rc.casing()));
            }
            int fill = passStroking(roads, rc.fill());
            if (!java.awt.Color.WHITE.equals(rc.fill())) {
                // Service and residential roads are both white: their order is told by rank alone.
                assertTrue(fill > previousFill, rc.name() + " is filled after the classes below it");
                previousFill = fill;
            }
            firstFill = Math.min(firstFill, fill);
        }
        assertTrue(lastCasing < firstFill, "a motorway's casing does not cross a street at a junction: casings end at "
                + lastCasing + ", fills start at " + firstFill);
        // Tunnels before every ground casing, bridges after every ground fill.
        List<String> filters = roads.featureTypeStyles().stream()
                .map(fts -> String.valueOf(fts.rules().get(0).getFilter())).toList();
        int firstTunnel = -1;
        int firstBridge = -1;
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).contains("AND [ z < 0 ]") && firstTunnel < 0) {
                firstTunnel = i;
            }
            if (filters.get(i).contains("AND [ z > 0 ]") && firstBridge < 0) {
                firstBridge = i;
            }
        }
        assertTrue(firstTunnel >= 0 && firstTunnel < firstFill && firstTunnel <= lastCasing, filters.toString());
        assertTrue(firstBridge > lastCasing && firstBridge > passStroking(roads, StreetStyles.ROAD_CLASSES
                .get(StreetStyles.ROAD_CLASSES.size() - 1).fill()), filters.toString());
    }

    @Test
    void roadNumbersAreLabelledOnLargerRoads() throws Exception {
        List<StreetFeature> road = List.of(new StreetFeature(StreetLayer.ROADS, "w1", GF.createLineString(new Coordinate[] {
            new Coordinate(76.90, 43.20), new Coordinate(77.00, 43.20)}), "highway", "trunk", null, null, null,
                new kz.incidentmap.model.RoadTags("M-39", 0, 0, false, false)));
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, road, MapProjection.kazakhstan()).stream()
                .filter(l -> l.name().equals("osm-roads")).toList();
        var c = MapProjection.kazakhstan().toMap(76.95, 43.20);
        var vp = kz.incidentmap.render.Viewport.atScale(c.x, c.y, 10_000, 600, 200);
        var img = new java.awt.image.BufferedImage(600, 200, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        List<String> labels = new kz.incidentmap.render.MapRenderer().render(g, vp, layers, () -> false).labels().stream()
                .map(kz.incidentmap.render.PlacedLabel::text).toList();
        g.dispose();
        assertTrue(labels.contains("M-39"), labels.toString());
    }

    @Test
    void roadsWidenAsTheMapZoomsIn() {
        StreetStyles.RoadClass primary = StreetStyles.ROAD_CLASSES.stream().filter(c -> c.name().equals("primary"))
                .findFirst().orElseThrow();
        double near = StreetStyles.widthPx(primary, new double[] {2_000, 4_000});
        double far = StreetStyles.widthPx(primary, new double[] {16_000, 25_001});
        assertTrue(near > 2 * far, near + " vs " + far);
        assertTrue(far >= primary.minPx());
    }
}
