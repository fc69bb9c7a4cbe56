package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.ImportedStreetsFixture;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.store.StoreConnections;
import kz.incidentmap.store.StreetLayerQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * Road names and numbers between the country and the street: the levels keep a road's number, and draw
 * the numbers of trunk roads at the overview, names and numbers of main roads at the regional level.
 */
class LevelRoadLabelsTest {

    /** A trunk road "M-39" of 30 km and a primary "Tole Bi avenue" of 20 km, east of Taraz. */
    private static final String OSM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="43.000" lon="71.50"/>
              <node id="2" lat="43.010" lon="71.70"/>
              <node id="3" lat="43.020" lon="71.87"/>
              <node id="4" lat="42.950" lon="71.55"/>
              <node id="5" lat="42.955" lon="71.80"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
                <tag k="highway" v="trunk"/><tag k="ref" v="M-39"/><tag k="name" v="Almaty highway"/></way>
              <way id="11"><nd ref="4"/><nd ref="5"/>
                <tag k="highway" v="primary"/><tag k="ref" v="A-2"/><tag k="name" v="Tole Bi avenue"/></way>
            </osm>
            """;

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void importRoads() throws Exception {
        db = ImportedStreetsFixture.imported(tmp.resolve("roads.gpkg"), Files.writeString(tmp.resolve("roads.osm"), OSM));
    }

    private Set<String> labels(double scale) throws Exception {
        LoadedMap map = LoadedMap.load(TestMaps.MAPS, List.of(), ImportedStreets.inStore(db));
        Coordinate c = MapProjection.kazakhstan().toMap(71.68, 42.99);
        Viewport vp = Viewport.atScale(c.x, c.y, scale, 1200, 800);
        RenderedFrame frame = new MapRenderer().render(new BufferedImage(1200, 800, BufferedImage.TYPE_INT_ARGB)
                .createGraphics(), vp, map.model().visibleLayers(), () -> false);
        return frame.labels().stream().map(PlacedLabel::text).collect(Collectors.toSet());
    }

    @Test
    void theLevelsKeepTheRoadNumbers() throws Exception {
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            for (MapLevel level : MapLevel.values()) {
                List<LevelFeature> trunk = q.level(level, null).stream()
                        .filter(f -> "Almaty highway".equals(f.name())).toList();
                assertFalse(trunk.isEmpty(), level.key());
                assertTrue(trunk.stream().allMatch(f -> "M-39".equals(f.ref())), level + ": " + trunk);
            }
        }
    }

    @Test
    void theOverviewShowsTrunkNumbersAndTheRegionalLevelMainRoadsNamesAndNumbers() throws Exception {
        Set<String> overview = labels(600_000);
        assertTrue(overview.contains("M-39"), overview.toString());
        assertFalse(overview.contains("Almaty highway"), "no road names at the overview: " + overview);
        assertFalse(overview.contains("A-2"), "a primary road's number waits for the regional level: " + overview);
        Set<String> regional = labels(150_000);
        assertTrue(regional.containsAll(Set.of("M-39", "A-2", "Tole Bi avenue")), regional.toString());
    }

    @Test
    void levelsBuiltBeforeTheyKeptNumbersAreReadWithoutAndGetThemOnTheNextImport() throws Exception {
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            for (MapLevel level : MapLevel.values()) {
                s.execute("ALTER TABLE " + level.linesTable() + " DROP COLUMN ref");
                s.execute("ALTER TABLE " + level.areasTable() + " DROP COLUMN ref");
            }
        }
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            List<LevelFeature> regional = q.level(MapLevel.REGIONAL, null);
            assertFalse(regional.isEmpty());
            assertTrue(regional.stream().allMatch(f -> f.ref() == null), regional.toString());
        }
        importRoads();
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            assertEquals(Set.of("M-39", "A-2"), q.level(MapLevel.REGIONAL, null).stream().map(LevelFeature::ref)
                    .collect(Collectors.toSet()));
        }
    }
}
