package kz.incidentmap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Start-up work is started for the window and the commands that draw a map, and for nothing else. */
class StartupPreloadTest {

    private static boolean draws(String... args) {
        return StartupPreload.drawsMap(args);
    }

    @Test
    void theWindowAndTheMapCommandsDrawAMap() {
        assertTrue(draws());
        assertTrue(draws("--db", "snapshot.gpkg"), "an option value is not a command");
        assertTrue(draws("--maps", "other", "snapshot", "--out", "kz.png"));
        assertTrue(draws("identify", "--lon", "71.36", "--lat", "42.9", "--scale", "5000"));
        assertTrue(draws("bench", "first-frame"));
        assertTrue(draws("bench", "--runs", "5"));
    }

    @Test
    void commandsThatDrawNothingAndHelpStartNothing() {
        assertFalse(draws("incidents", "--city", "Taraz"));
        assertFalse(draws("import", "acled.csv"));
        assertFalse(draws("export", "--out", "x.kml"));
        assertFalse(draws("init", "my.gpkg"));
        assertFalse(draws("import-osm", "map.osm.pbf"));
        assertFalse(draws("bench", "generate", "--count", "100", "--out", "big.gpkg"));
        assertFalse(draws("snapshot", "--help"));
        assertFalse(draws("--version"));
    }

    @Test
    void aMapsFolderThatIsNoPathStartsNothingAndThrowsNothing() {
        long before = startupThreads();
        assertDoesNotThrow(() -> StartupPreload.begin(new String[] {"snapshot", "--maps", "bad\0path", "--out", "x.png"}));
        assertTrue(startupThreads() <= before, "a start-up thread was started");
    }

    private static long startupThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("startup-")).count();
    }

    @Test
    void theMapsFolderIsTheOneTheCommandWillUse() {
        assertEquals(Path.of("elsewhere"), StartupPreload.mapsDir(new String[] {"snapshot", "--maps", "elsewhere", "--out", "x.png"}));
        assertEquals(Path.of("b"), StartupPreload.mapsDir(new String[] {"--maps=a", "identify", "--maps=b"}));
        assertEquals(AppPaths.locate().mapsDir(), StartupPreload.mapsDir(new String[] {"snapshot", "--out", "x.png"}));
    }
}
