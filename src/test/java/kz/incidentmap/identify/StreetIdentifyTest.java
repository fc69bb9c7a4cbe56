package kz.incidentmap.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** A click on a street names the street; the street layers are not hit where they are not drawn. */
class StreetIdentifyTest {

    private static LoadedMap map;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
    }

    private static List<Hit> at(double lon, double lat, double scale) throws Exception {
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        Viewport vp = Viewport.atScale(c.x, c.y, scale, 801, 601);
        return new IdentifyService().identify(map.model(), vp, 400.5, 300.5, IdentifyService.DEFAULT_TOLERANCE_PX);
    }

    @Test
    void aClickOnAbaiStreetReturnsTheStreetWithItsNames() throws Exception {
        List<Hit> hits = at(71.36550, 42.89801, 5_000);
        Hit street = hits.stream().filter(h -> h.layer().equals(StreetLayers.SCHEMATIC + StreetLayers.ROADS))
                .findFirst().orElseThrow(() -> new AssertionError(hits.toString()));
        assertEquals("Abai street", street.attributes().get("name"));
        assertEquals("\u0443\u043b\u0438\u0446\u0430 \u0410\u0431\u0430\u044f", street.attributes().get("name_ru"));
        assertEquals("secondary", street.attributes().get("type"));
        assertTrue(street.distancePx() < 1, "the click is on the centre-line");
    }

    @Test
    void theBlastMarkerComesBeforeTheMarketItStandsIn() throws Exception {
        List<Hit> hits = at(TestMaps.MARKET_LON, TestMaps.MARKET_LAT, 5_000);
        assertEquals("incidents", hits.get(0).layer());
        assertTrue(hits.stream().anyMatch(h -> "marketplace".equals(h.attributes().get("type"))), hits.toString());
    }

    @Test
    void aClickOnTheDrawnEdgeOfAWideStreetHitsIt() throws Exception {
        // About 10 m (7 px at 1:5,000) north of the centre-line of Abai street: beyond the click tolerance
        // from the line, but on the road as drawn.
        List<Hit> hits = at(71.36550, 42.89810, 5_000);
        assertTrue(hits.stream().anyMatch(h -> "Abai street".equals(h.attributes().get("name"))), hits.toString());
        List<Hit> farther = at(71.36550, 42.89830, 5_000);
        assertTrue(farther.stream().noneMatch(h -> "Abai street".equals(h.attributes().get("name"))), farther.toString());
    }

    @Test
    void streetsAreNotHitAtTheCountryScale() throws Exception {
        List<Hit> hits = at(71.36550, 42.89801, 4_000_000);
        assertTrue(hits.stream().noneMatch(h -> h.layer().startsWith(StreetLayers.SCHEMATIC)), hits.toString());
    }

    @Test
    void atOneToAMillionOnlyTheMainRoadsOfTheOverviewAreHit() throws Exception {
        List<Hit> hits = at(71.36550, 42.89801, 1_000_000);
        List<Hit> streets = hits.stream().filter(h -> h.layer().startsWith(StreetLayers.SCHEMATIC)).toList();
        assertTrue(!streets.isEmpty(), hits.toString());
        assertTrue(streets.stream().allMatch(h -> h.layer().equals("taraz-levels")
                && "overview".equals(h.attributes().get("level")) && "primary".equals(h.attributes().get("type"))), streets.toString());
    }
}
