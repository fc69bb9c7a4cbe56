package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoredFacts;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV read as a stream, in many small batches written while later rows are still being read, gives
 * what reading it whole gave: every record merged by id, the R-tree and incident_points complete, and a
 * bad row anywhere refusing the file with nothing stored.
 */
class StreamedCsvImportTest {

    private static final int COUNT = 2_500;
    private static List<Incident> record;

    @TempDir
    Path dir;

    private Path csv;
    private List<String> lines;
    private RecordImporter importer;

    @BeforeAll
    static void generate() throws Exception {
        record = new ArrayList<>();
        SyntheticIncidents.forMaps(Path.of("maps"), 9).incidents(COUNT).forEachRemaining(record::add);
    }

    @BeforeEach
    void exportTheRecord() throws Exception {
        csv = dir.resolve("record.csv");
        RecordExporter.export(record, ExchangeFormat.CSV, csv, Progress.NONE);
        lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        // Batches of 100: the store writes the first ones while the reader is still far from the end.
        importer = new RecordImporter(new IncidentValidator(OblastLocator.load(Path.of("maps"))),
                ExchangeFixtures.TODAY.plusYears(5), 100);
    }

    @Test
    void aLargeCsvGoesInWholeWithItsIndexes() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "new.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = importer.importFile(csv, null, false, store, Progress.NONE);
            assertEquals(COUNT, r.records());
            assertEquals(new IncidentStore.MergeResult(COUNT, 0, 0), r.merged());
            assertEquals(ids(record), ids(store.all()));
            Incident first = record.get(0);
            Incident stored = store.byId(first.id()).orElseThrow();
            assertEquals(first.sources(), stored.sources());
            assertEquals(first.claims(), stored.claims());
            assertEquals(first.lon(), stored.lon(), 0.0);
            assertTrue(store.within(first.lon() - 1e-9, first.lat() - 1e-9, first.lon() + 1e-9, first.lat() + 1e-9)
                    .stream().anyMatch(i -> i.id().equals(first.id())), "found through the R-tree");
            assertEquals(COUNT, store.points().size());
        }
        assertStoreIsWhole(db, COUNT);
        // The same file again: every record is there as it is.
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(new IncidentStore.MergeResult(0, 0, COUNT),
                    importer.importFile(csv, null, false, store, Progress.NONE).merged());
        }
    }

    @Test
    void intoAStoreWithRecordsNewOnesAreAddedAndChangedOnesReplaced() throws Exception {
        Path db = ExchangeFixtures.richStore(dir);
        Path firstTen = dir.resolve("ten.csv");
        RecordExporter.export(record.subList(0, 10), ExchangeFormat.CSV, firstTen, Progress.NONE);
        String firstId = record.get(0).id();
        List<String> changed = new ArrayList<>();
        for (String line : lines) {
            changed.add(line.startsWith(firstId) ? line.replace("(synthetic ", "(corrected ") : line);
        }
        Path f = dir.resolve("changed.csv");
        Files.write(f, changed, StandardCharsets.UTF_8);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(10, importer.importFile(firstTen, null, false, store, Progress.NONE).merged().added());
            ImportReport r = importer.importFile(f, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(COUNT - 10, 1, 9), r.merged());
            assertTrue(store.byId(firstId).orElseThrow().title().contains("(corrected "));
            assertEquals(17 + COUNT, store.count());
        }
        assertStoreIsWhole(db, 17 + COUNT);
    }

    @Test
    void aBadRowNearTheEndRefusesTheFileAndNothingIsStored() throws Exception {
        Path db = ExchangeFixtures.richStore(dir);
        byte[] before = Files.readAllBytes(db);
        int bad = singleRowNear(lines.size() - 3);
        Path f = withBadLatitude(bad);
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class,
                    () -> importer.importFile(f, null, false, store, Progress.NONE));
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals(f + ":" + (bad + 1) + ": field 'lat': latitude 95 is outside -90..90",
                    e.problems().get(0).toString());
            assertEquals(17, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the store changed");
    }

    @Test
    void keepValidStoresEveryGoodRecordOfALargeFile() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "kept.gpkg");
        Path f = withBadLatitude(singleRowNear(lines.size() - 3));
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = importer.importFile(f, null, true, store, Progress.NONE);
            assertEquals(COUNT, r.records());
            assertEquals(COUNT - 1, r.merged().added());
            assertEquals(1, r.skipped().size());
        }
        assertStoreIsWhole(db, COUNT - 1);
    }

    @Test
    void rowsOfOneIncidentApartAreStillOneIncident() throws Exception {
        // Move the second row of a two-row incident to the end of the file.
        int second = -1;
        for (int n = 2; n < lines.size() && second < 0; n++) {
            if (lines.get(n).substring(0, 36).equals(lines.get(n - 1).substring(0, 36))) {
                second = n;
            }
        }
        assertTrue(second > 0, "the record has an incident with two rows");
        String id = lines.get(second).substring(0, 36);
        List<String> scattered = new ArrayList<>(lines);
        scattered.add(scattered.remove(second));
        Path f = dir.resolve("scattered.csv");
        Files.write(f, scattered, StandardCharsets.UTF_8);
        Path db = ExchangeFixtures.emptyStore(dir, "scattered.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = importer.importFile(f, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(COUNT, 0, 0), r.merged());
            Incident original = record.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
            assertEquals(original.claims().size(), store.byId(id).orElseThrow().claims().size());
        }
        assertStoreIsWhole(db, COUNT);
    }

    @Test
    void aCancelHalfwayThroughLeavesTheStoreAsItWas() throws Exception {
        Path db = ExchangeFixtures.richStore(dir);
        byte[] before = Files.readAllBytes(db);
        Progress cancelAfterFirstReport = new Progress() {
            private volatile boolean reported;

            @Override
            public void report(long done, long total) {
                reported = true;
            }

            @Override
            public boolean isCancelled() {
                return reported;
            }
        };
        try (IncidentStore store = IncidentStore.open(db)) {
            assertThrows(CancelledException.class,
                    () -> importer.importFile(csv, null, false, store, cancelAfterFirstReport));
            assertEquals(17, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the store changed");
    }

    @Test
    void progressIsToldAsAShareOfTheFile() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "progress.gpkg");
        List<long[]> told = Collections.synchronizedList(new ArrayList<>());
        Progress progress = new Progress() {
            @Override
            public void report(long done, long total) {
                told.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (IncidentStore store = IncidentStore.open(db)) {
            importer.importFile(csv, null, false, store, progress);
        }
        long size = Files.size(csv);
        assertFalse(told.isEmpty());
        for (int k = 1; k < told.size(); k++) {
            assertEquals(size, told.get(k)[1]);
            assertTrue(told.get(k)[0] >= told.get(k - 1)[0], "never goes back");
        }
        assertEquals(size, told.get(told.size() - 1)[0], "ends at the whole file");
    }

    /** The index of a line at or before {@code from} that is the only row of its incident. */
    private int singleRowNear(int from) {
        for (int n = from; n > 1; n--) {
            String id = lines.get(n).substring(0, 36);
            if (!lines.get(n - 1).startsWith(id) && !lines.get(n + 1).startsWith(id)) {
                return n;
            }
        }
        throw new IllegalStateException("no incident with one row");
    }

    private Path withBadLatitude(int lineIndex) throws Exception {
        List<String> bad = new ArrayList<>(lines);
        String[] fields = bad.get(lineIndex).split(",", -1);
        int lat = IncidentCsv.COLUMNS.indexOf("lat");
        fields[lat] = "95";
        bad.set(lineIndex, String.join(",", fields));
        Path f = dir.resolve("bad.csv");
        Files.write(f, bad, StandardCharsets.UTF_8);
        return f;
    }

    private static Set<String> ids(List<Incident> incidents) {
        return incidents.stream().map(Incident::id).collect(Collectors.toSet());
    }

    /**
     * Every incident in the R-tree with a box around its point, in incident_points with the facts its
     * claims give, no dangling row.
     */
    static void assertStoreIsWhole(Path db, int incidents) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals(incidents, count(s, "SELECT count(*) FROM incidents"));
            assertEquals(incidents, count(s, "SELECT count(*) FROM rtree_incidents_geom"));
            assertEquals(incidents, count(s, "SELECT count(*) FROM incident_points"));
            assertEquals(0, count(s, "SELECT count(*) FROM incidents WHERE fid NOT IN (SELECT id FROM rtree_incidents_geom)"));
            assertEquals(0, count(s, "SELECT count(*) FROM rtree_incidents_geom r JOIN incident_points p ON p.fid = r.id"
                    + " WHERE r.minx > p.lon OR r.maxx < p.lon OR r.miny > p.lat OR r.maxy < p.lat"));
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_incidents_geom')")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(rs.next(), "a row refers to a missing incident or source");
            }
            assertEquals(2, count(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                    + " AND name IN ('incidents_date_title', 'claims_incident')"));
            assertEquals(1, count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'rtree_incidents_geom_insert'"));
        }
        assertEquals(StoredFacts.byJoin(db), StoredFacts.inPoints(db), "the filter's facts of every incident");
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
