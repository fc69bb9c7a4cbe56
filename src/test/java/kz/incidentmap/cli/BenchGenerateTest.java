package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchGenerateTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void generateWritesTheSeededRecordIntoANewStore() throws Exception {
        Path db = tmp.resolve("synthetic.gpkg");
        Result r = run("bench", "generate", "--count", "800", "--out", db.toString(), "--seed", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote 800 synthetic incidents"), r.out());
        List<Incident> expected = new ArrayList<>();
        SyntheticIncidents.forMaps(Path.of("maps"), 5).incidents(800).forEachRemaining(expected::add);
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            assertEquals(800, store.count());
            Incident first = expected.get(0);
            assertEquals(first, store.byId(first.id()).orElseThrow().withTimes(null, null));
        }
    }

    @Test
    void badArgumentsExitWithTwoAndTouchNothing() throws Exception {
        Path taken = tmp.resolve("taken.gpkg");
        Files.writeString(taken, "mine");
        Result exists = run("bench", "generate", "--count", "10", "--out", taken.toString());
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("already exists"), exists.err());
        assertEquals("mine", Files.readString(taken));
        Result zero = run("bench", "generate", "--count", "0", "--out", tmp.resolve("z.gpkg").toString());
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--count 0"), zero.err());
        assertFalse(Files.exists(tmp.resolve("z.gpkg")));
        Result noDir = run("bench", "generate", "--count", "10", "--out", tmp.resolve("no/x.gpkg").toString());
        assertEquals(2, noDir.code());
    }
}
