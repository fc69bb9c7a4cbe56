package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentPoints;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ScratchServer;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench generate --db postgresql://…} and {@code bench --db postgresql://…}: made-up incidents
 * written through COPY read back as the generator made them, the map's index streamed from the server is
 * the one a GeoPackage of the same incidents gives, and the bench prints its keys.
 */
@ExtendWith(ScratchServer.class)
class PgBenchTest {

    private static final int COUNT = 2_000;

    @Test
    void generatedOnAServerTheRecordAndItsIndexAreTheGeneratorsAndAFilesAlike(ScratchServer.Server server,
            @TempDir Path dir) throws Exception {
        ServerAddress at = server.newDatabase(true);
        TestCli.Result r = TestCli.run("bench", "generate", "--count", Integer.toString(COUNT), "--db", at.uri(),
                "--seed", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote 2000 synthetic incidents to " + at), r.out());
        List<Incident> expected = new ArrayList<>();
        SyntheticIncidents.forMaps(Path.of("maps"), 5).incidents(COUNT).forEachRemaining(expected::add);
        Path file = dir.resolve("same.gpkg");
        assertEquals(0, TestCli.run("bench", "generate", "--count", Integer.toString(COUNT), "--out", file.toString(),
                "--seed", "5").code());

        try (PgRecords pg = PgRecords.connect(at, Map.of()); IncidentStore gpkg = IncidentStore.openForViewing(file)) {
            List<Incident> stored = pg.incidents();
            assertEquals(COUNT, stored.size());
            for (int k = 0; k < COUNT; k += 97) {
                assertEquals(expected.get(k), stored.get(k).withTimes(null, null), "incident " + k);
            }
            // Identify's read by row id: the row ids are 1, 2, … in the generator's order.
            Map<Long, Incident> some = pg.byRowIds(new long[] {1, 1000, COUNT, COUNT + 5});
            assertEquals(3, some.size());
            assertEquals(expected.get(999), some.get(1000L).withTimes(null, null));
            assertEquals(expected.get(COUNT - 1).claims(), some.get((long) COUNT).claims());

            IncidentPoints fromServer = pg.points();
            IncidentPoints fromFile = gpkg.points();
            assertEquals(COUNT, fromServer.size());
            assertEquals(fromFile.size(), fromServer.size());
            for (int row = 0; row < COUNT; row++) {
                assertEquals(describe(fromFile, row), describe(fromServer, row), "row " + row);
            }
            IncidentIndex a = IncidentIndex.of(fromFile, MapProjection.kazakhstan());
            IncidentIndex b = IncidentIndex.of(fromServer, MapProjection.kazakhstan());
            assertEquals(a.size(), b.size());
            for (int row = 0; row < a.size(); row++) {
                assertEquals(a.fid(row), b.fid(row));
                assertEquals(a.x(row), b.x(row));
                assertEquals(a.y(row), b.y(row));
                assertEquals(a.casualties(row), b.casualties(row));
            }
        }

        TestCli.Result again = TestCli.run("bench", "generate", "--count", "10", "--db", at.uri());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already holds a record") && again.err().contains("nothing was changed"),
                again.err());
        try (PgRecords pg = PgRecords.connect(at, Map.of())) {
            assertEquals(COUNT, pg.points().size(), "the refused run wrote nothing");
        }
    }

    private static String describe(IncidentPoints p, int row) {
        return p.fid(row) + " " + p.lon(row) + " " + p.lat(row) + " " + p.type(row) + " " + p.day(row) + " "
                + p.casualties(row) + " " + p.spanStart(row) + ".." + p.spanEnd(row) + " " + p.killedMin(row) + " "
                + p.killedMax(row) + " " + p.woundedMin(row) + " " + p.woundedMax(row) + " " + p.subType(row) + " "
                + p.locationPrecision(row);
    }

    @Test
    void aBadCountIsRefusedAndNothingIsMade(ScratchServer.Server server) throws Exception {
        ServerAddress at = server.newDatabase(true);
        for (String count : List.of("0", "10000001")) {
            TestCli.Result r = TestCli.run("bench", "generate", "--count", count, "--db", at.uri());
            assertEquals(2, r.code(), count);
            assertTrue(r.err().contains("--count " + count + ": must be 1..10000000"), r.err());
        }
        TestCli.Result both = TestCli.run("bench", "generate", "--count", "5", "--db", at.uri(), "--out", "x.gpkg");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        try (PgRecords pg = PgRecords.connect(at, Map.of())) {
            assertEquals(0, pg.schemaVersion(), "no tables were made");
        }
    }

    @Test
    void benchOnAServerPrintsEveryKey(ScratchServer.Server server) throws Exception {
        ServerAddress at = server.newDatabase(true);
        assertEquals(0, TestCli.run("bench", "generate", "--count", "1500", "--db", at.uri()).code());
        TestCli.Result r = TestCli.run("bench", "--db", at.uri(), "--runs", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        List<String> expected = new ArrayList<>(BenchCommand.JSON_KEYS);
        expected.add("index_load_ms");
        assertEquals(expected, keys);
        // A file's figures only, as the README says: the snapshot, import, the table and the window's start.
        List<String> fileOnly = List.of("snapshot_process_ms", "import_rows_per_s", "import_peak_rss_mb", "table_page_ms",
                "window_first_frame_ms", "window_full_frame_ms");
        for (String k : keys) {
            if (fileOnly.contains(k)) {
                assertTrue(m.get(k).isNull(), k + " in " + m);
            } else {
                assertTrue(m.path(k).asDouble() > 0, k + " in " + m);
            }
        }
        TestCli.Result osm = TestCli.run("bench", "--db", at.uri(), "--osm", "2000");
        assertEquals(2, osm.code());
        assertTrue(osm.err().contains("files only"), osm.err());
    }
}
