package kz.incidentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of the window's classes that goes into the launcher's class-data archive names classes that
 * exist: a class renamed or removed since the list was written would silently leave the archive.
 */
class WindowClassListTest {

    private static final Path LIST = Path.of("src/main/cds/window.classlist");

    @Test
    void everyClassOfOursInTheWindowListExists() throws Exception {
        List<String> ours = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("kz/incidentmap/")).toList();
        assertTrue(ours.size() > 10, "the list holds the view's classes: " + ours.size());
        List<String> missing = ours.stream().filter(name -> !exists(name.replace('/', '.'))).toList();
        assertEquals(List.of(), missing, "classes gone since " + LIST + " was written: run"
                + " src/tools/window-class-list.sh under Xvfb, or delete these lines");
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, WindowClassListTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
