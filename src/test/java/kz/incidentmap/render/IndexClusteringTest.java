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
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.FilterFactory;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Clustering straight from the index at scale: forty thousand incidents clustered around cities like
 * real records, seen at country, oblast, city and street scales. Counts, membership and the plain
 * (unclustered) view must agree exactly; nothing is lost or counted twice.
 */
class IndexClusteringTest {

    private static final int COUNT = 40_000;
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    private static MapLayer layer;
    private static IncidentIndex index;
    private static List<Viewport> views;

    @BeforeAll
    static void load() throws Exception {
        List<Incident> incidents = new ArrayList<>();
        SyntheticIncidents.forMaps(TestMaps.MAPS, 7).incidents(COUNT).forEachRemaining(incidents::add);
        layer = IncidentLayer.of(incidents, MapProjection.kazakhstan());
        index = IncidentLayer.indexed(layer).orElseThrow().index();
        MapProjection p = MapProjection.kazakhstan();
        Coordinate almaty = p.toMap(76.9286, 43.2567);
        Coordinate taraz = p.toMap(71.3670, 42.8970);
        views = List.of(Viewport.atScale(almaty.x, almaty.y, 12_000_000, 1920, 1080),
                Viewport.atScale(taraz.x, taraz.y, 1_000_000, 1920, 1080),
                Viewport.atScale(almaty.x, almaty.y, 100_000, 1920, 1080),
                Viewport.atScale(almaty.x, almaty.y, 5_000, 1920, 1080));
    }

    /** Rows in the grid cells the frame touches: a plain scan of every incident. */
    private static Set<Integer> rowsIn(Envelope frame, double cell) {
        long c0 = (long) Math.floor(frame.getMinX() / cell);
        long c1 = (long) Math.floor(frame.getMaxX() / cell);
        long r0 = (long) Math.floor(frame.getMinY() / cell);
        long r1 = (long) Math.floor(frame.getMaxY() / cell);
        Set<Integer> rows = new HashSet<>();
        for (int r = 0; r < index.size(); r++) {
            long c = (long) Math.floor(index.x(r) / cell);
            long w = (long) Math.floor(index.y(r) / cell);
            if (c >= c0 && c <= c1 && w >= r0 && w <= r1) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Test
    void everyIncidentInTheFrameIsInExactlyOneGroupAndTheCountsAddUp() {
        for (Viewport vp : views) {
            Envelope area = FrameLayers.gatherArea(vp);
            double cell = FrameLayers.cellMetres(layer, vp);
            Set<Integer> expected = rowsIn(area, cell);
            Set<Integer> seen = new HashSet<>();
            long counted = 0;
            for (IndexClusterer.Group g : IndexClusterer.cluster(index, area, cell)) {
                counted += g.count();
                List<Integer> members = new ArrayList<>();
                IndexClusterer.forEachMember(index, g, cell, members::add);
                assertEquals(g.count(), members.size(), "a group's count is its members at 1:" + vp.scaleDenominator());
                for (int row : members) {
                    assertTrue(seen.add(row), "row " + row + " in two groups at 1:" + vp.scaleDenominator());
                    assertTrue(IndexClusterer.isMember(index, g, cell, row));
                }
            }
            assertTrue(expected.size() > 20, expected.size() + " incidents in view: the test needs a dense view");
            assertEquals(expected.size(), counted, "counts at 1:" + vp.scaleDenominator());
            assertEquals(expected, seen, "members at 1:" + vp.scaleDenominator());
        }
    }

    @Test
    void theClusteredAndThePlainViewAgreeOnCounts() throws Exception {
        MapLayer plain = layer.withPresentation(LayerPresentation.FEATURES);
        for (Viewport vp : views) {
            Envelope area = IndexClusterer.wholeCells(FrameLayers.gatherArea(vp), FrameLayers.cellMetres(layer, vp));
            long clustered = 0;
            for (SimpleFeature f : FrameFeatures.of(layer, vp)) {
                clustered += ((Number) f.getAttribute("count")).intValue();
            }
            IncidentFeatureSource source = IncidentLayer.indexed(plain).orElseThrow();
            long features = 0;
            var bbox = FF.bbox(FF.property("geom"), new ReferencedEnvelope(area, source.getSchema().getCoordinateReferenceSystem()));
            try (SimpleFeatureIterator it = source.getFeatures(bbox).features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    features++;
                    assertTrue(f.getAttribute("title") != null, "a plain feature carries its record: " + f);
                }
            }
            assertEquals(features, clustered, "clustered and plain at 1:" + vp.scaleDenominator());
        }
    }

    @Test
    void clusterSymbolsStayApartAtCountryAndOblastScales() {
        for (Viewport vp : views.subList(0, 3)) {
            double cell = FrameLayers.cellMetres(layer, vp);
            List<IndexClusterer.Group> groups = IndexClusterer.cluster(index, FrameLayers.gatherArea(vp), cell);
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    double d = Math.hypot(groups.get(i).x() - groups.get(j).x(), groups.get(i).y() - groups.get(j).y());
                    assertTrue(d >= cell * 0.999, "two symbols " + d / vp.metresPerPixel() + " px apart at 1:"
                            + vp.scaleDenominator());
                }
            }
        }
    }

    @Test
    void aFrameCarriesTheGroupsItDrewForTheClickThatFollows() throws Exception {
        Viewport vp = views.get(0);
        Envelope area = FrameLayers.gatherArea(vp);
        double cell = FrameLayers.cellMetres(layer, vp);
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        FrameGroups drawn;
        try {
            drawn = new MapRenderer().render(g, vp, List.of(layer), () -> false).groups();
        } finally {
            g.dispose();
        }
        List<IndexClusterer.Group> groups = drawn.of(index, area, cell).orElseThrow();
        assertEquals(looks(IndexClusterer.cluster(index, area, cell)), looks(groups));
        assertEquals(looks(groups), looks(new MapRenderer().groups(vp, List.of(layer)).of(index, area, cell)
                .orElseThrow()), "the groups found without drawing are those drawn");
        assertTrue(drawn.of(index.filtered(r -> true), area, cell).isEmpty(),
                "another index (after an edit) is binned afresh");
        assertTrue(drawn.of(index, FrameLayers.gatherArea(vp.pannedBy(30, 0)), cell).isEmpty(),
                "a frame of another view is not the one clicked on");
    }

    /** Where each group is and how many it holds. */
    private static List<String> looks(List<IndexClusterer.Group> groups) {
        return groups.stream().map(g -> g.x() + "," + g.y() + "," + g.count()).toList();
    }

    @Test
    void withClusteringOffEveryIncidentIsItsOwnGroupTheMostCasualtiesDrawnLast() {
        Envelope area = FrameLayers.gatherArea(views.get(1));
        List<IndexClusterer.Group> singles = IndexClusterer.singles(index, area);
        long expected = 0;
        for (int r = 0; r < index.size(); r++) {
            expected += area.covers(index.x(r), index.y(r)) ? 1 : 0;
        }
        assertEquals(expected, singles.size());
        Set<Integer> rows = new HashSet<>();
        for (int k = 0; k < singles.size(); k++) {
            IndexClusterer.Group g = singles.get(k);
            assertEquals(1, g.count());
            assertTrue(rows.add(g.firstRow()), "row " + g.firstRow() + " twice");
            if (k > 0) {
                assertTrue(Math.min(63, g.casualties()) >= Math.min(63, singles.get(k - 1).casualties()),
                        "drawn in order of casualties");
            }
        }
    }
}
