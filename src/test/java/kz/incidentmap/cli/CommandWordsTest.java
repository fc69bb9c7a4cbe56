package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What a command line asks for before it is parsed, and the window started without every command's model. */
class CommandWordsTest {

    @Test
    void theWindowIsANameOfNoCommand() {
        assertTrue(CommandWords.opensWindow(new String[] {}));
        assertTrue(CommandWords.opensWindow(new String[] {"--lang", "ru", "--db", "snapshot.gpkg"}));
        assertTrue(CommandWords.opensWindow(new String[] {"/home/ana/Тараз.gpkg"}));
        assertFalse(CommandWords.opensWindow(new String[] {"snapshot", "--out", "x.png"}));
        assertFalse(CommandWords.opensWindow(new String[] {"--help"}));
        assertFalse(CommandWords.opensWindow(new String[] {"--version"}));
        assertFalse(CommandWords.opensWindow(new String[] {"x"}), "a word the full command line tells of");
        assertEquals(List.of("bench", "generate"), CommandWords.of(new String[] {"--maps", "m", "bench", "generate"}));
    }

    @Test
    void theWindowsOwnCommandSaysWhatTheTopCommandSays() {
        TestCli.Result bad = TestCli.run("--bogus");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("kz-incident-map: Unknown option: '--bogus'"), bad.err());
        assertTrue(bad.err().contains("Try 'kz-incident-map --help'"), bad.err());
        TestCli.Result missing = TestCli.run("--db", "/nonexistent/no.gpkg", "--lang", "xx");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--lang"), missing.err());
        // Help still lists every command: it is the top command's.
        TestCli.Result help = TestCli.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("snapshot") && help.out().contains("history"), help.out());
    }

    @Test
    void theBenchReadsTheWindowsNotes() {
        assertEquals(OptionalDouble.of(1830), WindowStartBench.figure(List.of("preview 1830", "frame 4100"), "preview"));
        assertEquals(OptionalDouble.of(4100), WindowStartBench.figure(List.of("preview 1830", "frame 4100"), "frame"));
        assertEquals(OptionalDouble.empty(), WindowStartBench.figure(List.of("preview 1830"), "frame"));
        assertEquals(OptionalDouble.empty(), WindowStartBench.figure(List.of("frame soon"), "frame"));
        assertTrue(WindowStartBench.hasDisplay(java.util.Map.of("DISPLAY", ":0")) || !System.getProperty("os.name").contains("Linux"));
    }
}
