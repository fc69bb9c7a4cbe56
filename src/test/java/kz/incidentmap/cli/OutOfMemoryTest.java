package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.incidentmap.Main;
import kz.incidentmap.TestMaps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that runs out of Java heap says so in one line, with what to do, and leaves no file behind. */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void anExportTooBigForTheHeapIsExplainedAndWritesNothing() throws Exception {
        Path db = dir.resolve("big.gpkg");
        SyntheticIncidents gen = SyntheticIncidents.forMaps(TestMaps.MAPS, 3);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(50_000), n -> { });
        Path out = dir.resolve("out").resolve("all.csv");
        Files.createDirectories(out.getParent());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "export", "--db", db.toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));

        assertEquals(1, p.exitValue(), said);
        assertTrue(said.contains("export: error: out of memory: this needs more than the "), said);
        assertTrue(said.contains("nothing was written. Give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx4g"), said);
        assertFalse(said.contains("at java."), "no stack trace: " + said);
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(0, left.count(), "neither the file nor its temporary copy is left");
        }
    }
}
