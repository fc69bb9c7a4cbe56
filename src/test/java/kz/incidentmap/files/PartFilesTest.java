package kz.incidentmap.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part files of killed runs are removed; those of running writers, and other files, are not. */
class PartFilesTest {

    @TempDir
    Path dir;

    /** The id of a process that has ended. */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return p.pid();
    }

    private Path file(String name, Instant modified) throws Exception {
        Path f = Files.writeString(dir.resolve(name), "part");
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPartFileIsHiddenBesideItsTargetAndNamesItsWriter() {
        Path part = PartFiles.beside(dir.resolve("x.gpkg"), "creating");
        assertEquals(dir.toAbsolutePath(), part.getParent());
        assertTrue(part.getFileName().toString().matches("\\.x\\.gpkg\\.pid-" + ProcessHandle.current().pid()
                + "\\.[0-9a-f]{8}\\.creating"), part.toString());
    }

    @Test
    void onlyTheFilesOfGoneWritersAreRemoved() throws Exception {
        long ended = endedProcess();
        long me = ProcessHandle.current().pid();
        Instant now = Instant.now();
        file(".x.gpkg.pid-" + ended + ".0000abcd.creating", now);
        file(".x.gpkg.pid-" + ended + ".0000abcd.creating-journal", now);
        file(".out.csv.pid-" + ended + ".12345678.tmp", now);
        file(".x.gpkg.pid-" + me + ".00000001.creating", now);
        // This process's id on a file written before the process started: the id was someone else's then.
        file(".y.gpkg.pid-" + me + ".00000002.creating", Instant.parse("2001-01-01T00:00:00Z"));
        file(".z.gpkg.6f1e1a0c-1b2c-4d5e-8f90-a1b2c3d4e5f6.creating", now.minus(Duration.ofHours(2)));
        file(".w.gpkg.6f1e1a0c-1b2c-4d5e-8f90-a1b2c3d4e5f6.creating", now);
        file(".snapshot-123456.png.part", now.minus(Duration.ofDays(1)));
        file(".hidden-notes", now.minus(Duration.ofDays(1)));
        file("x.gpkg", now.minus(Duration.ofDays(1)));

        assertEquals(6, PartFiles.removeStale(dir));
        assertEquals(List.of(".hidden-notes", ".w.gpkg.6f1e1a0c-1b2c-4d5e-8f90-a1b2c3d4e5f6.creating",
                ".x.gpkg.pid-" + me + ".00000001.creating", "x.gpkg"), names());
    }

    @Test
    void initAndOpeningRemoveWhatAKilledInitLeft() throws Exception {
        long ended = endedProcess();
        Path stale = file(".a.gpkg.pid-" + ended + ".0badf00d.creating", Instant.now());
        IncidentStore.createEmpty(dir.resolve("a.gpkg"));
        assertFalse(Files.exists(stale), "init removed it");
        Path again = file(".b.gpkg.pid-" + ended + ".0badf00d.creating", Instant.now());
        IncidentStore.open(dir.resolve("a.gpkg")).close();
        assertFalse(Files.exists(again), "opening removed it");
        assertEquals(List.of("a.gpkg", "a.gpkg-lock"), names());
    }
}
