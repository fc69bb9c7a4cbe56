package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.SEED;
import static kz.incidentmap.store.StoreFixtures.TARAZ_BLAST;
import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes: each is one transaction, keeps the R-tree and extent true, and a refused write changes nothing. */
class StoreEditsTest {

    static final String NEW_ID = "0b4f5f1e-8a53-4a4e-9a57-2f1a1d2b3c4d";

    @TempDir
    Path dir;

    static Incident newIncident(String id, double lon, double lat) {
        Source s = new Source("edit-test", "A report", "Test news", "https://example.org/a", LocalDate.of(2012, 3, 4), "ru");
        return new Incident(id, "Shooting at a checkpoint", IncidentType.ARMED_ATTACK, LocalDate.of(2012, 3, 3),
                DatePrecision.DAY, "Shymkent", "Turkistan Region", lon, lat, LocationPrecision.CITY, "unknown", null,
                "A test record.", null, List.of(s), List.of(new Claim("edit-test", 2, 5, null, null)),
                IncidentSubType.ATTACK_ON_CIVILIANS, LocalTime.of(14, 30), List.of("checkpoint", "police"), null, null);
    }

    @Test
    void addReplaceAndDeleteKeepTheSpatialIndexTrue() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            Incident added = store.add(newIncident(NEW_ID, 69.59, 42.32));
            assertEquals(newIncident(NEW_ID, 69.59, 42.32), added.withTimes(null, null));
            assertEquals(added.created(), added.updated());
            assertEquals(List.of(added), store.within(69.5, 42.2, 69.7, 42.4));

            Thread.sleep(5);
            Incident moved = store.replace(added.withPosition(76.95, 43.25));
            assertEquals(added.created(), moved.created(), "created stays");
            assertTrue(moved.updated().isAfter(added.updated()), "updated moves on");
            assertTrue(store.within(69.5, 42.2, 69.7, 42.4).isEmpty(), "the old index entry is gone");
            assertEquals(List.of(moved), store.within(76.94, 43.24, 76.96, 43.255));

            assertTrue(store.delete(NEW_ID));
            assertFalse(store.delete(NEW_ID));
            assertTrue(store.within(76.94, 43.24, 76.96, 43.255).isEmpty());
            assertEquals(16, store.count());
        }
        assertIndexMatchesRows(db);
    }

    @Test
    void aFailingWriteChangesNothing() throws Exception {
        Path db = seededStore(dir);
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            Incident twice = store.byId(TARAZ_BLAST).orElseThrow();
            // The second incident has the id of a stored one: the whole merge is refused.
            StoreException e = assertThrows(StoreException.class, () -> store.add(twice));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertEquals(16, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void mergeAddsNewReplacesChangedAndSkipsEqual() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            Incident blast = store.byId(TARAZ_BLAST).orElseThrow();
            Incident changed = store.all().get(0);
            changed = new Incident(changed.id(), changed.title() + " (corrected)", changed.type(), changed.date(),
                    changed.datePrecision(), changed.place(), changed.oblast(), changed.lon(), changed.lat(),
                    changed.locationPrecision(), changed.perpetrator(), changed.claimedBy(), changed.description(),
                    changed.eventGroup(), changed.sources(), changed.claims(), changed.subType(), changed.time(),
                    changed.tags(), changed.created(), changed.updated());
            IncidentStore.MergeResult r = store.merge(List.of(blast, changed, newIncident(NEW_ID, 69.59, 42.32)));
            assertEquals(new IncidentStore.MergeResult(1, 1, 1), r);
            assertEquals(17, store.count());
            assertTrue(store.byId(changed.id()).orElseThrow().title().endsWith("(corrected)"));
            assertEquals(blast, store.byId(TARAZ_BLAST).orElseThrow());
        }
        assertIndexMatchesRows(db);
    }

    @Test
    void aReadOnlyFileOpensForViewingAndRefusesWrites() throws Exception {
        Path db = seededStore(dir);
        Files.delete(StoreLock.lockFile(db));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertTrue(store.isReadOnly());
            assertEquals(16, store.count());
            StoreException e = assertThrows(StoreException.class, () -> store.delete(TARAZ_BLAST));
            assertTrue(e.getMessage().contains("open for viewing only"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertArrayEquals(before, Files.readAllBytes(db));
        assertFalse(Files.exists(StoreLock.lockFile(db)), "viewing takes no lock");
    }

    @Test
    void createEmptyMakesAnEmptyStoreAndRefusesAnExistingFile() throws Exception {
        Path db = dir.resolve("new.gpkg");
        IncidentStore.createEmpty(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(0, store.count());
        }
        Path existing = seededStore(dir);
        byte[] before = Files.readAllBytes(existing);
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.createEmpty(existing));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(existing));
        assertNotEquals(0, Files.size(SEED));
    }

    /** Every row with a geometry has exactly one R-tree entry, there are no others, and nothing cites a deleted row. */
    static void assertIndexMatchesRows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT count(*) FROM incidents WHERE fid NOT IN (SELECT id FROM rtree_incidents_geom)"));
            assertEquals(0, count(s, "SELECT count(*) FROM rtree_incidents_geom WHERE id NOT IN (SELECT fid FROM incidents)"));
            assertEquals(0, count(s, "SELECT count(*) FROM claims WHERE incident_uuid NOT IN (SELECT uuid FROM incidents)"));
            assertEquals(0, count(s, "SELECT count(*) FROM incident_sources WHERE incident_uuid NOT IN (SELECT uuid FROM incidents)"));
            assertEquals(0, count(s, "SELECT count(*) FROM incident_points WHERE fid NOT IN (SELECT fid FROM incidents)"));
            assertEquals(0, count(s, "SELECT count(*) FROM rtree_incidents_geom r JOIN incident_points p ON p.fid = r.id"
                    + " WHERE r.minx > p.lon OR r.maxx < p.lon OR r.miny > p.lat OR r.maxy < p.lat"), "boxes hold their points");
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_incidents_geom')")) {
                assertEquals("ok", rs.getString(1), "SQLite's own check of the R-tree's structure");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(rs.next(), "no row refers to a missing incident or source");
            }
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
