package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimateCommandTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void seedStore() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    @Test
    void aYearMonthByMonthIsAGifOfTwelveLoopingFrames() throws Exception {
        Path gif = dir.resolve("2011.gif");
        TestCli.Result r = TestCli.run("animate", "--db", db, "--from", "2011-01-01", "--to", "2011-12-31",
                "--fps", "4", "--width", "400", "--height", "250", "--out", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12 frames"), r.out());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true));
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals("25", attribute(first, "GraphicControlExtension", "delayTime"));
            assertEquals("NETSCAPE", attribute(first, "ApplicationExtension", "applicationID"));
            BufferedImage november = reader.read(10);
            assertEquals(400, november.getWidth());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp")), "a part file was left");
        }
    }

    @Test
    void framesAreNumberedPngsWithTheIncidentsOfTheirDaysOnly() throws Exception {
        Path frames = dir.resolve("frames");
        TestCli.Result r = TestCli.run("animate", "--db", db, "--from", "2011-10-01", "--to", "2011-11-30",
                "--city", "Taraz", "--width", "300", "--height", "300", "--frames", frames.toString());
        assertEquals(0, r.code(), r.err());
        List<String> names;
        try (Stream<Path> s = Files.list(frames)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("frame-0001.png", "frame-0002.png"), names);
        // The Taraz attack of 12 November 2011 is red at the city's centre in November, not in October.
        assertFalse(redNearCentre(ImageIO.read(frames.resolve("frame-0001.png").toFile())));
        assertTrue(redNearCentre(ImageIO.read(frames.resolve("frame-0002.png").toFile())));
    }

    @Test
    void theFilterOptionsChooseWhatPlays() throws Exception {
        Path frames = dir.resolve("aktobe");
        TestCli.Result r = TestCli.run("animate", "--db", db, "--from", "2011-11-01", "--to", "2011-11-30",
                "--city", "Taraz", "--oblast", "Aqtobe", "--width", "300", "--height", "300", "--frames", frames.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(redNearCentre(ImageIO.read(frames.resolve("frame-0001.png").toFile())),
                "the Taraz attack is not in Aktobe oblast");
    }

    @Test
    void badArgumentsAreRefusedByNameAndWriteNothing() throws Exception {
        Path gif = dir.resolve("never.gif");
        String[][] bad = {
            {"--from", "2011-01-01", "--to", "2011-13-01", "--out", gif.toString()},
            {"--from", "2011-01-01", "--to", "2011-12-31", "--step", "fortnight", "--out", gif.toString()},
            {"--from", "2011-01-01", "--to", "2011-12-31"},
            {"--from", "2011-01-01", "--to", "2011-12-31", "--out", dir.resolve("x.png").toString()},
            {"--from", "2011-01-01", "--to", "2011-12-31", "--fps", "0", "--out", gif.toString()},
            {"--from", "1900-01-01", "--to", "2025-12-31", "--step", "day", "--out", gif.toString()},
            {"--from", "2011-01-01", "--to", "2011-12-31", "--city", "Atlantis", "--out", gif.toString()},
            {"--from", "2011-01-01", "--out", gif.toString()},
            {"--from", "2011-01-01", "--to", "2011-12-31", "--min-killed", "many", "--out", gif.toString()},
        };
        String[] named = {"--to 2011-13-01", "--step fortnight", "--out FILE.gif or --frames DIR", "--out ",
            "--fps 0", "more than 20000 frames", "Atlantis", "--from and --to", "--min-killed"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = Stream.concat(Stream.of("animate", "--db", db), Stream.of(bad[i])).toArray(String[]::new);
            TestCli.Result r = TestCli.run(args);
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.err());
            assertTrue(r.err().contains(named[i]), r.err());
            assertFalse(Files.exists(gif));
        }
    }

    private static boolean redNearCentre(BufferedImage img) {
        for (int y = img.getHeight() / 2 - 20; y < img.getHeight() / 2 + 20; y++) {
            for (int x = img.getWidth() / 2 - 20; x < img.getWidth() / 2 + 20; x++) {
                int p = img.getRGB(x, y);
                int r = (p >> 16) & 255;
                int g = (p >> 8) & 255;
                int b = p & 255;
                if (r > 170 && g < 90 && b < 90) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String attribute(IIOMetadataNode root, String node, String name) {
        IIOMetadataNode n = (IIOMetadataNode) root.getElementsByTagName(node).item(0);
        return n == null ? null : n.getAttribute(name);
    }
}
