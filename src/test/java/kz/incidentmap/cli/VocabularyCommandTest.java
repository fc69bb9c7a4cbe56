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
}
