package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.PlacedLabel;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** Many imported streets are read from the store box by box, and the map looks and clicks the same. */
class QueriedStreetsTest {

    @TempDir
    static Path tmp;

    private static Path db;
    private static final MapProjection PROJECTION = MapProjection.kazakhstan();

    @BeforeAll
    static void importSmallFile() throws Exception {
        db = tmp.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.openOrCreate(db, Path.of("data/incidents.json"));
                StreetLayerWriter w = store.streetWriter("small.osm", 0)) {
            OsmImporter.run(Path.of("src/test/resources/osm/small.osm"), null, w, ImportProgress.NONE);
            w.commit();
        }
    }

    private static List<MapLayer> importedLayers(long inMemoryLimit) throws Exception {
        return StreetLayers.load(TestMaps.MAPS, ImportedStreets.inStore(db), PROJECTION, inMemoryLimit).stream()
                .filter(l -> l.name().startsWith(StreetLayers.IMPORTED)).toList();
    }

    private static int[] render(List<MapLayer> layers, Viewport vp, List<PlacedLabel> labels) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        labels.addAll(new MapRenderer().render(g, vp, layers, () -> false).labels());
        g.dispose();
        return img.getRGB(0, 0, vp.width(), vp.height(), null, 0, vp.width());
    }

    @Test
    void aStoreReadBoxByBoxDrawsWhatTheSameStreetsInMemoryDraw() throws Exception {
        List<MapLayer> queried = importedLayers(0);
        List<MapLayer> inMemory = importedLayers(Long.MAX_VALUE);
        assertEquals(inMemory.stream().map(MapLayer::name).toList(), queried.stream().map(MapLayer::name).toList());
        assertTrue(queried.stream().allMatch(l -> l.source() instanceof QueriedFeatureSource
                || l.source() instanceof QueriedLevelSource), "every layer reads the store box by box");
        Coordinate c = PROJECTION.toMap(71.3667, 42.8980);
        Viewport vp = Viewport.atScale(c.x, c.y, 5_000, 600, 400);
        List<PlacedLabel> fromStore = new ArrayList<>();
        List<PlacedLabel> fromMemory = new ArrayList<>();
        int[] a = render(queried, vp, fromStore);
        int[] b = render(inMemory, vp, fromMemory);
        assertTrue(fromStore.stream().anyMatch(l -> l.text().equals("Abai street")), fromStore.toString());
        assertEquals(fromMemory.stream().map(PlacedLabel::text).sorted().toList(),
                fromStore.stream().map(PlacedLabel::text).sorted().toList());
        // Features that overlap may come in another order from the store than from memory; nothing else differs.
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                differ++;
            }
        }
        assertTrue(differ < a.length / 200, differ + " of " + a.length + " pixels differ");
        assertTrue(Arrays.stream(a).distinct().count() > 10, "something was drawn");
    }

    @Test
    void identifyFindsAStreetReadFromTheStore() throws Exception {
        MapModel model = new MapModel(importedLayers(0));
        Coordinate c = PROJECTION.toMap(71.3660, 42.8980);
        Viewport vp = Viewport.atScale(c.x, c.y, 5_000, 801, 601);
        List<Hit> hits = new IdentifyService().identify(model, vp, 400.5, 300.5, 5);
        assertTrue(hits.stream().anyMatch(h -> h.layer().equals("osm-roads") && "Abai street".equals(h.attributes().get("name"))),
                hits.toString());
    }

    @Test
    void aQueryWithoutABoxGetsNothing() throws Exception {
        MapLayer roads = importedLayers(0).stream().filter(l -> l.name().equals("osm-roads")).findFirst().orElseThrow();
        assertEquals(0, roads.source().getFeatures().size());
    }
}
