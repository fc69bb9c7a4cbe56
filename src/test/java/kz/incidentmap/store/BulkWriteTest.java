package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk write path stores exactly what the row-by-row path stores, with a true R-tree and extent. */
class BulkWriteTest {

    private static SyntheticIncidents generator;
    private static List<Incident> record;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        generator = SyntheticIncidents.forMaps(Path.of("maps"), 3);
        record = new ArrayList<>();
        generator.incidents(3_000).forEachRemaining(record::add);
    }

    @Test
    void aGeneratedStoreHoldsTheRecordWithItsIndexAndExtent() throws Exception {
        Path db = dir.resolve("generated.gpkg");
        List<Long> reported = new ArrayList<>();
        long written = IncidentStore.createBulk(db, generator.sources(), record.iterator(), reported::add);
        assertEquals(record.size(), written);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(byId(record), byId(store.all().stream().map(i -> i.withTimes(null, null)).toList()));
            Incident first = record.get(0);
            assertTrue(store.within(first.lon() - 1e-6, first.lat() - 1e-6, first.lon() + 1e-6, first.lat() + 1e-6)
                    .stream().anyMatch(i -> i.id().equals(first.id())), "found through the R-tree");
        }
        StoreEditsTest.assertIndexMatchesRows(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            double minX = record.stream().mapToDouble(Incident::lon).min().orElseThrow();
            double maxY = record.stream().mapToDouble(Incident::lat).max().orElseThrow();
            try (ResultSet rs = s.executeQuery("SELECT min_x, max_y FROM gpkg_contents WHERE table_name = 'incidents'")) {
                assertEquals(minX, rs.getDouble(1), 0.0, "the exact extent, not the rounded R-tree bounds");
                assertEquals(maxY, rs.getDouble(2), 0.0);
            }
            for (String index : GeoPackageSchema.SECONDARY_INDEXES.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '"
                        + index + "'")) {
                    assertEquals(1, rs.getInt(1), index + " is built again");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                    + " AND name = 'rtree_incidents_geom_insert'")) {
                assertEquals(1, rs.getInt(1), "the R-tree insert trigger is back");
            }
        }
    }

    @Test
    void createBulkNeverWritesOverAFile() throws Exception {
        Path db = dir.resolve("taken.gpkg");
        Files.writeString(db, "mine");
        StoreException e = assertThrows(StoreException.class,
                () -> IncidentStore.createBulk(db, generator.sources(), record.iterator(), n -> { }));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(db));
    }

    @Test
    void aLargeMergeGoesInWholeAndLaterEditsKeepTheIndexTrue() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            List<Incident> half = record.subList(0, 1_500);
            assertEquals(new IncidentStore.MergeResult(1_500, 0, 0), store.merge(half));
            assertEquals(16 + 1_500, store.count());
            assertEquals(new IncidentStore.MergeResult(1_500, 0, 1_500), store.merge(record));
            store.add(StoreEditsTest.newIncident(StoreEditsTest.NEW_ID, 69.59, 42.32));
            assertEquals(16 + 3_001, store.count());
            assertEquals(1, store.within(69.589, 42.319, 69.591, 42.321).size());
        }
        StoreEditsTest.assertIndexMatchesRows(db);
    }

    @Test
    void theSameNewIdTwiceInOneMergeKeepsTheLaterVersion() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        Incident first = record.get(0);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(new IncidentStore.MergeResult(1, 0, 1), store.merge(List.of(first, first)));
            Incident second = record.get(1);
            Incident secondMoved = second.withPosition(second.lon() + 0.01, second.lat());
            assertEquals(new IncidentStore.MergeResult(1, 1, 0), store.merge(List.of(second, secondMoved)));
            assertEquals(secondMoved, store.byId(second.id()).orElseThrow().withTimes(null, null));
            assertEquals(first, store.byId(first.id()).orElseThrow().withTimes(null, null));
        }
        StoreEditsTest.assertIndexMatchesRows(db);
    }

    @Test
    void aMergeThatFailsHalfwayLeavesTheStoreAsItWas() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        byte[] before = Files.readAllBytes(db);
        List<Incident> bad = new ArrayList<>(record.subList(0, 500));
        // A claim citing a source the store does not have breaks a foreign key in the middle of the batch.
        Incident broken = bad.get(250);
        bad.set(250, new Incident(broken.id(), broken.title(), broken.type(), broken.date(), broken.datePrecision(),
                broken.place(), broken.oblast(), broken.lon(), broken.lat(), broken.locationPrecision(), null, null,
                null, null, List.of(), List.of(new Claim("no-such-source", 1, null, null, null))));
        try (IncidentStore store = IncidentStore.open(db)) {
            assertThrows(StoreException.class, () -> store.merge(bad));
            assertEquals(16, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
        StoreEditsTest.assertIndexMatchesRows(db);
    }

    @Test
    void editsKeepTheExactExtentUpToTheLastIncident() throws Exception {
        Path db = dir.resolve("extent.gpkg");
        List<Incident> some = record.subList(0, 400); // an R-tree of more than one level
        IncidentStore.createBulk(db, generator.sources(), some.iterator(), n -> { });
        List<Incident> left = new ArrayList<>(some);
        try (IncidentStore store = IncidentStore.open(db)) {
            // Take away the westernmost, then the northernmost, ... : each time the extent shrinks to the rest.
            for (int round = 0; round < 8; round++) {
                Comparator<Incident> extreme = switch (round % 4) {
                    case 0 -> Comparator.comparingDouble(Incident::lon);
                    case 1 -> Comparator.comparingDouble(Incident::lat).reversed();
                    case 2 -> Comparator.comparingDouble(Incident::lon).reversed();
                    default -> Comparator.comparingDouble(Incident::lat);
                };
                Incident gone = left.stream().min(extreme).orElseThrow();
                assertTrue(store.delete(gone.id()));
                left.remove(gone);
                assertEquals(extent(left), storedExtent(db), "after deleting " + gone.id());
            }
            Incident far = StoreEditsTest.newIncident(StoreEditsTest.NEW_ID, 87.31, 49.17);
            store.add(far);
            left.add(far);
            assertEquals(extent(left), storedExtent(db), "after adding a point beyond the east");
            for (Incident i : List.copyOf(left)) {
                store.delete(i.id());
            }
            assertEquals(Arrays.asList(null, null, null, null), storedExtent(db), "nothing left");
        }
    }

    private static List<Double> extent(List<Incident> incidents) {
        return List.of(incidents.stream().mapToDouble(Incident::lon).min().orElseThrow(),
                incidents.stream().mapToDouble(Incident::lat).min().orElseThrow(),
                incidents.stream().mapToDouble(Incident::lon).max().orElseThrow(),
                incidents.stream().mapToDouble(Incident::lat).max().orElseThrow());
    }

    private static List<Double> storedExtent(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"
                        + " WHERE table_name = 'incidents'")) {
            List<Double> e = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                e.add(rs.getObject(k) == null ? null : rs.getDouble(k));
            }
            return e;
        }
    }

    private static List<Incident> byId(List<Incident> incidents) {
        return incidents.stream().sorted(Comparator.comparing(Incident::id)).toList();
    }
}
