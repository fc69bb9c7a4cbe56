package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import kz.incidentmap.ImportedStreetsFixture;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.osm.SyntheticExtract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * The window's frames, whose basemap is copied from kept tiles: they look as a frame drawn whole does,
 * whatever the view; a pan draws only the tiles that came into view; a frame seen again draws none; a
 * cancelled frame keeps no half-drawn tile; a label is offered by one tile only.
 */
class TiledFramesTest {

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

    /** A view whose top-left corner falls on a whole pixel of the tile grid, so that nothing is rounded. */
    private static Viewport aligned(double lon, double lat, double scale) {
        Coordinate c = PROJECTION.toMap(lon, lat);
        Viewport vp = Viewport.atScale(c.x, c.y, scale, W, H);
        double mpp = vp.metresPerPixel();
        return new Viewport(Math.round(c.x / mpp) * mpp, Math.round(c.y / mpp) * mpp, mpp, W, H);
    }

    static Stream<Arguments> views() {
        double[] b = TOWN.bounds();
        double lon = (b[0] + b[2]) / 2;
        double lat = (b[1] + b[3]) / 2;
        return Stream.of(Arguments.of("country", 8_000_000.0, 67.0, 48.0),
                Arguments.of("Taraz market 1:5,000", 5_000.0, TestMaps.MARKET_LON, TestMaps.MARKET_LAT),
                Arguments.of("town 1:5,000", 5_000.0, lon, lat),
                Arguments.of("town 1:25,000", 25_000.0, lon, lat),
                Arguments.of("town 1:250,000", 250_000.0, lon, lat));
    }

    private static BufferedImage draw(MapRenderer renderer, Viewport vp, BooleanSupplier cancelled) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            renderer.render(g, vp, map.model().visibleLayers(), cancelled);
        } finally {
            g.dispose();
        }
        return img;
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

    /**
     * Tiled and whole, the shapes are the same pixels; what differs is where a street's name falls along
     * it (the placer sees the street's parts beyond the frame too), a few labels' worth of pixels.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void aTiledFrameLooksAsAFrameDrawnWhole(String name, double scale, double lon, double lat) throws Exception {
        Viewport vp = aligned(lon, lat, scale).pannedBy(0, 0);
        BufferedImage whole = draw(new MapRenderer(RenderContext.singleThreaded()), vp, () -> false);
        try (RenderContext window = RenderContext.tiled()) {
            BufferedImage tiled = draw(new MapRenderer(window), vp, () -> false);
            int n = differing(whole, tiled);
            if (Boolean.getBoolean("tiles.write")) {
                javax.imageio.ImageIO.write(whole, "png", new java.io.File("target/whole-" + name.replace(' ', '_') + ".png"));
                javax.imageio.ImageIO.write(tiled, "png", new java.io.File("target/tiled-" + name.replace(' ', '_') + ".png"));
            }
            assertTrue(n * 100L <= 2L * W * H, name + ": " + n + " of " + W * H + " pixels differ");
        }
    }

    @Test
    void aPanDrawsOnlyTheTilesThatCameIntoViewAndASecondLookDrawsNone() throws Exception {
        double[] b = TOWN.bounds();
        Viewport vp = aligned((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 5_000);
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            BufferedImage first = draw(renderer, vp, () -> false);
            TileGrid.Span span = TileGrid.span(vp);
            long shown = (span.col1() - span.col0() + 1) * (span.row1() - span.row0() + 1);
            assertEquals(shown, window.tiles().size(), "one tile for each the view shows");
            assertEquals(0, differing(first, draw(renderer, vp, () -> false)), "the same view, the same pixels");
            assertEquals(shown, window.tiles().size(), "and no tile drawn again");

            Viewport panned = vp.pannedBy(TileGrid.SIZE, 0);
            TileGrid.Span after = TileGrid.span(panned);
            BufferedImage moved = draw(renderer, panned, () -> false);
            assertEquals(shown + (after.row1() - after.row0() + 1), window.tiles().size(),
                    "a pan a tile wide draws the new column only");
            // What the two frames share is the same map, a tile's width apart.
            long dx = after.originX() - span.originX();
            assertEquals(TileGrid.SIZE, Math.abs(dx));
            int shared = 0;
            int looked = 0;
            for (int y = 0; y < H; y += 7) {
                for (int x = 0; x < W; x += 7) {
                    long from = x + dx;
                    if (from >= 0 && from < W) {
                        looked++;
                        shared += moved.getRGB(x, y) == first.getRGB((int) from, y) ? 1 : 0;
                    }
                }
            }
            assertTrue(looked > 1000 && shared * 10L >= looked * 9L, shared + " of " + looked + " pixels alike after the pan");
        }
    }

    @Test
    void aCancelledFrameKeepsNoHalfDrawnTile() throws Exception {
        double[] b = TOWN.bounds();
        Viewport vp = aligned((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 5_000);
        BufferedImage whole = draw(new MapRenderer(RenderContext.singleThreaded()), vp, () -> false);
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            AtomicInteger asked = new AtomicInteger();
            assertThrows(CancellationException.class, () -> draw(renderer, vp, () -> asked.incrementAndGet() > 40));
            TileGrid.Span span = TileGrid.span(vp);
            long shown = (span.col1() - span.col0() + 1) * (span.row1() - span.row0() + 1);
            assertTrue(window.tiles().size() < shown, window.tiles().size() + " tiles kept of " + shown);
            BufferedImage after = draw(renderer, vp, () -> false);
            int n = differing(whole, after);
            assertTrue(n * 100L <= 2L * W * H, n + " pixels differ from the frame drawn whole");
        }
    }

    /**
     * A shop's name is offered by the one tile its point lies in, though the tiles round it draw its symbol
     * too (the placer would hide a second offer under the first, so the offers themselves are counted).
     */
    @Test
    void aPointLabelIsOfferedByOneTileOnly() throws Exception {
        double[] b = TOWN.bounds();
        Viewport vp = aligned((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 5_000);
        try (RenderContext window = RenderContext.tiled()) {
            draw(new MapRenderer(window), vp, () -> false);
            Set<String> seen = new HashSet<>();
            int offers = 0;
            for (var e : window.tiles().kept().entrySet()) {
                for (LabelCandidate c : e.getValue().labels().points()) {
                    offers++;
                    // Where on the whole map at this scale, in pixels: the same place in every tile.
                    String at = c.text() + "@" + Math.round(e.getKey().col() * TileGrid.SIZE + c.x()) + ","
                            + Math.round(e.getKey().row() * TileGrid.SIZE + c.y());
                    assertTrue(seen.add(at), "offered by two tiles: " + at);
                }
            }
            assertTrue(offers > 20, offers + " names offered");
        }
    }
}
