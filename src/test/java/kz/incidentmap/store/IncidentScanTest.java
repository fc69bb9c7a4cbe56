package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan gives what {@link IncidentStore#all()} gives, in its order, a page at a time. */
class IncidentScanTest {

    @TempDir
    Path dir;

    private Path store(int count) throws Exception {
        Path db = dir.resolve("s.gpkg");
        SyntheticIncidents gen = SyntheticIncidents.forMaps(TestMaps.MAPS, 11);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(count), n -> { });
        return db;
    }

    private static List<Incident> list(Iterable<Incident> scan) {
        List<Incident> read = new ArrayList<>();
        scan.forEach(read::add);
        return read;
    }

    private static List<Thread> scanThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("incident-scan-")).toList();
    }

    @Test
    void aScanReadsEveryIncidentInTheOrderOfAllWithTheirSourcesAndClaims() throws Exception {
        try (IncidentStore store = IncidentStore.open(store(5_000)); IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE)) {
            List<Incident> all = store.all();
            assertEquals(5_000, scan.size());
            // 5,000 is two full pages and a part: the order must hold across page boundaries.
            assertTrue(scan.size() > 2 * IncidentScan.PAGE);
            assertEquals(all, list(scan));
            assertTrue(all.stream().anyMatch(i -> !i.claims().isEmpty()), "the records have claims to compare");
        }
    }

    @Test
    void pagesOfAnySizeComeInOrderAndTheDeletedAreLeftOut() throws Exception {
        try (IncidentStore store = IncidentStore.open(store(40))) {
            List<Incident> all = store.all();
            try (IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE, 3)) {
                assertTrue(store.delete(all.get(4).id()));
                assertTrue(store.delete(all.get(39).id()));
                List<Incident> expected = new ArrayList<>(all);
                expected.remove(39);
                expected.remove(4);
                assertEquals(40, scan.size(), "the count found when the scan began");
                assertEquals(expected, list(scan));
                assertEquals(expected, list(scan), "a second iteration reads the store again");
            }
        }
    }

    @Test
    void whereKeepsOnlyThePositionsItAccepts() throws Exception {
        try (IncidentStore store = IncidentStore.open(store(300));
                IncidentScan east = store.scan((lon, lat) -> lon > 70)) {
            List<Incident> expected = store.all().stream().filter(i -> i.lon() > 70).toList();
            assertTrue(expected.size() > 0 && expected.size() < 300, "the test store has incidents either side");
            assertEquals(expected.size(), east.size());
            assertEquals(expected, list(east));
        }
    }

    @Test
    void aPageThatCannotBeReadFailsNamingTheFile() throws Exception {
        Path db = store(50);
        Path moved = dir.resolve("moved.gpkg");
        try (IncidentStore store = IncidentStore.open(db); IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE)) {
            // The scan's connections open at the first page: a file gone by then cannot be read.
            Files.move(db, moved);
            IncidentScan.ReadFailure e = assertThrows(IncidentScan.ReadFailure.class, () -> scan.iterator().hasNext());
            assertTrue(e.getCause().getMessage().contains(db.toString()), e.getCause().getMessage());
        }
    }

    @Test
    void closingStopsTheReadingThreads() throws Exception {
        try (IncidentStore store = IncidentStore.open(store(100))) {
            IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE);
            List<Thread> before = scanThreads();
            assertTrue(scan.iterator().hasNext());
            List<Thread> started = new ArrayList<>(scanThreads());
            started.removeAll(before);
            assertFalse(started.isEmpty());
            scan.close();
            for (Thread t : started) {
                // A pool's thread may still be on its way out when the pool reports it has ended.
                t.join(10_000);
                assertFalse(t.isAlive(), t.getName());
            }
            assertThrows(IllegalStateException.class, scan::iterator);
        }
    }

    @Test
    void aPageThatFailsPartWayFailsAgainInsteadOfBeingSkipped() throws Exception {
        Path db = store(40);
        try (IncidentStore store = IncidentStore.open(db)) {
            List<Incident> all = store.all();
            try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE incidents SET type = 'bogus' WHERE uuid = '" + all.get(4).id() + "'");
            }
            try (IncidentScan scan = store.scan(IncidentScan.Where.ANYWHERE, 3)) {
                Iterator<Incident> it = scan.iterator();
                for (int k = 0; k < 3; k++) {
                    assertEquals(all.get(k), it.next());
                }
                IncidentScan.ReadFailure e = assertThrows(IncidentScan.ReadFailure.class, it::hasNext);
                assertTrue(e.getCause().getMessage().contains("field 'type'"), e.getCause().getMessage());
                assertSame(e, assertThrows(IncidentScan.ReadFailure.class, it::hasNext));
            }
        }
    }
}
