package kz.incidentmap.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.FrameLayers;
import kz.incidentmap.render.IndexClusterer;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A click where tens of thousands of incidents lie: the cluster under it has the count the frame drew,
 * and its list — read a page at a time — is exactly its members ordered by distance from the click.
 */
class DenseIdentifyTest {

    private static List<Incident> incidents;
    private static MapLayer layer;
    private static IncidentIndex index;
    private static Coordinate almaty;

    @BeforeAll
    static void load() throws Exception {
        incidents = new ArrayList<>();
        SyntheticIncidents.forMaps(TestMaps.MAPS, 3).incidents(40_000).forEachRemaining(incidents::add);
        layer = IncidentLayer.of(incidents, MapProjection.kazakhstan());
        index = IncidentLayer.indexed(layer).orElseThrow().index();
        almaty = MapProjection.kazakhstan().toMap(76.9286, 43.2567);
    }

    /** Rows of the group, nearest the click first (ties by row id), as ids of their incidents. */
    private static List<String> byDistance(IndexClusterer.Group g, double cell, Coordinate click) {
        List<Integer> rows = new ArrayList<>();
        IndexClusterer.forEachMember(index, g, cell, rows::add);
        rows.sort(Comparator.comparingDouble((Integer r) -> Math.pow(index.x(r) - click.x, 2) + Math.pow(index.y(r) - click.y, 2))
                .thenComparingLong(index::fid));
        // In a layer made from a list, a row id is the incident's place in the list.
        return rows.stream().map(r -> incidents.get((int) index.fid(r)).id()).toList();
    }

    @Test
    void aClickOnADenseClusterGivesItsCountAndItsNearestMembersPageByPage() throws Exception {
        Viewport vp = Viewport.atScale(almaty.x, almaty.y, 12_000_000, 1920, 1080);
        Point2D at = vp.toScreen(almaty.x, almaty.y);
        List<Hit> hits = new IdentifyService().identify(new MapModel(List.of(layer)), vp, at.getX(), at.getY(), 5);
        Hit cluster = hits.get(0);
        int count = ((Number) cluster.attributes().get(ClusterStyles.COUNT)).intValue();
        assertTrue(count > 5_000, "a dense cluster: " + count);

        double cell = FrameLayers.cellMetres(layer, vp);
        Coordinate click = vp.toWorld(at.getX(), at.getY());
        IndexClusterer.Group drawn = IndexClusterer.cluster(index, FrameLayers.gatherArea(vp), cell).stream()
                .min(Comparator.comparingDouble(g -> Math.hypot(g.x() - click.x, g.y() - click.y))).orElseThrow();
        assertEquals(drawn.count(), count, "the count the frame drew");
        List<String> expected = byDistance(drawn, cell, click);
        assertEquals(expected.subList(0, 10), cluster.records().stream().map(Incident::id).toList(), "the first page");
        assertEquals(expected.subList(10, 35), cluster.pages().page(10, 25).stream().map(Incident::id).toList(),
                "the second page");
        assertEquals(expected.subList(count - 3, count), cluster.pages().page(count - 3, 25).stream().map(Incident::id).toList(),
                "the last page is short");
        assertTrue(cluster.extent().covers(almaty), "the cluster's extent holds the click");
    }

    @Test
    void atStreetScaleEveryIncidentUnderThePointerIsHitAndNothingFarther() throws Exception {
        // Centred on the incident nearest the city centre, so that the pointer is on a marker.
        int nearest = index.nearby(almaty.x, almaty.y, 5_000, 1).nearest()[0];
        Viewport vp = Viewport.atScale(index.x(nearest), index.y(nearest), 5_000, 1920, 1080);
        double tolerance = 5;
        List<Hit> hits = new IdentifyService().identify(new MapModel(List.of(layer)), vp, 960, 540, tolerance);
        Set<String> hit = new HashSet<>();
        for (Hit h : hits) {
            h.records().forEach(i -> hit.add(i.id()));
        }
        Coordinate click = vp.toWorld(960, 540);
        int under = 0;
        for (int r = 0; r < index.size(); r++) {
            double px = Math.hypot(index.x(r) - click.x, index.y(r) - click.y) / vp.metresPerPixel();
            String id = incidents.get((int) index.fid(r)).id();
            if (px <= tolerance) {
                under++;
                assertTrue(hit.contains(id), "incident " + id + " " + px + " px from the pointer is not hit");
            }
            if (hit.contains(id)) {
                // A marker is at most 42 px across, so its centre lies within 21 px plus the tolerance.
                assertTrue(px <= tolerance + 21 + FrameLayers.STACK_CELL_PX * 1.5, id + " is " + px + " px away");
            }
        }
        assertTrue(under > 0, "incidents lie under the pointer");
    }

    @Test
    void withClusteringOffAClickListsTheMarkersUnderThePointerWithTheirRecords() throws Exception {
        int nearest = index.nearby(almaty.x, almaty.y, 5_000, 1).nearest()[0];
        Viewport vp = Viewport.atScale(index.x(nearest), index.y(nearest), 5_000, 1920, 1080);
        MapLayer plain = layer.withPresentation(kz.incidentmap.layers.LayerPresentation.FEATURES);
        List<Hit> hits = new IdentifyService().identify(new MapModel(List.of(plain)), vp, 960, 540, 5);
        String centred = incidents.get((int) index.fid(nearest)).id();
        assertTrue(hits.stream().anyMatch(h -> h.featureId().equals(centred)), "the marker under the pointer: " + hits);
        for (Hit h : hits) {
            assertTrue(h.distancePx() <= 5, h.featureId() + " at " + h.distancePx() + " px");
            assertEquals(1, h.records().size());
            assertEquals(h.featureId(), h.records().get(0).id());
        }
        // At the country view the plain layer lists the nearest few of the thousands under the pointer.
        Viewport country = Viewport.atScale(almaty.x, almaty.y, 12_000_000, 1920, 1080);
        Point2D at = country.toScreen(almaty.x, almaty.y);
        List<Hit> many = new IdentifyService().identify(new MapModel(List.of(plain)), country, at.getX(), at.getY(), 5);
        assertEquals(IncidentHits.PLAIN_LIMIT, many.size());
    }
}
