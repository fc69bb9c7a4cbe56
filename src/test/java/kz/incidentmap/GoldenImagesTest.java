package kz.incidentmap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reference views drawn again and compared with the pictures kept in {@code src/test/resources/golden}:
 * the country, the Taraz market, and an imported town at 1:5,000, 1:25,000 and 1:250,000. A pixel differs
 * when a channel moves by more than {@value #CHANNEL_TOLERANCE}; a view fails when more than
 * {@value #PIXELS_PER_THOUSAND} pixels in a thousand differ, and then its picture, the reference and an
 * image of the differences are written to {@code target/golden/}. A change of the look on purpose is
 * kept with {@code -Dgolden.update=true} (after looking at the new pictures).
 */
class GoldenImagesTest {

    private static final int W = 800;
    private static final int H = 500;
    private static final int CHANNEL_TOLERANCE = 40;
    private static final int PIXELS_PER_THOUSAND = 3;
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path OUT = Path.of("target/golden");
    private static final MapProjection PROJECTION = MapProjection.kazakhstan();
    private static final SyntheticExtract TOWN = new SyntheticExtract(50_000);

    @TempDir
    static Path tmp;

    private static LoadedMap map;

    @BeforeAll
    static void importTown() throws Exception {
        map = LoadedMap.load(TestMaps.MAPS, TestMaps.sampleIncidents(),
                ImportedStreets.inStore(ImportedStreetsFixture.town(tmp, TOWN)));
    }

    static Stream<Arguments> views() {
        double[] b = TOWN.bounds();
        double lon = (b[0] + b[2]) / 2;
        double lat = (b[1] + b[3]) / 2;
        return Stream.of(Arguments.of("country", Double.NaN, 0.0, 0.0),
                Arguments.of("taraz-market-5000", 5_000.0, TestMaps.MARKET_LON, TestMaps.MARKET_LAT),
                Arguments.of("town-5000", 5_000.0, lon, lat),
                Arguments.of("town-25000", 25_000.0, lon, lat),
                Arguments.of("town-250000", 250_000.0, lon, lat));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void drawsAsItsReference(String name, double scale, double lon, double lat) throws Exception {
        Viewport vp;
        if (Double.isNaN(scale)) {
            vp = Viewport.fitting(map.home(), W, H, 20);
        } else {
            Coordinate c = PROJECTION.toMap(lon, lat);
            vp = Viewport.atScale(c.x, c.y, scale, W, H);
        }
        BufferedImage actual = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = actual.createGraphics();
        new MapRenderer().render(g, vp, map.model().visibleLayers(), () -> false);
        g.dispose();
        Path reference = GOLDEN.resolve(name + ".png");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            ImageIO.write(actual, "png", reference.toFile());
        }
        assertTrue(Files.exists(reference), reference + " is missing: make it with -Dgolden.update=true");
        BufferedImage expected = ImageIO.read(reference.toFile());
        int differing = compare(name, expected, actual);
        assertTrue(differing * 1000L <= (long) PIXELS_PER_THOUSAND * W * H, name + ": " + differing + " of " + W * H
                + " pixels differ from " + reference + "; see " + OUT.toAbsolutePath() + "/" + name + "-*.png");
    }

    /** Counts the differing pixels; when there are too many, writes the pictures to look at. */
    private static int compare(String name, BufferedImage expected, BufferedImage actual) throws IOException {
        if (expected.getWidth() != W || expected.getHeight() != H) {
            return W * H;
        }
        BufferedImage diff = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int differing = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                boolean differs = false;
                for (int shift = 0; shift <= 24; shift += 8) {
                    differs |= Math.abs((e >>> shift & 0xff) - (a >>> shift & 0xff)) > CHANNEL_TOLERANCE;
                }
                int grey = ((a >> 16 & 0xff) + (a >> 8 & 0xff) + (a & 0xff)) / 6 + 100;
                diff.setRGB(x, y, differs ? 0xff0000 : grey << 16 | grey << 8 | grey);
                differing += differs ? 1 : 0;
            }
        }
        if (differing * 1000L > (long) PIXELS_PER_THOUSAND * W * H) {
            Files.createDirectories(OUT);
            ImageIO.write(actual, "png", OUT.resolve(name + "-actual.png").toFile());
            ImageIO.write(expected, "png", OUT.resolve(name + "-expected.png").toFile());
            ImageIO.write(diff, "png", OUT.resolve(name + "-diff.png").toFile());
        }
        return differing;
    }
}
