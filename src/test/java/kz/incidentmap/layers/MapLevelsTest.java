package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.geotools.api.data.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * An imported town has a map at every scale: the generalised levels stored at import are drawn between
 * 1:1,000,000 and 1:25,000, the streets below; in memory and read box by box alike; and a store imported
 * into before levels existed gets them built as the map opens.
 */
class MapLevelsTest {

    private static final MapProjection PROJECTION = MapProjection.kazakhstan();
    private static final double[] SCALES = {1_000_000, 250_000, 50_000, 5_000};
    private static final SyntheticExtract TOWN = new SyntheticExtract(50_000);

    @TempDir
    static Path tmp;

    private static Path db;

    @BeforeAll
    static void importTownAndWestOakland() throws Exception {
        db = tmp.resolve("s.gpkg");
        Path town = tmp.resolve("town.osm");
        TOWN.writeXml(town);
        try (IncidentStore store = IncidentStore.openOrCreate(db, Path.of("data/incidents.json"))) {
            for (Path file : List.of(town, Path.of("src/test/resources/osm/west-oakland.osm.bz2"))) {
                try (StreetLayerWriter w = store.streetWriter(file.getFileName().toString(), 0)) {
                    OsmImporter.run(file, null, w, ImportProgress.NONE);
                    w.commit();
                }
            }
        }
    }

    private static List<MapLayer> imported(Path store, long inMemoryLimit) throws Exception {
        return StreetLayers.load(TestMaps.MAPS, ImportedStreets.inStore(store), PROJECTION, inMemoryLimit).stream()
                .filter(l -> l.name().startsWith(StreetLayers.IMPORTED)).toList();
    }

    /** Pixels other than the background after drawing {@code layers} about lon/lat at 1:scale. */
    private static int drawn(List<MapLayer> layers, double lon, double lat, double scale) throws Exception {
        Coordinate c = PROJECTION.toMap(lon, lat);
        Viewport vp = Viewport.atScale(c.x, c.y, scale, 400, 300);
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, vp, layers, () -> false);
        g.dispose();
        int background = MapRenderer.BACKGROUND.getRGB();
        int n = 0;
        for (int p : img.getRGB(0, 0, 400, 300, null, 0, 400)) {
            n += p != background ? 1 : 0;
        }
        return n;
    }

    private static double[] townCentre() {
        double[] b = TOWN.bounds();
        return new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2};
    }

    @Test
    void theStoredLevelsAreValidAndKeepWhatEachLevelShows() throws Exception {
        ImportedStreets store = ImportedStreets.inStore(db);
        try {
            assertTrue(store.hasLevels());
            for (MapLevel level : MapLevel.values()) {
                List<LevelFeature> features = store.level(level, null);
                assertFalse(features.isEmpty(), level.key());
                assertTrue(features.stream().allMatch(f -> f.geometry().isValid()), level.key());
            }
            assertTrue(store.level(MapLevel.OVERVIEW, null).stream().allMatch(f -> "primary".equals(f.type())),
                    "the town's main streets; West Oakland has no main road");
            assertTrue(store.level(MapLevel.REGIONAL, null).stream().anyMatch(f -> "7th Street".equals(f.name())),
                    "West Oakland's secondary road");
            assertTrue(store.level(MapLevel.REGIONAL, null).stream().anyMatch(f -> "builtup".equals(f.kind())),
                    "West Oakland's residential land use as a built-up area");
        } finally {
            store.close();
        }
    }

    @Test
    void everyScaleOfTheTownHasAMapInMemoryAndReadBoxByBox() throws Exception {
        double[] c = townCentre();
        for (long limit : new long[] {Long.MAX_VALUE, 0}) {
            List<MapLayer> layers = imported(db, limit);
            List<MapLayer> streetsOnly = layers.stream().filter(l -> !isLevel(l)).toList();
            for (double scale : SCALES) {
                int n = drawn(layers, c[0], c[1], scale);
                assertTrue(n > 20, "1:" + (long) scale + " (limit " + limit + "): " + n + " pixels");
                if (scale > StreetStyles.MAX_SCALE) {
                    assertEquals(0, drawn(streetsOnly, c[0], c[1], scale), "the levels draw it, not the streets");
                }
            }
        }
    }

    @Test
    void readBoxByBoxAFrameReadsOnlyTheLevelDrawnAtItsScale() throws Exception {
        MapLayer levels = imported(db, 0).get(0);
        assertTrue(levels.source() instanceof QueriedLevelSource);
        double[] c = townCentre();
        Coordinate centre = PROJECTION.toMap(c[0], c[1]);
        Viewport vp = Viewport.atScale(centre.x, centre.y, 1_000_000, 400, 300);
        var ff = org.geotools.factory.CommonFactoryFinder.getFilterFactory();
        java.util.function.Supplier<Query> box = () -> new Query(levels.source().getSchema().getTypeName(),
                ff.bbox(ff.property("geom"), new org.geotools.geometry.jts.ReferencedEnvelope(vp.bounds(),
                        levels.source().getSchema().getCoordinateReferenceSystem())));
        java.util.Set<Object> hinted = new java.util.HashSet<>();
        try (var it = levels.source().getFeatures(FrameScale.hinted(box.get(), 1_000_000)).features()) {
            while (it.hasNext()) {
                hinted.add(it.next().getAttribute("level"));
            }
        }
        assertEquals(java.util.Set.of("overview"), hinted);
        java.util.Set<Object> all = new java.util.HashSet<>();
        try (var it = levels.source().getFeatures(box.get()).features()) {
            while (it.hasNext()) {
                all.add(it.next().getAttribute("level"));
            }
        }
        assertEquals(java.util.Set.of("overview", "regional", "local"), all, "a query that gives no scale, a click's");
    }

    @Test
    void aRiverIsNamedAlongItAtStreetScaleAndOnTheLevels() throws Exception {
        var gf = new org.locationtech.jts.geom.GeometryFactory();
        var river = new kz.incidentmap.model.StreetFeature(kz.incidentmap.model.StreetLayer.WATER, "w1",
                gf.createLineString(new Coordinate[] {new Coordinate(75.00, 45.000), new Coordinate(75.02, 45.002),
                    new Coordinate(75.04, 45.000), new Coordinate(75.06, 45.003)}), "waterway", "river", "Talas", null,
                null);
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, List.of(river), PROJECTION).stream()
                .filter(l -> l.name().startsWith(StreetLayers.IMPORTED)).toList();
        Coordinate c = PROJECTION.toMap(75.03, 45.001);
        for (double scale : new double[] {10_000, 50_000, 150_000}) {
            Viewport vp = Viewport.atScale(c.x, c.y, scale, 600, 300);
            BufferedImage img = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            List<String> labels = new MapRenderer().render(g, vp, layers, () -> false).labels().stream()
                    .map(kz.incidentmap.render.PlacedLabel::text).toList();
            g.dispose();
            assertTrue(labels.contains("Talas"), "1:" + (long) scale + ": " + labels);
        }
    }

    @Test
    void aRealExtractHasAMapFromOneToAQuarterMillionDown() throws Exception {
        List<MapLayer> layers = imported(db, Long.MAX_VALUE);
        for (double scale : new double[] {250_000, 50_000, 5_000}) {
            assertTrue(drawn(layers, -122.3005, 37.8077, scale) > 20, "West Oakland at 1:" + (long) scale);
        }
    }

    @Test
    void aStoreImportedIntoBeforeLevelsExistedGetsThemBuiltAsItOpens() throws Exception {
        Path old = Files.copy(db, tmp.resolve("old.gpkg"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            for (MapLevel level : MapLevel.values()) {
                for (String t : List.of(level.linesTable(), level.areasTable())) {
                    s.execute("DROP TABLE " + t);
                    s.execute("DROP TABLE rtree_" + t + "_geom");
                    s.execute("DELETE FROM gpkg_contents WHERE table_name = '" + t + "'");
                    s.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = '" + t + "'");
                    s.execute("DELETE FROM gpkg_extensions WHERE table_name = '" + t + "'");
                }
            }
        }
        ImportedStreets store = ImportedStreets.inStore(old);
        assertFalse(store.hasLevels());
        store.close();
        List<MapLayer> layers = imported(old, Long.MAX_VALUE);
        MapLayer levels = layers.stream().filter(l -> l.name().equals("osm-levels")).findFirst().orElseThrow();
        assertEquals(imported(db, Long.MAX_VALUE).get(0).source().getCount(Query.ALL),
                levels.source().getCount(Query.ALL), "the same levels as the import stores");
        double[] c = townCentre();
        assertTrue(drawn(layers, c[0], c[1], 1_000_000) > 20);
    }

    private static boolean isLevel(MapLayer l) {
        return l.name().endsWith(LevelLayers.LEVELS);
    }
}
