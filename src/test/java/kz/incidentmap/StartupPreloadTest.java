package kz.incidentmap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Start-up work is started for the window and the commands that draw a map, and for nothing else. */
class StartupPreloadTest {

    private static boolean draws(String... args) {
        return StartupPreload.drawsMap(args);
    }

    @Test
    void theWindowAndTheMapCommandsDrawAMap() {
        assertTrue(draws());
        assertTrue(draws("--db", "snapshot.gpkg"), "an option value is not a command");
        assertTrue(draws("/home/u/Taraz.gpkg"), "a store a file manager opens with the app is the window's");
        assertTrue(draws("--lang", "ru"), "the window in Russian");
        assertTrue(draws("--maps", "other", "snapshot", "--out", "kz.png"));
        assertTrue(draws("identify", "--lon", "71.36", "--lat", "42.9", "--scale", "5000"));
        assertTrue(draws("bench", "first-frame"));
        assertTrue(draws("bench", "--runs", "5"));
    }

    /** A command added later that loads the map must join {@code MAP_COMMANDS}, or it starts slower. */
    @Test
    void everyCommandThatLoadsTheMapHasItsStartUpBegun() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.incidentmap.cli", "kz.incidentmap.layers");
        // Calls and method references alike, of MapOptions' map loading and of what it calls.
        Set<String> loaders = Stream.concat(
                        classes.get("kz.incidentmap.cli.MapOptions").getMethods().stream()
                                .filter(m -> m.getName().equals("loadMap") || m.getName().equals("openMap")),
                        classes.get("kz.incidentmap.layers.LoadedMap").getMethods().stream()
                                .filter(m -> m.getName().equals("load")))
                .flatMap(m -> m.getAccessesToSelf().stream())
                .map(access -> access.getOriginOwner().getName().replaceAll("\\$.*", ""))
                .collect(Collectors.toSet());
        List<List<String>> mapCommands = new ArrayList<>();
        findCommands(new CommandLine(Class.forName("kz.incidentmap.cli.RootCommand")), List.of(), loaders, mapCommands);
        assertTrue(mapCommands.contains(List.of("snapshot")), "found " + mapCommands);
        for (List<String> words : mapCommands) {
            assertTrue(draws(words.toArray(String[]::new)), String.join(" ", words));
        }
    }

    private static void findCommands(CommandLine command, List<String> words, Set<String> loaders,
            List<List<String>> found) {
        if (loaders.contains(command.getCommandSpec().userObject().getClass().getName())) {
            found.add(words);
        }
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) {
            List<String> longer = new ArrayList<>(words);
            longer.add(sub.getCommandName());
            findCommands(sub, longer, loaders, found);
        }
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

    @Test
    void theMapsAreReadAheadForACommandNotForTheWindow() {
        assertTrue(StartupPreload.readsMapsAhead(new String[] {"snapshot", "--out", "x.png"}));
        assertTrue(StartupPreload.readsMapsAhead(new String[] {"--lang", "ru", "report", "--out", "r.pdf"}));
        assertFalse(StartupPreload.readsMapsAhead(new String[] {"--lang", "ru"}), "the window: its preview first");
        assertFalse(StartupPreload.readsMapsAhead(new String[] {"/home/u/Taraz.gpkg"}));
        assertFalse(StartupPreload.readsMapsAhead(new String[] {"incidents"}), "a command that draws nothing");
    }
}
