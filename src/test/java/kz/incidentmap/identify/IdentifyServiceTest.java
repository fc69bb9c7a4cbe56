package kz.incidentmap.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class IdentifyServiceTest {

    private static LoadedMap map;
    private static Viewport market;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
        market = viewAt(TestMaps.MARKET_LON, TestMaps.MARKET_LAT, 5_000);
    }

    private static Viewport viewAt(double lon, double lat, double scale) {
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        return Viewport.atScale(c.x, c.y, scale, 1001, 1001);
    }

    private static List<Hit> incidentHits(List<Hit> hits) {
        return hits.stream().filter(h -> h.layer().equals(IncidentLayer.NAME)).toList();
    }

    @Test
    void clickOnTheMarketHitsTheBlastFirst() throws Exception {
        List<Hit> hits = new IdentifyService().identify(map.model(), market, 500.5, 500.5, 5);
        assertFalse(hits.isEmpty());
        Hit first = hits.get(0);
        assertEquals(IncidentLayer.NAME, first.layer());
        assertEquals("blast", first.featureId());
        assertEquals(0, first.distancePx(), 1e-9, "the click is on the marker");
        assertEquals(1, incidentHits(hits).size(), "only the blast is near the market: " + hits);
    }

    @Test
    void clickFarFromTheMarkerHitsNoIncident() throws Exception {
        List<Hit> hits = new IdentifyService().identify(map.model(), market, 700.5, 500.5, 5);
        assertTrue(incidentHits(hits).isEmpty(), "hits 200 px away: " + hits);
    }

    @Test
    void clickJustBesideTheMarkerStillHitsWithinTolerance() throws Exception {
        IdentifyService identify = new IdentifyService();
        // Somewhere between on the marker and far away there is a distance that is hit and one that is not.
        List<Hit> near = incidentHits(identify.identify(map.model(), market, 503.5, 500.5, 5));
        assertEquals(1, near.size());
        assertTrue(near.get(0).distancePx() <= 5);
        List<Hit> zeroTol = incidentHits(identify.identify(map.model(), market, 560.5, 500.5, 0));
        assertTrue(zeroTol.isEmpty(), "60 px away with no tolerance: " + zeroTol);
    }

    @Test
    void twoIncidentsAtTheSamePlaceAreOneStackThatListsBoth() throws Exception {
        List<Incident> incidents = new ArrayList<>(TestMaps.sampleIncidents());
        incidents.add(TestMaps.incident("second", IncidentType.ARMED_ATTACK, TestMaps.MARKET_LON,
                TestMaps.MARKET_LAT, 0));
        LoadedMap two = TestMaps.load(incidents);
        List<Hit> hits = incidentHits(new IdentifyService().identify(two.model(), market, 500.5, 500.5, 5));
        assertEquals(1, hits.size(), "one symbol on the spot: " + hits);
        assertEquals(2, hits.get(0).attributes().get("count"));
        Set<String> ids = Set.of(String.valueOf(hits.get(0).attributes().get("members")).split(","));
        assertEquals(Set.of("blast", "second"), ids);
        // Without clustering both markers are hit one by one.
        var plain = two.model().with(IncidentLayer.NAME, l -> l.withPresentation(LayerPresentation.FEATURES));
        Set<String> each = incidentHits(new IdentifyService().identify(plain, market, 500.5, 500.5, 5)).stream()
                .map(Hit::featureId).collect(Collectors.toSet());
        assertEquals(Set.of("blast", "second"), each);
    }

    @Test
    void hiddenIncidentLayerIsNotHit() throws Exception {
        var hidden = map.model().with(IncidentLayer.NAME, l -> l.withVisible(false));
        List<Hit> hits = new IdentifyService().identify(hidden, market, 500.5, 500.5, 5);
        assertTrue(incidentHits(hits).isEmpty(), "hidden layer hit: " + hits);
    }

    @Test
    void incidentsComeFirstAndEachLayerIsSortedByDistance() throws Exception {
        Viewport taraz = viewAt(TestMaps.MARKET_LON, TestMaps.MARKET_LAT, 50_000);
        List<Hit> hits = new IdentifyService().identify(map.model(), taraz, 500.5, 500.5, 20);
        boolean otherSeen = false;
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (h.layer().equals(IncidentLayer.NAME)) {
                assertFalse(otherSeen, "incident after another layer: " + hits);
            } else {
                otherSeen = true;
            }
            if (i > 0 && hits.get(i - 1).layer().equals(h.layer())) {
                assertTrue(hits.get(i - 1).distancePx() <= h.distancePx(), "not nearest first: " + hits);
            }
        }
        assertTrue(hits.stream().anyMatch(h -> h.layer().equals(IncidentLayer.NAME)), "no incident: " + hits);
    }

    @Test
    void emptySteppeHasNoIncidentOrCity() throws Exception {
        Viewport steppe = viewAt(TestMaps.STEPPE_LON, TestMaps.STEPPE_LAT, 50_000);
        List<Hit> hits = new IdentifyService().identify(map.model(), steppe, 500.5, 500.5, 5);
        for (Hit h : hits) {
            assertTrue(Set.of("countries", "oblasts").contains(h.layer()), "unexpected hit: " + h);
            assertFalse(h.attributes().values().stream().anyMatch(v -> v instanceof org.locationtech.jts.geom.Geometry));
        }
    }
}
