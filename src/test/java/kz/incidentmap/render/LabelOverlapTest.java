package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/** In a rendered view no two labels of any layers overlap, and none is cut by the frame's edge. */
class LabelOverlapTest {

    @TempDir
    static Path tmp;
    private static LoadedMap map;

    /** The shipped incidents, through a store seeded from the curated records. */
    @BeforeAll
    static void load() throws Exception {
        try (IncidentStore store = IncidentStore.openOrCreate(tmp.resolve("labels.gpkg"), Path.of("data", "incidents.json"))) {
            map = TestMaps.load(store.all());
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 0", "71.4, 43.0, 3000000", "76.9, 43.3, 1500000", "71.37, 42.9, 50000", "69.6, 42.3, 700000"})
    void placedLabelsAreDisjoint(double lon, double lat, double scale) throws Exception {
        Viewport vp;
        if (scale == 0) {
            vp = Viewport.fitting(map.home(), 1400, 900, 20);
        } else {
            Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
            vp = Viewport.atScale(c.x, c.y, scale, 1400, 900);
        }
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        List<PlacedLabel> labels = new MapRenderer().render(g, vp, map.model().visibleLayers(), () -> false).labels();
        g.dispose();
        assertFalse(labels.isEmpty(), "some labels at 1:" + vp.scaleDenominator());
        Rectangle2D frame = new Rectangle2D.Double(0, 0, vp.width(), vp.height());
        for (int i = 0; i < labels.size(); i++) {
            assertTrue(frame.contains(labels.get(i).box()), labels.get(i) + " is cut by the frame");
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).box().intersects(labels.get(j).box()),
                        labels.get(i) + " overlaps " + labels.get(j));
            }
        }
    }
}
