package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import kz.incidentmap.model.EventKind;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events as records (schema version 7): a real version-6 file upgraded turns its event_group into an
 * event; the seed makes the Taraz attack's five sites in order and the 2011 wave; changes are checked
 * and a refused one writes nothing.
 */
class EventStoreTest {

    static final String SURVEILLANCE = "57f917c1-9a98-44bb-9d29-e9a0dfef389e";
    static final String WEAPONS_STORE = "b05e5615-2670-4641-916f-4d4d3a298303";
    static final String HIJACKING = "36077109-478c-4414-ac9c-173fc73eaf27";
    static final String KNB_OFFICE = "9d7776f9-574d-43f4-b095-6f79a01fbf01";
    static final String CLAIM = "a418d07b-0f69-470f-937f-e9d0db22fc97";

    @TempDir
    Path dir;

    @Test
    void aVersion6FileIsBackedUpAndItsEventGroupBecomesAnEvent() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(StoreFixtures.V6, db);
        byte[] original = Files.readAllBytes(db);
        assertEquals("6", StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        List<Incident> before;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            before = viewer.all();
            assertEquals(List.of(), viewer.events(), "viewing does not upgrade");
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals("incidents.gpkg.bak-v6", store.upgradeBackup().orElseThrow().getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(store.upgradeBackup().orElseThrow()));
            assertEquals(before, store.all(), "every record kept, event_group too");
            List<IncidentEvent> events = store.events();
            assertEquals(1, events.size(), "one event_group value in the file");
            IncidentEvent taraz = events.get(0);
            assertEquals(StoreFixtures.TARAZ_GROUP, taraz.id());
            assertEquals(EventKind.EVENT, taraz.kind());
            // By date, then by the order of the record: the six records of 12 November, then the claim of the 19th.
            assertEquals(List.of(SURVEILLANCE, WEAPONS_STORE, HIJACKING, KNB_OFFICE, StoreFixtures.TARAZ_BLAST,
                    StoreFixtures.TARAZ_TOTAL, CLAIM), taraz.members().stream().map(EventMember::incidentId).toList());
        }
        assertEquals(Integer.toString(GeoPackageSchema.SCHEMA_VERSION),
                StoreFixtures.firstValue(db, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        assertEquals(7, GeoPackageSchema.SCHEMA_VERSION);
        for (String table : List.of("events", "event_members")) {
            assertEquals("attributes", StoreFixtures.firstValue(db,
                    "SELECT data_type FROM gpkg_contents WHERE table_name = '" + table + "'"), table);
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void theSeedMakesTheTarazAttackAndThe2011Wave() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentEvent taraz = store.event("Taraz attack of 12 November 2011").orElseThrow();
            assertEquals(List.of(SURVEILLANCE, WEAPONS_STORE, HIJACKING, KNB_OFFICE, StoreFixtures.TARAZ_BLAST),
                    taraz.members().stream().map(EventMember::incidentId).toList(), "the five sites, in order");
            assertEquals("wave-2011", taraz.parentId());
            IncidentEvent wave = store.event("wave-2011").orElseThrow();
            assertTrue(wave.isCampaign());
            assertEquals(1, wave.stepOf("56e52baf-b37e-45ee-8a25-5e79ea7c5f30"), "from the Aktobe bombing");
            assertEquals(wave.members().size(), wave.stepOf(CLAIM), "to the Taraz claim");
            assertEquals(List.of("wave-2011", StoreFixtures.TARAZ_GROUP), store.events().stream().map(IncidentEvent::id).toList(),
                    "the seed's groups are all events already: none is made twice");
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void membersAreAddedMovedAndTheEventDeletedWithoutItsIncidents() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            store.addEvent(new IncidentEvent("pair", "A pair", EventKind.EVENT, "WAVE-2011", null, null,
                    List.of(new EventMember(StoreFixtures.ATYRAU, LocalTime.of(9, 30)))));
            store.setEventMembers("pair", List.of(new EventMember(StoreFixtures.THREAT, null),
                    new EventMember(StoreFixtures.ATYRAU, LocalTime.of(9, 30))));
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentEvent pair = store.event("a pair").orElseThrow();
            assertEquals("wave-2011", pair.parentId(), "the parent as the store spells it");
            assertEquals(List.of(new EventMember(StoreFixtures.THREAT, null), new EventMember(StoreFixtures.ATYRAU, LocalTime.of(9, 30))),
                    pair.members());
            assertTrue(store.deleteEvent("pair"));
            assertFalse(store.deleteEvent("pair"));
            assertTrue(store.byId(StoreFixtures.ATYRAU).isPresent(), "the incidents stay");
            assertTrue(store.delete(StoreFixtures.TARAZ_BLAST));
            assertEquals(4, store.event(StoreFixtures.TARAZ_GROUP).orElseThrow().members().size(),
                    "a deleted incident leaves its events");
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void theCheckFindsWhatAnotherProgramBrokeInTheEventsTables() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("UPDATE events SET kind = 'event' WHERE event_id = 'wave-2011'");
            s.execute("UPDATE event_members SET position = 1 WHERE event_id = 'taraz-2011-11-12' AND position = 2");
            s.execute("UPDATE event_members SET incident_uuid = 'gone' WHERE event_id = 'taraz-2011-11-12' AND position = 5");
        }
        List<String> problems = StoreVerifier.problems(db);
        assertTrue(problems.contains("event 'taraz-2011-11-12' in events names 'wave-2011' as its campaign, but that is no campaign"),
                problems.toString());
        assertTrue(problems.contains("event 'taraz-2011-11-12' in event_members has two members at position 1, so their order"
                + " is not known"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("of event_members refers to a missing row of incidents")),
                problems.toString());
    }

    @Test
    void aRefusedChangeWritesNothing() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            List<IncidentEvent> before = store.events();
            StoreException unknown = assertThrows(StoreException.class, () -> store.setEventMembers(StoreFixtures.TARAZ_GROUP,
                    List.of(new EventMember(SURVEILLANCE, null), new EventMember("no-such-incident", null))));
            assertTrue(unknown.getMessage().contains("no incident with the id 'no-such-incident'"), unknown.getMessage());
            StoreException taken = assertThrows(StoreException.class, () -> store.addEvent(new IncidentEvent(
                    "Taraz-2011-11-12", "again", EventKind.EVENT, null, null, null, List.of())));
            assertTrue(taken.getMessage().contains("there is an event with that key already"), taken.getMessage());
            StoreException parent = assertThrows(StoreException.class, () -> store.addEvent(new IncidentEvent(
                    "x", "x", EventKind.EVENT, StoreFixtures.TARAZ_GROUP, null, null, List.of())));
            assertTrue(parent.getMessage().contains("is not a campaign"), parent.getMessage());
            assertThrows(StoreException.class, () -> store.setEventMembers("nothing", List.of()));
            assertEquals(before, store.events());
        }
    }
}
