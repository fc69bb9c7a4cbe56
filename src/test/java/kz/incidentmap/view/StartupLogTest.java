package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupLogTest {

    @TempDir
    Path temp;

    @Test
    void notesWhenWhatHappened() throws Exception {
        Path file = temp.resolve("startup.log");
        long before = System.currentTimeMillis();
        StartupLog log = StartupLog.of(Map.of(StartupLog.VARIABLE, file.toString()));
        log.note("preview");
        log.note("frame");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("preview \\d+"), lines.toString());
        assertTrue(lines.get(1).matches("frame \\d+"), lines.toString());
        long preview = Long.parseLong(lines.get(0).split(" ")[1]);
        long frame = Long.parseLong(lines.get(1).split(" ")[1]);
        assertTrue(before <= preview && preview <= frame && frame <= System.currentTimeMillis(), lines.toString());
    }

    @Test
    void notesNothingForAUser() throws Exception {
        StartupLog.of(Map.of()).note("frame");
        StartupLog.of(Map.of(StartupLog.VARIABLE, " ")).note("frame");
        try (var left = Files.list(temp)) {
            assertEquals(0, left.count());
        }
    }
}
