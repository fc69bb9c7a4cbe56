package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-osm} of an extract with boundaries, then {@code snapshot --boundaries}. */
class SnapshotBoundariesTest {

    private static final String EXTRACT = "src/test/resources/osm/admin-boundaries.osm";

    @TempDir
    Path tmp;

    private Path store(String name) throws Exception {
        Path db = tmp.resolve(name);
        IncidentStore.openOrCreate(db, Path.of("data/incidents.json")).close();
        return db;
    }

    @Test
    void importOsmReportsTheBoundariesAndSnapshotDrawsTheChosenOnes() throws Exception {
        Path db = store("b.gpkg");
        TestCli.Result imported = TestCli.run("import-osm", "--db", db.toString(), EXTRACT);
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("boundaries: oblasts 2, districts 2, skipped 2 (a member way missing or a gap);"
                + " places 4; extract of 2026-11-30"), imported.out());

        Path shippedPng = tmp.resolve("shipped.png");
        Path importedPng = tmp.resolve("imported.png");
        TestCli.Result shipped = TestCli.run("snapshot", "--db", db.toString(), "--bbox", "69,43,75,47", "--width", "600",
                "--height", "400", "--boundaries", "shipped", "--out", shippedPng.toString());
        assertEquals(0, shipped.code(), shipped.err());
        assertTrue(shipped.out().contains("boundaries: Natural Earth, as of 2017"), shipped.out());
        TestCli.Result chosen = TestCli.run("snapshot", "--db", db.toString(), "--bbox", "69,43,75,47", "--width", "600",
                "--height", "400", "--boundaries", "IMPORTED", "--out", importedPng.toString());
        assertEquals(0, chosen.code(), chosen.err());
        assertTrue(chosen.out().contains("boundaries: OpenStreetMap, extract of 2026-11-30"), chosen.out());
        BufferedImage a = ImageIO.read(shippedPng.toFile());
        BufferedImage b = ImageIO.read(importedPng.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 500, differing + " pixels differ between the two choices");
    }

    @Test
    void cityFindsAnImportedPlaceByAnyOfItsNames() throws Exception {
        Path db = store("c.gpkg");
        Path png = tmp.resolve("testgrad.png");
        TestCli.Result before = TestCli.run("snapshot", "--db", db.toString(), "--city", "Oldtown", "--out", png.toString());
        assertNotEquals(0, before.code(), "not known before the import");
        assertEquals(0, TestCli.run("import-osm", "--db", db.toString(), EXTRACT).code());
        TestCli.Result after = TestCli.run("snapshot", "--db", db.toString(), "--city", "Oldtown", "--width", "400",
                "--height", "300", "--out", png.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(Files.isRegularFile(png));
        TestCli.Result russian = TestCli.run("snapshot", "--db", db.toString(), "--city", "тестград", "--width", "400",
                "--height", "300", "--out", png.toString());
        assertEquals(0, russian.code(), russian.err());
    }

    @Test
    void aBadChoiceOrNoImportedBoundariesIsRefusedAndWritesNothing() throws Exception {
        Path db = store("plain.gpkg");
        Path png = tmp.resolve("x.png");
        TestCli.Result bad = TestCli.run("snapshot", "--db", db.toString(), "--boundaries", "osm", "--out", png.toString());
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--boundaries osm: must be shipped or imported"), bad.err());
        TestCli.Result none = TestCli.run("snapshot", "--db", db.toString(), "--boundaries", "imported", "--out",
                png.toString());
        assertNotEquals(0, none.code());
        assertTrue(none.err().contains("has no boundaries imported from OpenStreetMap"), none.err());
        assertFalse(Files.exists(png));
    }
}
