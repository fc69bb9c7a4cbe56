package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vocabulary}: the sub-types listed, one added, and what is refused with nothing written. */
class VocabularyCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSubTypeAddedIsListedAndFiltersTheIncidentsThatUseIt() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        String db = store.toString();
        TestCli.Result list = TestCli.run("vocabulary", "--db", db);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("peaceful_protest\tprotest\tPeaceful protest\tProtests\tPeaceful protest\tDemonstrations"
                + "\t\tas family\tbuilt in"), list.out());
        assertTrue(list.out().contains("hijacking\tarmed_attack\tHijacking\tViolence against civilians"), list.out());

        TestCli.Result add = TestCli.run("vocabulary", "add", "--type", "protest", "--name", "Hunger strike",
                "--marker", "star", "--colour", "#1b7837", "--db", db);
        assertEquals(0, add.code(), add.err());
        assertEquals("added: hunger_strike (Hunger strike, a sub-type of Protest)", add.out().strip());
        assertTrue(TestCli.run("vocabulary", "--db", db).out().contains("hunger_strike\tprotest\tHunger strike\tProtests"
                + "\tHunger strike\tDemonstrations\t\tstar #1B7837\tadded"));
        TestCli.Result again = TestCli.run("vocabulary", "add", "--type", "protest", "--name", "hunger strike", "--db", db);
        assertEquals("already there: hunger_strike (Hunger strike, a sub-type of Protest)", again.out().strip());

        TestCli.Result filtered = TestCli.run("incidents", "--type", "hunger_strike", "--db", db);
        assertEquals(0, filtered.code(), filtered.err());
    }

    @Test
    void aBadFamilyShapeOrColourIsNamedAndNothingIsWritten() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        String db = store.toString();
        byte[] before = Files.readAllBytes(store);
        TestCli.Result family = TestCli.run("vocabulary", "add", "--type", "demo", "--name", "Sit-in", "--db", db);
        assertEquals(2, family.code());
        assertTrue(family.err().contains("--type demo: unknown incident type 'demo' (known: suicide_bombing,"), family.err());
        TestCli.Result shape = TestCli.run("vocabulary", "add", "--type", "protest", "--name", "Sit-in", "--marker", "blob",
                "--db", db);
        assertTrue(shape.err().contains("--marker blob: not one of circle, square, triangle, star"), shape.err());
        TestCli.Result colour = TestCli.run("vocabulary", "add", "--type", "protest", "--name", "Sit-in", "--colour", "green",
                "--db", db);
        assertTrue(colour.err().contains("--colour green: not a colour written #RRGGBB"), colour.err());
        TestCli.Result unknown = TestCli.run("incidents", "--type", "sit_in", "--db", db);
        assertTrue(unknown.err().contains("--type sit_in: not a type or sub-type"), unknown.err());
        assertArrayEquals(before, Files.readAllBytes(store));
    }

    @Test
    void aSubTypeWithItsOwnColourIsDrawnInItOnTheMap() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        String db = store.toString();
        assertEquals(0, TestCli.run("vocabulary", "add", "--type", "suicide_bombing", "--name", "Blast at a market",
                "--colour", "#00C8FF", "--marker", "square", "--db", db).code());
        // Two lone incidents far from any other: one of the new sub-type, one of its family's built-in one.
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, "title,type,sub_type,date,lon,lat,source_title\n"
                + "Blast in the steppe,suicide_bombing,blast_at_a_market,2015-06-01,66.0,48.0,Test wire\n"
                + "Another blast,suicide_bombing,suicide_bomb,2015-06-02,66.2,48.0,Test wire\n");
        TestCli.Result imported = TestCli.run("import", csv.toString(), "--db", db);
        assertEquals(0, imported.code(), imported.err());
        Path png = dir.resolve("steppe.png");
        TestCli.Result r = TestCli.run("snapshot", "--db", db, "--bbox", "65.8,47.9,66.4,48.1", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(pixelsOf(png, 0x00C8FF) > 20, "the sub-type's own colour is drawn");
        assertTrue(pixelsOf(png, 0xB2182B) > 20, "its family's colour for the other");
        assertEquals(0, TestCli.run("check", "--db", db).code(), "the store agrees with itself");
    }

    private static int pixelsOf(Path png, int rgb) throws Exception {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
