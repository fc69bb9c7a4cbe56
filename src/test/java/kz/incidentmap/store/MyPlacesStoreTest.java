package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.MyPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own places (schema version 6): kept across reopening, renamed and deleted, a name never
 * twice; made in a new store and by the upgrade of a real version-5 file, which is backed up first.
 */
class MyPlacesStoreTest {

    private static final Instant WHEN = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path dir;

    @Test
    void placesAreKeptRenamedAndDeleted() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        MyPlace lived = new MyPlace("where I lived", 76.9457, 43.2383, List.of(5000, 200, 1000), WHEN);
        MyPlace office = new MyPlace("the office", 71.4304, 51.1283, List.of(), WHEN);
        try (IncidentStore store = IncidentStore.open(db)) {
            store.addMyPlace(lived);
            store.addMyPlace(office);
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(List.of(office, lived), store.myPlaces(), "by name, rings ascending, as written");
            assertEquals(List.of(200, 1000, 5000), store.myPlace("WHERE I LIVED").orElseThrow().rings());
            assertTrue(store.renameMyPlace("The Office", "old office"));
            assertFalse(store.renameMyPlace("nowhere", "x"));
            assertTrue(store.deleteMyPlace("where i lived"));
            assertFalse(store.deleteMyPlace("where i lived"));
            assertEquals(List.of(office.renamed("old office")), store.myPlaces());
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void aNameIsNeverTakenTwiceAndARefusalWritesNothing() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            store.addMyPlace(new MyPlace("home", 70, 45, List.of(100), WHEN));
            store.addMyPlace(new MyPlace("flat", 70.1, 45, List.of(100), WHEN));
            StoreException twice = assertThrows(StoreException.class,
                    () -> store.addMyPlace(new MyPlace("HOME", 71, 46, List.of(), WHEN)));
            assertTrue(twice.getMessage().contains("there is a place of that name already"), twice.getMessage());
            StoreException renamed = assertThrows(StoreException.class, () -> store.renameMyPlace("flat", "Home"));
            assertTrue(renamed.getMessage().contains("there is a place of that name already"), renamed.getMessage());
            assertEquals(List.of("flat", "home"), store.myPlaces().stream().map(MyPlace::name).toList());
            assertEquals(70.0, store.myPlace("home").orElseThrow().lon());
        }
    }

    @Test
    void aNewStoreHasTheTableRegisteredAsAttributes() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        assertEquals("attributes", StoreFixtures.firstValue(db, "SELECT data_type FROM gpkg_contents WHERE table_name = 'kim_my_places'"));
        assertEquals(Integer.toString(GeoPackageSchema.SCHEMA_VERSION),
                StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        assertTrue(GeoPackageSchema.SCHEMA_VERSION >= 6);
    }

    @Test
    void aVersion5FileIsBackedUpAndGetsTheTable() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(StoreFixtures.V5, db);
        byte[] original = Files.readAllBytes(db);
        assertEquals("5", StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        List<Incident> before;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            before = viewer.all();
            assertEquals(List.of(), viewer.myPlaces(), "viewing does not upgrade: the old file has no places");
        }
        assertArrayEquals(original, Files.readAllBytes(db), "viewing leaves the file as it was");
        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertEquals("incidents.gpkg.bak-v5", backup.getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file as it was");
            assertEquals(before, store.all(), "every record kept");
            store.addMyPlace(new MyPlace("home", 71.37, 42.9, List.of(500), WHEN));
        }
        assertEquals(Integer.toString(GeoPackageSchema.SCHEMA_VERSION),
                StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        assertEquals("attributes", StoreFixtures.firstValue(db, "SELECT data_type FROM gpkg_contents WHERE table_name = 'kim_my_places'"));
        assertEquals("home|500", StoreFixtures.firstValue(db, "SELECT name || '|' || rings FROM kim_my_places"));
        assertEquals(List.of(), StoreVerifier.problems(db));
    }
}
