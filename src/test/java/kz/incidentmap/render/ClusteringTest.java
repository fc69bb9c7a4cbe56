package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import org.geotools.api.feature.simple.SimpleFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Incidents merge into clusters at small scales and split as the map zooms in; counts always add up. */
class ClusteringTest {

    /** Twelve incidents along a line east of Taraz, 2 km apart, and one in Astana. */
    private static LoadedMap map;
    private static List<Incident> incidents;

    @BeforeAll
    static void load() throws Exception {
        incidents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            incidents.add(TestMaps.incident("t" + i, IncidentType.ARMED_ATTACK, 71.40 + i * 0.0245, 42.9, i % 3));
        }
        incidents.add(TestMaps.incident("astana", IncidentType.EXPLOSION, 71.4491, 51.1801, 2));
        map = TestMaps.load(incidents);
    }

    private static Viewport view(double lon, double lat, double scale) {
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        return Viewport.atScale(c.x, c.y, scale, 1200, 800);
    }

    private static List<SimpleFeature> drawn(Viewport vp) throws Exception {
        return FrameFeatures.of(map.model().layer(IncidentLayer.NAME).orElseThrow(), vp);
    }

    private static int total(List<SimpleFeature> features) {
        return features.stream().mapToInt(f -> (Integer) f.getAttribute("count")).sum();
    }

    @Test
    void atTheCountryViewNearbyIncidentsAreOneClusterAndCountsAddUp() throws Exception {
        Viewport country = Viewport.fitting(map.home(), 1200, 800, 20);
        List<SimpleFeature> f = drawn(country);
        assertEquals(2, f.size(), "the Taraz line is one cluster, Astana a point of its own: " + f);
        assertEquals(incidents.size(), total(f), "every incident is counted once");
        SimpleFeature cluster = f.stream().filter(x -> (Integer) x.getAttribute("count") > 1).findFirst().orElseThrow();
        assertEquals(12, cluster.getAttribute("count"));
        assertEquals(IncidentType.ARMED_ATTACK.code(), cluster.getAttribute("type"), "a cluster shows its most frequent type");
        SimpleFeature single = f.stream().filter(x -> (Integer) x.getAttribute("count") == 1).findFirst().orElseThrow();
        assertEquals("explosion", single.getAttribute("type"), "a lone incident keeps its own type and casualties");
        assertEquals(2, single.getAttribute("casualties"));
    }

    @Test
    void zoomingInSplitsTheCluster() throws Exception {
        int previous = 0;
        for (double scale : new double[] {5_000_000, 1_000_000, 250_000, 100_000}) {
            List<SimpleFeature> f = drawn(view(71.535, 42.9, scale));
            assertEquals(12, total(f), "the 12 Taraz incidents at 1:" + scale);
            assertTrue(f.size() >= previous, "symbols never merge when zooming in: 1:" + scale);
            previous = f.size();
        }
        assertEquals(1, drawn(view(71.535, 42.9, 5_000_000)).size(), "one cluster at 1:5,000,000");
        assertTrue(drawn(view(71.535, 42.9, 250_000)).size() > 2, "split at 1:250,000");
        assertEquals(12, drawn(view(71.535, 42.9, 100_000)).size(), "all apart at 1:100,000 (2 km is 71 px)");
    }

    @Test
    void clusterSymbolsDoNotOverlap() throws Exception {
        for (double scale : new double[] {20_000_000, 5_000_000, 1_000_000, 400_000}) {
            Viewport vp = view(71.535, 42.9, scale);
            List<SimpleFeature> f = drawn(vp);
            for (int i = 0; i < f.size(); i++) {
                for (int j = i + 1; j < f.size(); j++) {
                    var a = vp.toScreen(((org.locationtech.jts.geom.Point) f.get(i).getDefaultGeometry()).getX(),
                            ((org.locationtech.jts.geom.Point) f.get(i).getDefaultGeometry()).getY());
                    var b = vp.toScreen(((org.locationtech.jts.geom.Point) f.get(j).getDefaultGeometry()).getX(),
                            ((org.locationtech.jts.geom.Point) f.get(j).getDefaultGeometry()).getY());
                    assertTrue(a.distance(b) >= FrameLayers.CLUSTER_CELL_PX,
                            "two symbols " + a.distance(b) + " px apart at 1:" + scale);
                }
            }
        }
    }

    @Test
    void clusterSymbolsStaySmallerThanTheDistanceBetweenClusters() {
        var style = kz.incidentmap.layers.ClusterStyles.clustered(kz.incidentmap.layers.MapStyles.incidents());
        var rules = style.featureTypeStyles().get(style.featureTypeStyles().size() - 1).rules();
        var size = ((org.geotools.api.style.PointSymbolizer) rules.get(0).symbolizers().get(0)).getGraphic().getSize();
        var tb = new org.geotools.feature.simple.SimpleFeatureTypeBuilder();
        tb.setName("c");
        tb.add("count", Integer.class);
        var type = tb.buildFeatureType();
        double previous = 0;
        for (int count : new int[] {2, 10, 100, 1_000, 1_000_000}) {
            SimpleFeature f = org.geotools.feature.simple.SimpleFeatureBuilder.build(type, new Object[] {count}, null);
            double px = size.evaluate(f, Double.class);
            assertTrue(px >= previous && (count > 100 || px > previous), "grows with the count: " + px + " px for " + count);
            assertTrue(px < FrameLayers.CLUSTER_CELL_PX, count + " incidents: " + px + " px");
            previous = px;
        }
    }

    @Test
    void withoutClusteringEveryIncidentIsItsOwnSymbol() throws Exception {
        MapLayer plain = map.model().layer(IncidentLayer.NAME).orElseThrow().withPresentation(LayerPresentation.FEATURES);
        Viewport vp = view(71.535, 42.9, 5_000_000);
        List<SimpleFeature> singles = FrameFeatures.of(plain, vp);
        assertTrue(singles.stream().allMatch(f -> (Integer) f.getAttribute("count") == 1), singles.toString());
        assertTrue(drawn(vp).size() < singles.size(), "with clustering on, the same view merges them");
        assertEquals(total(drawn(vp)), singles.size(), "and counts each of them once");
    }

    @Test
    void identifyReturnsTheClusterWithItsCountAndMembers() throws Exception {
        Viewport vp = view(71.535, 42.9, 5_000_000);
        List<Hit> hits = new IdentifyService().identify(map.model(), vp, 600, 400, 5).stream()
                .filter(h -> h.layer().equals(IncidentLayer.NAME)).toList();
        assertEquals(1, hits.size(), hits.toString());
        assertEquals(12, hits.get(0).attributes().get("count"));
        assertEquals(10, hits.get(0).records().size(), "a click reads the first page of the list at once");
        Set<String> members = new HashSet<>();
        hits.get(0).pages().page(0, 20).forEach(i -> members.add(i.id()));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, members);
    }

    @Test
    void theClusterIsDrawnWithItsCount() throws Exception {
        Viewport vp = view(71.535, 42.9, 5_000_000);
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        List<PlacedLabel> labels = new MapRenderer().render(g, vp, map.model().visibleLayers(), () -> false).labels();
        g.dispose();
        assertTrue(labels.stream().anyMatch(l -> l.text().equals("12") && l.box().contains(600, 400)),
                "the count on the cluster: " + labels);
    }

    @Test
    void aClickHitsTheClustersOfTheFrameItIsGivenNotOnesFormedAgain() throws Exception {
        Viewport vp = view(71.535, 42.9, 5_000_000);
        MapLayer layer = map.model().layer(IncidentLayer.NAME).orElseThrow();
        IncidentIndex index = IncidentLayer.indexed(layer).orElseThrow().index();
        Envelope area = FrameLayers.gatherArea(vp);
        double cell = FrameLayers.cellMetres(layer, vp);
        List<IndexClusterer.Group> formed = IndexClusterer.cluster(index, area, cell);
        // The frame drew the Taraz cluster with a count it alone knows: the click must report that one.
        List<IndexClusterer.Group> drawn = formed.stream().map(g -> g.count() < 12 ? g
                : new IndexClusterer.Group(g.x(), g.y(), 5, g.topType(), g.casualties(), g.firstRow(), g.cells())).toList();
        FrameGroups.Builder frame = new FrameGroups.Builder();
        frame.add(index, area, cell, drawn);
        List<Hit> hits = new IdentifyService().identify(map.model(), vp, 600, 400, 5, frame.build()).stream()
                .filter(h -> h.layer().equals(IncidentLayer.NAME)).toList();
        assertEquals(1, hits.size(), hits.toString());
        assertEquals(5, hits.get(0).attributes().get("count"), "the count of the frame's cluster");
        List<Hit> elsewhere = new IdentifyService().identify(map.model(), vp.pannedBy(40, 0), 640, 400, 5,
                frame.build()).stream().filter(h -> h.layer().equals(IncidentLayer.NAME)).toList();
        assertEquals(12, elsewhere.get(0).attributes().get("count"), "a frame of another view is not used");
    }
}
