package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import kz.incidentmap.ImportedStreetsFixture;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.osm.SyntheticExtract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * What is drawn ahead while the view is still: the zoom step's frame then draws no tile of its own and
 * looks as a frame drawn whole; the ring round the view is kept for a pan; the user's acting stops it.
 */
class FramesAheadTest {

    private static final int W = 900;
    private static final int H = 600;
    private static final int CHANNEL_TOLERANCE = 40;
    private static final SyntheticExtract TOWN = new SyntheticExtract(50_000);
    private static final MapProjection PROJECTION = MapProjection.kazakhstan();

    @TempDir
    static Path tmp;

    private static LoadedMap map;

    @BeforeAll
    static void importTown() throws Exception {
        map = LoadedMap.load(TestMaps.MAPS, TestMaps.sampleIncidents(),
                ImportedStreets.inStore(ImportedStreetsFixture.town(tmp, TOWN)));
    }

    /** The town's centre at the wheel's scale nearest {@code scale}, its top-left corner on a whole pixel. */
    private static Viewport town(double scale) {
        double[] b = TOWN.bounds();
        Coordinate c = PROJECTION.toMap((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        return aligned(Viewport.atScale(c.x, c.y, ZoomSteps.nearestRungScale(scale), W, H));
    }

    /** {@code vp} moved by less than a pixel so that its top-left corner falls on a whole pixel of the tile grid. */
    private static Viewport aligned(Viewport vp) {
        double mpp = vp.metresPerPixel();
        return new Viewport(Math.round(vp.centerX() / mpp) * mpp, Math.round(vp.centerY() / mpp) * mpp, mpp, W, H);
    }

    private static BufferedImage draw(MapRenderer renderer, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            renderer.render(g, vp, map.model().visibleLayers(), () -> false);
        } finally {
            g.dispose();
        }
        return img;
    }

    @Test
    void afterIdleTheZoomStepsFramesDrawNoTileOfTheirOwn() throws Exception {
        Viewport vp = town(5_000);
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            draw(renderer, vp);
            long shown = TiledBasemap.count(vp);
            assertEquals(shown, window.tiles().size());
            // The pointer a third of the way in: the wheel zooms about it, the keys about the centre.
            List<Viewport> next = ZoomSteps.next(vp, W / 3.0, H / 3.0);
            new FramesAhead(window).draw(vp, next, map.model().visibleLayers(), () -> false);
            long ahead = window.tiles().aheadSize();
            long expected = FramesAhead.ring(vp) == null ? 0 : TiledBasemap.count(FramesAhead.ring(vp)) - shown;
            for (Viewport v : next) {
                expected += TiledBasemap.count(v);
            }
            assertEquals(expected, ahead, "every tile of the four zoom steps' views and of the ring round the view");
            int kept = window.tiles().size();
            for (Viewport v : next) {
                draw(renderer, v);
                assertEquals(kept, window.tiles().size(), "the frame at 1:" + Math.round(v.scaleDenominator())
                        + " drew no tile");
            }
            draw(renderer, vp.pannedBy(TileGrid.SIZE, TileGrid.SIZE / 2.0));
            assertEquals(kept, window.tiles().size(), "a pan of a tile drew none either");
        }
    }

    @Test
    void aFrameDrawnAheadLooksAsTheFrameDrawnWhole() throws Exception {
        for (double scale : new double[] {5_000, 25_000}) {
            Viewport vp = town(scale);
            Viewport zoomed = aligned(ZoomSteps.stepped(vp, W / 2.0, H / 2.0, 1));
            BufferedImage whole = draw(new MapRenderer(RenderContext.singleThreaded()), zoomed);
            try (RenderContext window = RenderContext.tiled()) {
                MapRenderer renderer = new MapRenderer(window);
                draw(renderer, vp);
                new FramesAhead(window).draw(vp, List.of(zoomed), map.model().visibleLayers(), () -> false);
                int kept = window.tiles().size();
                BufferedImage afterIdle = draw(renderer, zoomed);
                assertEquals(kept, window.tiles().size(), "no tile drawn for the frame");
                int n = differing(whole, afterIdle);
                assertTrue(n * 100L <= 2L * W * H, "1:" + scale + ": " + n + " of " + W * H + " pixels differ");
            }
        }
    }

    @Test
    void theUsersActingStopsTheDrawingAhead() throws Exception {
        Viewport vp = town(5_000);
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            draw(renderer, vp);
            List<Viewport> next = ZoomSteps.next(vp, W / 2.0, H / 2.0);
            AtomicInteger polled = new AtomicInteger();
            assertThrows(CancellationException.class, () -> new FramesAhead(window).draw(vp, next,
                    map.model().visibleLayers(), () -> polled.incrementAndGet() > 30));
            long all = TiledBasemap.count(FramesAhead.ring(vp)) - TiledBasemap.count(vp);
            for (Viewport v : next) {
                all += TiledBasemap.count(v);
            }
            assertTrue(window.tiles().aheadSize() < all, window.tiles().aheadSize() + " of " + all + " drawn ahead");
            // What was stopped halfway is not kept: the frame at the step is whole.
            Viewport zoomed = aligned(next.get(0));
            BufferedImage whole = draw(new MapRenderer(RenderContext.singleThreaded()), zoomed);
            int n = differing(whole, draw(renderer, zoomed));
            assertTrue(n * 100L <= 2L * W * H, n + " pixels differ from the frame drawn whole");
        }
    }

    @Test
    void whatIsDrawnAheadNeverPushesOutTheTilesOnScreen() throws Exception {
        Viewport vp = town(5_000);
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            draw(renderer, vp);
            var onScreen = window.tiles().kept().keySet();
            new FramesAhead(window).draw(vp, ZoomSteps.next(vp, W / 2.0, H / 2.0), map.model().visibleLayers(),
                    () -> false);
            assertTrue(window.tiles().kept().keySet().containsAll(onScreen), "the view's tiles are still kept");
            assertTrue(window.tiles().aheadSize() <= BaseTiles.KEPT_AHEAD);
        }
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)) > CHANNEL_TOLERANCE) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
