package kz.incidentmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema version 2 on a server: the notification of every written incident, the history of its
 * versions, writing over a version that is no longer the server's, and the step up from version 1.
 */
@ExtendWith(ScratchServer.class)
class PgChangesTest {

    private static final Incident FULL = RecordStoreContract.full();

    private final ScratchServer.Server server;

    PgChangesTest(ScratchServer.Server server) {
        this.server = server;
    }

    private ServerAddress withSample() throws Exception {
        ServerAddress db = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            r.writeAll(RecordStoreContract.sample());
        }
        return db;
    }

    /** Everything heard until {@code count} changes came or a generous wait ran out. */
    private static Map<String, Integer> hear(PgChanges changes, int count) throws Exception {
        Map<String, Integer> heard = new HashMap<>();
        for (int tries = 0; tries < 40 && heard.size() < count; tries++) {
            heard.putAll(changes.await(250));
        }
        return heard;
    }

    private static Incident retitled(Incident i, String title) {
        return new Incident(i.id(), title, i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(), i.lon(),
                i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(), i.description(), i.eventGroup(),
                i.sources(), i.claims(), i.subType(), i.time(), i.tags(), i.created(), i.updated());
    }

    @Test
    void theTriggerTellsOfEveryInsertUpdateAndDelete() throws Exception {
        ServerAddress db = withSample();
        try (PgChanges changes = PgChanges.listen(db, Map.of()); PgRecords r = PgRecords.connect(db, Map.of())) {
            assertEquals(2, r.update(retitled(FULL, "Renamed"), 1).orElseThrow());
            assertEquals(Map.of(FULL.id(), 2), hear(changes, 1));

            Incident added = new Incident("44444444-4444-4444-8444-444444444444", "Added", FULL.type(), null, null,
                    null, null, 70.0, 45.0, null, null, null, null, null, List.of(), List.of(), null, null, List.of(),
                    null, null);
            assertEquals(1, r.insert(added).orElseThrow());
            assertEquals(Map.of(added.id(), 1), hear(changes, 1));

            assertTrue(r.delete(added.id(), 1));
            assertEquals(Map.of(added.id(), 2), hear(changes, 1), "a deletion counts as the next version");
        }
    }

    @Test
    void aWriteOverAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
        ServerAddress db = withSample();
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            assertEquals(2, r.update(retitled(FULL, "First"), 1).orElseThrow());
            assertTrue(r.update(retitled(FULL, "Second"), 1).isEmpty());
            assertFalse(r.delete(FULL.id(), 1));
            assertTrue(r.insert(FULL).isEmpty(), "an incident the server has is not added again");
            ServerIncident now = r.incident(FULL.id()).orElseThrow();
            assertEquals("First", now.incident().title());
            assertEquals(2, now.version());
            assertEquals("postgres", now.updatedBy());
            assertEquals(List.of(1, 2), r.history(FULL.id()).stream().map(HistoryEntry::version).toList());
        }
    }

    @Test
    void aDeletedIncidentCanBeReadBackFromItsHistory() throws Exception {
        ServerAddress db = withSample();
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            assertTrue(r.delete(FULL.id(), 1));
            assertTrue(r.incident(FULL.id()).isEmpty());
            List<HistoryEntry> h = r.history(FULL.id());
            assertEquals(List.of("insert", "delete"), h.stream().map(HistoryEntry::operation).toList());
            Incident back = r.historical(FULL.id(), 2).orElseThrow();
            assertEquals(FULL.withTimes(back.created(), back.updated()), back);
        }
    }

    @Test
    void aRecordOfVersionOneIsBroughtToVersionTwoWithItsIncidentsAsTheFirstEntries() throws Exception {
        ServerAddress db = withSample();
        // What a version-1 record looks like: no history, no trigger.
        OlderSchemas.toVersion2(server, db.database());
        server.sql(db.database(), "DROP TRIGGER incidents_notify ON incidents", "DROP FUNCTION kim_notify_change()",
                "DROP TABLE kim_history", "DROP FUNCTION kim_incident_record(text)", "UPDATE kim_schema SET version = 1");
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            assertEquals(1, r.schemaVersion());
            StoreException e = assertThrows(StoreException.class, () -> r.update(FULL, 1));
            assertTrue(e.getMessage().contains("init --db " + db.uri()), e.getMessage());
            assertEquals(FULL.title(), r.incident(FULL.id()).orElseThrow().incident().title());
            r.ensureSchema();
            assertEquals(PgSchema.SCHEMA_VERSION, r.schemaVersion());
            assertEquals(List.of("insert"), r.history(FULL.id()).stream().map(HistoryEntry::operation).toList());
        }
        try (Connection c = server.connect(db.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname = 'incidents_notify'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
