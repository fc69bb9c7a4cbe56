package kz.incidentmap.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.HistoryEntry;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ScratchServer;
import kz.incidentmap.store.pg.ServerAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows on one server, as two sessions without a window: each with its own local copy in a cache
 * folder of its own, both on one throwaway database holding the contract's sample record.
 */
@ExtendWith(ScratchServer.class)
class SyncSessionTest {

    /** How long a test waits for what should come within a second, before it fails. */
    private static final long PATIENCE_MS = 10_000;

    private static final String FULL = RecordStoreContract.full().id();

    private final ScratchServer.Server server;
    private ServerAddress db;

    @TempDir
    Path caches;

    SyncSessionTest(ScratchServer.Server server) {
        this.server = server;
    }

    @BeforeEach
    void aRecordOnTheServer() throws Exception {
        db = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            r.writeAll(RecordStoreContract.sample());
        }
    }

    /** What a window would be told. */
    static final class Told implements SyncEvents {
        final BlockingQueue<String> changed = new LinkedBlockingQueue<>();
        final BlockingQueue<Conflict> conflicts = new LinkedBlockingQueue<>();
        volatile SyncStatus status = new SyncStatus(0, null);

        @Override
        public void changedHere(Set<String> ids) {
            changed.addAll(ids);
        }

        @Override
        public void conflict(Conflict conflict) {
            conflicts.add(conflict);
        }

        @Override
        public void status(SyncStatus now) {
            status = now;
        }
    }

    private SyncSession open(String window, Told told) throws StoreException {
        SyncSession s = SyncSession.open(db, Map.of(), caches.resolve(window), told);
        try {
            s.listening().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            s.close();
            throw new AssertionError("window " + window + " never listened: " + told.status, e);
        }
        return s;
    }

    static Incident retitled(Incident i, String title) {
        return new Incident(i.id(), title, i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(), i.lon(),
                i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(), i.description(), i.eventGroup(),
                i.sources(), i.claims(), i.subType(), i.time(), i.tags(), i.created(), i.updated());
    }

    static Incident described(Incident i, String description) {
        return new Incident(i.id(), i.title(), i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(), i.lon(),
                i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(), description, i.eventGroup(),
                i.sources(), i.claims(), i.subType(), i.time(), i.tags(), i.created(), i.updated());
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        await(() -> what, done);
    }

    private static void await(java.util.function.Supplier<String> what, BooleanSupplier done)
            throws InterruptedException {
        long until = System.currentTimeMillis() + PATIENCE_MS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("never happened: " + what.get());
            }
            Thread.sleep(20);
        }
    }

    private static Incident local(SyncSession s, String id) throws StoreException {
        return s.store().byId(id).orElse(null);
    }

    private Incident onServer(String id) throws StoreException {
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            return r.incident(id).map(x -> x.incident()).orElse(null);
        }
    }

    private int versionOnServer(String id) throws StoreException {
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            return r.incident(id).orElseThrow().version();
        }
    }

    private static void edit(SyncSession s, Incident changed) throws StoreException {
        s.store().replace(changed);
        s.edited(List.of(changed.id()));
    }

    @Test
    void aViewersSessionIsViewOnlyAndSendsNothingSayingWhy() throws Exception {
        try (PgRecords r = PgRecords.connect(db, Map.of())) {
            r.initialise();
        }
        server.sql("postgres", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sync_viewer') THEN
                    CREATE ROLE sync_viewer LOGIN PASSWORD 'sync-pw' IN ROLE kim_viewer;
                  END IF;
                END $$""");
        try (SyncSession owner = open("owner", new Told())) {
            assertTrue(owner.viewOnly().isEmpty(), "the record's owner may change it");
        }
        Told told = new Told();
        ServerAddress at = server.address("sync_viewer", db.database());
        try (SyncSession s = SyncSession.open(at, Map.of("PGPASSWORD", "sync-pw"), caches.resolve("viewer"), told)) {
            s.listening().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            String why = "view-only: sync_viewer may read this server's record but not change it (role kim_viewer)";
            assertEquals(why, s.viewOnly().orElseThrow().viewOnlyWords());
            edit(s, retitled(local(s, FULL), "Changed by a viewer"));
            s.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            await(() -> "the status says why: " + told.status, () -> told.status.problem() != null
                    && told.status.problem().equals(why + "; changes are not sent to the server"));
            assertEquals(1, told.status.pending(), "the change waits in the copy");
            assertEquals(1, versionOnServer(FULL), "nothing was sent");
            assertEquals(RecordStoreContract.full().title(), onServer(FULL).title());
        }
    }

    @Test
    void theCopyHoldsTheServersRecord() throws Exception {
        try (SyncSession a = open("a", new Told())) {
            assertEquals(2, a.store().count());
            assertEquals(RecordStoreContract.full().title(), local(a, FULL).title());
            assertTrue(ServerReplica.fileFor(caches.resolve("a"), db).toString().contains("servers"));
            assertFalse(ServerReplica.fileFor(caches.resolve("a"), db).getFileName().toString().contains(":"));
        }
    }

    @Test
    void anEditAnAdditionAndADeletionInOneWindowReachTheOther() throws Exception {
        Told toldB = new Told();
        Told toldA = new Told();
        try (SyncSession a = open("a", toldA); SyncSession b = open("b", toldB)) {
            edit(a, retitled(local(a, FULL), "Renamed in A"));
            await("B is told to show it anew", () -> toldB.changed.contains(FULL));
            assertEquals("Renamed in A", local(b, FULL).title());
            assertEquals(2, versionOnServer(FULL));

            Incident added = retitled(RecordStoreContract.full(), "New in A");
            added = new Incident("33333333-3333-4333-8333-333333333333", added.title(), added.type(), added.date(),
                    added.datePrecision(), added.place(), added.oblast(), added.lon(), added.lat(),
                    added.locationPrecision(), null, null, null, null, added.sources(), added.claims(), added.subType(),
                    null, List.of(), null, null);
            a.store().add(added);
            a.edited(List.of(added.id()));
            String bare = "22222222-2222-4222-8222-222222222222";
            a.store().delete(bare);
            a.edited(List.of(bare));
            await(() -> "B has the addition; A: " + toldA.status + " B: " + toldB.status, () -> {
                try {
                    return local(b, "33333333-3333-4333-8333-333333333333") != null;
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            await(() -> "B has not the deletion; A: " + toldA.status + " B: " + toldB.status, () -> {
                try {
                    return local(b, bare) == null;
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals(0, toldB.status.pending());
            assertEquals(null, onServer(bare));
            assertEquals("New in A", onServer("33333333-3333-4333-8333-333333333333").title());
        }
    }

    @Test
    void changesNotNamedOneByOneAreFoundInTheCopyAndSent() throws Exception {
        Told told = new Told();
        try (SyncSession a = open("a", told)) {
            // As an import or a merge writes: several incidents, which ones not said.
            a.store().replace(retitled(local(a, FULL), "Retitled by an import"));
            String bare = "22222222-2222-4222-8222-222222222222";
            a.store().delete(bare);
            a.editedMany();
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            await(() -> "both sent: " + told.status, () -> told.status.pending() == 0 && told.status.problem() == null);
            assertEquals("Retitled by an import", onServer(FULL).title());
            assertEquals(null, onServer(bare));
        }
    }

    @Test
    void twoEditsOfOneIncidentMeetAsAConflictAndTheMergeKeepsBoth() throws Exception {
        Told toldA = new Told();
        Told toldB = new Told();
        try (SyncSession a = open("a", toldA); SyncSession b = open("b", toldB)) {
            // B's edit is saved in its copy but not yet pushed when A's arrives.
            b.store().replace(described(local(b, FULL), "Described in B"));
            edit(a, retitled(local(a, FULL), "Renamed in A"));
            Conflict c = toldB.conflicts.poll(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertNotNull(c, "B is shown the conflict");
            assertEquals("Renamed in A", c.theirs().incident().title());
            assertEquals(2, c.theirVersion());
            assertEquals("Described in B", c.mine().description());
            assertEquals(RecordStoreContract.full().title(), c.mine().title());
            assertEquals("Described in B", local(b, FULL).description(), "B's change is kept while unsettled");
            b.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals(1, toldB.status.pending());
            assertEquals("1 change not yet on the server", toldB.status.words());
            // Left unsettled (the dialog cancelled), it is asked again when the incident is edited again.
            b.edited(List.of(FULL));
            assertEquals(c, toldB.conflicts.poll(PATIENCE_MS, TimeUnit.MILLISECONDS));

            Incident merged = ConflictResolution.merge(c, Map.of(ConflictField.DESCRIPTION, ConflictResolution.Side.MINE));
            b.resolve(c, merged);
            b.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals(0, toldB.status.pending());
            Incident there = onServer(FULL);
            assertEquals("Renamed in A", there.title());
            assertEquals("Described in B", there.description());
            assertEquals(3, versionOnServer(FULL));
            await("A sees the merged record", () -> toldA.changed.contains(FULL));
            assertEquals("Described in B", local(a, FULL).description());
            assertEquals("Renamed in A", local(a, FULL).title());
            assertTrue(toldA.conflicts.isEmpty(), "A, which won, has nothing to settle");
        }
    }

    @Test
    void theStepsOfMakingTheCopyAreToldAtTheFirstOpeningAndNoneAfter() throws Exception {
        List<CopyStep> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SyncSession s = SyncSession.opened(db, Map.of(), caches.resolve("a"), new Told(), (step, n) -> steps.add(step))) {
            assertEquals(List.of(CopyStep.READING, CopyStep.WRITING, CopyStep.CHECKING), steps);
        }
        steps.clear();
        try (SyncSession s = SyncSession.opened(db, Map.of(), caches.resolve("a"), new Told(), (step, n) -> steps.add(step))) {
            assertEquals(List.of(), steps, "the copy is there");
        }
    }

    @Test
    void aCopyOpenedAgainIsShownAsLeftThenBroughtUpToTheServersStateTellingWhatChanged() throws Exception {
        try (SyncSession b = open("b", new Told())) {
            assertEquals(RecordStoreContract.full().title(), local(b, FULL).title());
        }
        try (SyncSession a = open("a", new Told())) {
            edit(a, retitled(local(a, FULL), "Renamed in A while B was closed"));
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        }
        Told told = new Told();
        try (SyncSession b = SyncSession.opened(db, Map.of(), caches.resolve("b"), told)) {
            assertEquals(RecordStoreContract.full().title(), local(b, FULL).title(), "the copy as it was left");
            assertTrue(told.changed.isEmpty(), "nothing read from the server before start");
            b.start().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals("Renamed in A while B was closed", local(b, FULL).title());
            assertEquals(FULL, told.changed.poll(PATIENCE_MS, TimeUnit.MILLISECONDS));
            b.listening().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals(0, told.status.pending());
        }
    }

    @Test
    void anUnsettledChangeIsStillPendingAfterClosingAndReopening() throws Exception {
        Told toldB = new Told();
        try (SyncSession a = open("a", new Told())) {
            try (SyncSession b = open("b", toldB)) {
                b.store().replace(described(local(b, FULL), "Described in B"));
                edit(a, retitled(local(a, FULL), "Renamed in A"));
                assertNotNull(toldB.conflicts.poll(PATIENCE_MS, TimeUnit.MILLISECONDS));
            }
            Told again = new Told();
            try (SyncSession b = open("b", again)) {
                Conflict c = again.conflicts.poll(PATIENCE_MS, TimeUnit.MILLISECONDS);
                assertNotNull(c, "the conflict is shown again after a restart");
                assertEquals("Described in B", local(b, FULL).description());
                assertEquals(RecordStoreContract.full().description(), onServer(FULL).description(),
                        "nothing of B's reached the server unsettled");
                b.resolve(c, ConflictResolution.mine(c));
                b.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
                assertEquals("Described in B", onServer(FULL).description());
                assertEquals(RecordStoreContract.full().title(), onServer(FULL).title(), "keep mine: all of mine");
                assertEquals(0, again.status.pending());
            }
        }
    }

    @Test
    void theHistoryListsEveryVersionAndAnEarlierOneIsRestoredAsANewVersion() throws Exception {
        try (SyncSession a = open("a", new Told())) {
            edit(a, retitled(local(a, FULL), "Second title"));
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            edit(a, retitled(local(a, FULL), "Third title"));
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            List<HistoryEntry> history = a.history(FULL);
            assertEquals(List.of(1, 2, 3), history.stream().map(HistoryEntry::version).toList());
            assertEquals(List.of("insert", "update", "update"), history.stream().map(HistoryEntry::operation).toList());
            assertTrue(history.stream().allMatch(h -> h.changedBy().equals("postgres")));

            Incident first = a.historical(FULL, 1).orElseThrow();
            assertEquals(RecordStoreContract.full().title(), first.title());
            assertEquals(RecordStoreContract.full().claims(), first.claims());
            assertEquals(RecordStoreContract.full().sources(), first.sources());
            assertEquals(RecordStoreContract.full().lon(), first.lon(), 1e-9);
            assertEquals(RecordStoreContract.full().tags(), first.tags());
            edit(a, first);
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertEquals(4, versionOnServer(FULL));
            assertEquals(RecordStoreContract.full().title(), onServer(FULL).title());
            assertEquals(4, a.history(FULL).size());
            assertTrue(a.historical(FULL, 9).isEmpty());
        }
    }

    @Test
    void aChangeMadeWhileTheServerIsUnreachableIsKeptAndSentWhenItIsBack() throws Exception {
        Told told = new Told();
        try (SyncSession a = open("a", told)) {
            a.settled().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
            server.sql("postgres", "ALTER DATABASE " + db.database() + " ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database() + "'");
            try {
                edit(a, retitled(local(a, FULL), "Renamed offline"));
                await("the status says the change waits and why", () -> told.status.pending() == 1
                        && told.status.problem() != null);
                assertTrue(told.status.words().startsWith("1 change not yet on the server — "), told.status.words());
                assertTrue(told.status.problem().contains(db.toString()), told.status.problem());
                assertEquals("Renamed offline", local(a, FULL).title(), "the change is kept here");
            } finally {
                server.sql("postgres", "ALTER DATABASE " + db.database() + " ALLOW_CONNECTIONS true");
            }
            await("the change reaches the server once it is back", () -> {
                try {
                    return "Renamed offline".equals(onServer(FULL).title());
                } catch (StoreException e) {
                    return false;
                }
            });
            await("nothing is pending", () -> told.status.pending() == 0 && told.status.problem() == null);
        }
    }

    @Test
    void aSecondWindowOnTheSameCopyIsToldTheCopyIsInUse() throws Exception {
        try (SyncSession a = open("a", new Told())) {
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> SyncSession.open(db, Map.of(), caches.resolve("a"), new Told()));
            assertTrue(e.getMessage().startsWith(db + ": the local copy"), e.getMessage());
            assertTrue(e.getMessage().contains("open in another window"), e.getMessage());
            assertEquals(2, a.store().count(), "the first window goes on");
        }
    }

    @Test
    void aRecordOfSchemaVersionOneIsRefusedWithWhatToDo() throws Exception {
        server.sql(db.database(), "DROP TRIGGER incidents_notify ON incidents", "UPDATE kim_schema SET version = 1");
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> SyncSession.open(db, Map.of(), caches.resolve("a"), new Told()));
        assertTrue(e.getMessage().contains("init --db " + db.uri()), e.getMessage());
    }
}
