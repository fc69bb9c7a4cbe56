package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerKind;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * A frame that reuses the basemap of the frames before it (same view, same layers under the incidents)
 * is the frame drawn from nothing: every pixel and every label the same, whatever the incidents show.
 */
class BaseFramesTest {

    private static LoadedMap map;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
    }

    private record Drawn(BufferedImage image, List<PlacedLabel> labels) {
    }

    private static Drawn draw(MapRenderer renderer, Viewport vp, MapModel model) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            return new Drawn(img, renderer.render(g, vp, model.visibleLayers(), () -> false).labels());
        } finally {
            g.dispose();
        }
    }

    private static void assertSame(Drawn expected, Drawn actual, String what) {
        assertEquals(expected.labels(), actual.labels(), what + ": the labels");
        int differ = 0;
        for (int y = 0; y < expected.image().getHeight(); y++) {
            for (int x = 0; x < expected.image().getWidth(); x++) {
                differ += expected.image().getRGB(x, y) != actual.image().getRGB(x, y) ? 1 : 0;
            }
        }
        assertEquals(0, differ, what + ": pixels that differ");
    }

    private static MapModel only(IncidentType type) {
        return map.model().with(IncidentLayer.NAME, l -> {
            IncidentFeatureSource s = IncidentLayer.indexed(l).orElseThrow();
            return l.withSource(s.withIndex(s.index().filtered(r -> s.index().type(r) == type)));
        });
    }

    @Test
    void aFrameOnAKeptBasemapIsTheFrameDrawnAfresh() throws Exception {
        Envelope home = map.home();
        Viewport vp = Viewport.fitting(home, 900, 600, 10);
        try (RenderContext context = RenderContext.open()) {
            MapRenderer kept = new MapRenderer(context);
            BaseFrames.Key key = new BaseFrames.Key(vp, List.copyOf(map.model().visibleLayers().stream()
                    .takeWhile(l -> l.kind() == LayerKind.FEATURES).toList()), BufferedImage.TYPE_INT_ARGB_PRE);
            Drawn first = draw(kept, vp, map.model());
            assertNull(context.baseFrames().get(key), "a view seen once is not kept");
            Drawn second = draw(kept, vp, map.model());
            Drawn third = draw(kept, vp, map.model());
            Drawn fresh = draw(new MapRenderer(), vp, map.model());
            assertSame(fresh, first, "the first frame");
            assertSame(fresh, second, "the frame that kept the basemap");
            assertSame(fresh, third, "a frame drawn on the kept basemap");

            // Another filter: the incidents change, the basemap is reused, the frame is still the fresh one.
            for (IncidentType type : List.of(IncidentType.SUICIDE_BOMBING, IncidentType.EXPLOSION)) {
                Drawn narrowed = draw(kept, vp, only(type));
                assertNotNull(context.baseFrames().get(key), "kept while the view and the basemap stay");
                assertSame(draw(new MapRenderer(), vp, only(type)), narrowed, type.label() + " only");
            }

            // A basemap layer hidden: another basemap, drawn anew.
            MapModel noCities = map.model().with("cities", l -> new MapLayer(l.name(), l.title(), l.source(), l.style(),
                    false, l.attribution(), l.opacity(), l.presentation()));
            assertFalse(noCities.visibleLayers().equals(map.model().visibleLayers()));
            assertSame(draw(new MapRenderer(), vp, noCities), draw(kept, vp, noCities), "without the cities");
            assertTrue(first.labels().size() > 3, "the frame has labels to compare: " + first.labels());
        }
    }
}
