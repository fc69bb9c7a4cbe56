package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import kz.incidentmap.TestMaps;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layer order, opacity and the incident styles the layers panel offers. */
class MapModelTest {

    private static LoadedMap map;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
    }

    private static List<String> names(MapModel m) {
        return m.layers().stream().map(MapLayer::name).toList();
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    @Test
    void newStreetLayersTakeThePlaceOfTheOldOnesAndKeepTheirSettings() {
        MapModel m = map.model().moved("cities", -20).with("taraz-buildings", l -> l.withVisible(false));
        List<MapLayer> reread = map.model().layers().stream().filter(l -> StreetLayers.isStreetLayer(l.name()))
                .collect(Collectors.toCollection(ArrayList::new));
        MapLayer roads = map.model().layer("taraz-roads").orElseThrow();
        MapLayer imported = new MapLayer("osm-roads", "Streets \u00b7 OpenStreetMap", roads.source(), roads.style(),
                true, "OSM");
        reread.add(imported);

        MapModel after = m.withStreets(reread);

        List<String> streetNames = List.of("taraz-levels", "taraz-areas", "taraz-buildings", "taraz-roads",
                "taraz-pois", "osm-roads");
        assertEquals(join(List.of("cities", "countries", "oblasts"), streetNames, List.of("heatmap", "incidents")),
                names(after), "where the street layers were, after the user moved the cities down");
        assertEquals(false, after.layer("taraz-buildings").orElseThrow().visible(), "hidden before, hidden after");
        assertSame(m.layer("incidents").orElseThrow(), after.layer("incidents").orElseThrow());
        assertSame(imported, after.layer("osm-roads").orElseThrow());
    }

    @Test
    void streetLayersGoBelowTheCitiesWhenThereWereNone() {
        MapModel none = new MapModel(map.model().layers().stream()
                .filter(l -> !StreetLayers.isStreetLayer(l.name())).toList());
        List<MapLayer> streets = map.model().layers().stream().filter(l -> StreetLayers.isStreetLayer(l.name())).toList();
        assertEquals(names(map.model()), names(none.withStreets(streets)));
    }

    @Test
    void layersMoveUpAndDownAndStopAtTheEnds() {
        MapModel m = map.model();
        List<String> streets = List.of("taraz-levels", "taraz-areas", "taraz-buildings", "taraz-roads",
                "taraz-pois");
        assertEquals(join(List.of("countries", "oblasts"), streets, List.of("cities", "heatmap", "incidents")), names(m));
        assertEquals(join(List.of("countries", "oblasts"), streets, List.of("heatmap", "cities", "incidents")),
                names(m.moved("cities", 1)));
        assertEquals(join(List.of("oblasts", "countries"), streets, List.of("cities", "heatmap", "incidents")),
                names(m.moved("oblasts", -1)));
        assertEquals(names(m), names(m.moved("incidents", 3)), "the top layer stays on top");
        assertEquals(names(m), names(m.moved("no-such-layer", 1)));
    }

    @Test
    void theHeatMapFollowsTheIncidentsWhenTheyChange() throws Exception {
        LoadedMap other = TestMaps.load(List.of(TestMaps.incident("x", kz.incidentmap.model.IncidentType.THREAT, 60, 45, 0)));
        var newSource = other.model().layer(IncidentLayer.NAME).orElseThrow().source();
        MapModel changed = map.model().with(IncidentLayer.NAME, l -> l.withSource(newSource));
        assertSame(newSource, changed.layer(HeatmapLayer.NAME).orElseThrow().source());
        assertSame(map.model().layer("cities").orElseThrow().source(), changed.layer("cities").orElseThrow().source());
    }

    @Test
    void opacityIsKeptBetweenZeroAndOne() {
        MapLayer l = map.model().layer("oblasts").orElseThrow();
        assertEquals(0.4, l.withOpacity(0.4).opacity());
        assertThrows(IllegalArgumentException.class, () -> l.withOpacity(1.5));
        assertThrows(IllegalArgumentException.class, () -> l.withOpacity(Double.NaN));
    }

    private static List<String> titles(Style s) {
        return s.featureTypeStyles().stream().flatMap(f -> f.rules().stream()).map(Rule::getDescription)
                .map(d -> d.getTitle().toString()).toList();
    }

    @Test
    void incidentsCanBeStyledByTypeCasualtiesOrDate() throws Exception {
        var source = IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow()).orElseThrow();
        assertEquals(MapStyles.INCIDENT_SYMBOLS.size(), titles(IncidentStyling.BY_TYPE.style(source)).size());
        List<String> casualties = titles(IncidentStyling.BY_CASUALTIES.style(source));
        assertEquals("No casualties reported", casualties.get(0));
        assertTrue(casualties.contains("1\u20134 killed or wounded"), casualties.toString());
        // Both sample incidents are of one day: one date class, plus the class for unknown dates.
        assertEquals(List.of("2011-11-12", "Date unknown"), titles(IncidentStyling.BY_DATE.style(source)));
    }

    @Test
    void aClusteredStyleKeepsTheLayersRulesForSinglePointsAndAddsTheClusterSymbol() {
        Style base = MapStyles.incidents();
        Style clustered = ClusterStyles.clustered(base);
        List<String> t = titles(clustered);
        assertEquals(titles(base), t.subList(0, t.size() - 1));
        assertEquals(ClusterStyles.CLUSTER_TITLE, t.get(t.size() - 1));
        assertTrue(base.featureTypeStyles().get(0).rules().get(0).getFilter().toString().contains("type"));
        assertTrue(!base.featureTypeStyles().get(0).rules().get(0).getFilter().toString().contains("count"),
                "the layer's own style is not changed");
    }
}
