package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.incidentmap.Main;
import kz.incidentmap.TestMaps;
import kz.incidentmap.exchange.ExchangeFormat;
import kz.incidentmap.exchange.Progress;
import kz.incidentmap.exchange.RecordExporter;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that runs out of Java heap says so in one line, with what to do, and leaves nothing half-done. */
class OutOfMemoryTest {

    private static final String SAID = ": error: out of memory: this needs more than the ";
    private static final String TO_DO = "nothing was written. Give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx4g";

    @TempDir
    Path dir;

    private Path store(String name, int count) throws Exception {
        Path db = dir.resolve(name);
        SyntheticIncidents gen = SyntheticIncidents.forMaps(TestMaps.MAPS, 3);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(count), n -> { });
        return db;
    }

    /** Runs the app in a JVM with {@code heapMb} of heap; returns its exit code and what it printed. */
    private static Run run(int heapMb, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), said);
    }

    private record Run(int exit, String said) {
    }

    /** {@link #run}, checking that it failed without a stack trace; returns what it printed. */
    private static String runOutOfHeap(int heapMb, String... args) throws Exception {
        Run r = run(heapMb, args);
        assertEquals(1, r.exit(), r.said());
        assertFalse(r.said().contains("at java."), "no stack trace: " + r.said());
        return r.said();
    }

    /**
     * Exports 50,000 incidents as {@code format}, imports them into an empty store with {@code heapMb}
     * of heap, and checks that running out is explained and leaves the store empty.
     */
    private void assertImportRunsOutAndChangesNothing(ExchangeFormat format, String name, int heapMb) throws Exception {
        Path file = dir.resolve(name);
        try (IncidentStore source = IncidentStore.open(store("source.gpkg", 50_000))) {
            RecordExporter.export(source.all(), format, file, Progress.NONE);
        }
        Path into = dir.resolve("into.gpkg");
        IncidentStore.createEmpty(into);
        String said = runOutOfHeap(heapMb, "import", file.toString(), "--db", into.toString());
        assertTrue(said.contains("import" + SAID) && said.contains(TO_DO), said);
        try (IncidentStore after = IncidentStore.open(into)) {
            assertEquals(0, after.count());
        }
    }

    /** The number of different incident ids in the lines of our CSV, header first. */
    private static long distinctIds(Stream<String> csv) {
        return csv.skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count();
    }

    @Test
    void anImportReadWholeOnTheMainThreadThatRunsOutOfHeapIsExplainedAndChangesNothing() throws Exception {
        // A GeoJSON file is read whole before it is checked, on the command's own thread.
        assertImportRunsOutAndChangesNothing(ExchangeFormat.GEOJSON, "in.geojson", 48);
    }

    @Test
    void anImportWhoseReaderRunsOutOfHeapIsExplainedAndChangesNothing() throws Exception {
        // The import reads on a thread of its own, which hands its failure on wrapped.
        assertImportRunsOutAndChangesNothing(ExchangeFormat.CSV, "in.csv", 24);
    }

    @Test
    void listingIncidentsReadsPageByPageSoItFitsInASmallHeap() throws Exception {
        Path db = store("big.gpkg", 50_000);
        Run r = run(48, "incidents", "--db", db.toString(), "--format", "csv");
        assertEquals(0, r.exit(), r.said().lines().limit(3).toList().toString());
        assertEquals(50_000, distinctIds(r.said().lines()));
    }

    @Test
    void anExportReadsPageByPageSoItFitsInASmallHeap() throws Exception {
        // Holding all 50,000 records at once ran out of this heap.
        Path db = store("big.gpkg", 50_000);
        Path csv = dir.resolve("all.csv");
        Run r = run(48, "export", "--db", db.toString(), "--out", csv.toString());
        assertEquals(0, r.exit(), r.said());
        assertTrue(r.said().contains("Exported 50000 incidents"), r.said());
        try (Stream<String> lines = Files.lines(csv)) {
            assertEquals(50_000, distinctIds(lines));
        }
    }

    @Test
    void runningOutOfHeapIsRecognisedThroughTheCausesAThreadWrappedItIn() {
        // How much heap the import above needs before its reader (not the main thread) runs out varies
        // with the JVM; the wrapping is checked here directly.
        assertTrue(Cli.outOfMemory(new IllegalStateException(new ExecutionException(
                new OutOfMemoryError("Java heap space")))));
        assertTrue(Cli.outOfMemory(new OutOfMemoryError()));
        assertFalse(Cli.outOfMemory(new IllegalStateException("import of in.csv failed", new IOException("disk full"))));
    }

    @Test
    void anExportThatFailsWhileWritingLeavesNoFile() throws Exception {
        Path out = dir.resolve("out").resolve("all.csv");
        Files.createDirectories(out.getParent());
        List<Incident> incidents = new ArrayList<>();
        SyntheticIncidents.forMaps(TestMaps.MAPS, 4).incidents(200).forEachRemaining(incidents::add);
        Progress runsOut = new Progress() {
            @Override
            public void report(long done, long total) {
                if (done == 100) {
                    throw new OutOfMemoryError("Java heap space");
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        assertThrows(OutOfMemoryError.class, () -> RecordExporter.export(incidents, ExchangeFormat.CSV, out, runsOut));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "neither the file nor its temporary copy");
        }
    }
}
