package kz.incidentmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentPoints;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.WholeRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row-level security on a server: a user granted kim_viewer reads neither an incident tagged restricted nor
 * anything that belongs to it (its links to sources, its claims, its point in the map's index, its history),
 * however it is read; a user granted kim_editor reads all of it.
 */
@ExtendWith(ScratchServer.class)
class PgRowSecurityTest {

    private static final String SECRET = "rls-pw";
    private static final String RESTRICTED = "33333333-3333-4333-8333-333333333333";

    private final ScratchServer.Server server;
    private ServerAddress owner;

    PgRowSecurityTest(ScratchServer.Server server) {
        this.server = server;
    }

    @BeforeEach
    void aRecordWithARestrictedIncident() throws Exception {
        owner = server.newDatabase(true);
        Incident full = RecordStoreContract.full();
        Incident restricted = new Incident(RESTRICTED, "Arrest of an informant", full.type(), full.date(),
                full.datePrecision(), full.place(), full.oblast(), 71.4, 42.95, full.locationPrecision(),
                full.perpetrator(), full.claimedBy(), full.description(), full.eventGroup(), full.sources(),
                full.claims(), full.subType(), full.time(), List.of("informant", " Restricted "), full.created(),
                full.updated());
        WholeRecord sample = RecordStoreContract.sample();
        List<Incident> incidents = new ArrayList<>(sample.incidents());
        incidents.add(restricted);
        try (PgRecords r = PgRecords.connect(owner, Map.of())) {
            r.initialise();
            r.writeAll(new WholeRecord(sample.sources(), incidents, sample.views(), sample.addedSubTypes()));
        }
        // Roles are the cluster's: made once for the whole run.
        server.sql("postgres", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rls_ana') THEN
                    CREATE ROLE rls_ana LOGIN PASSWORD 'rls-pw' IN ROLE kim_viewer;
                    CREATE ROLE rls_eve LOGIN PASSWORD 'rls-pw' IN ROLE kim_editor;
                  END IF;
                END $$""");
    }

    @Test
    void aViewerDoesNotSeeARestrictedIncidentNorWhatBelongsToIt() throws Exception {
        ServerAddress at = server.address("rls_ana", owner.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            Set<String> ids = r.incidents().stream().map(Incident::id).collect(Collectors.toSet());
            assertEquals(Set.of(RecordStoreContract.full().id(), "22222222-2222-4222-8222-222222222222"), ids);
            assertTrue(r.incident(RESTRICTED).isEmpty());
            assertEquals(List.of(), r.history(RESTRICTED));
            assertFalse(r.versions().containsKey(RESTRICTED));
            assertEquals(2, r.whole().incidents().size());
            IncidentPoints points = r.points();
            assertEquals(2, points.size(), "the map's index holds the two that are not restricted");
            assertEquals(2, r.byRowIds(new long[] {1, 2, 3}).size());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L), rowsOfTheRestricted("rls_ana"));
    }

    @Test
    void anEditorSeesEverything() throws Exception {
        ServerAddress at = server.address("rls_eve", owner.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(3, r.incidents().size());
            assertTrue(r.incident(RESTRICTED).isPresent());
            assertEquals(1, r.history(RESTRICTED).size());
            assertEquals(3, r.points().size());
        }
        assertEquals(List.of(2L, 4L, 1L, 1L), rowsOfTheRestricted("rls_eve"));
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            Incident restricted = r.incident(RESTRICTED).orElseThrow().incident();
            assertEquals(2, r.update(restricted.withTimes(restricted.created(), restricted.updated()), 1).orElseThrow(),
                    "an editor writes a restricted incident");
            assertTrue(r.delete(RESTRICTED, 2), "and deletes it, with its links and claims");
            assertTrue(r.incident(RESTRICTED).isEmpty());
        }
        assertEquals(List.of(0L, 0L, 0L, 3L), rowsOfTheRestricted("rls_eve"), "its history stays");
    }

    @Test
    void theServerKeepsTheRestrictedMarkFromTheTagsAsTheyChange() throws Exception {
        try (PgRecords r = PgRecords.connect(owner, Map.of())) {
            Incident bare = r.incident("22222222-2222-4222-8222-222222222222").orElseThrow().incident();
            Incident tagged = new Incident(bare.id(), bare.title(), bare.type(), bare.date(), bare.datePrecision(),
                    bare.place(), bare.oblast(), bare.lon(), bare.lat(), bare.locationPrecision(), bare.perpetrator(),
                    bare.claimedBy(), bare.description(), bare.eventGroup(), bare.sources(), bare.claims(),
                    bare.subType(), bare.time(), List.of("RESTRICTED"), bare.created(), bare.updated());
            assertTrue(r.update(tagged, 1).isPresent());
        }
        ServerAddress at = server.address("rls_ana", owner.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(List.of(RecordStoreContract.full().id()), r.incidents().stream().map(Incident::id).toList());
            assertEquals(List.of(), r.history("22222222-2222-4222-8222-222222222222"),
                    "none of its versions, the earlier unrestricted one neither");
            assertEquals(1, r.points().size(), "its point follows its tags");
        }
    }

    @Test
    void aRecordWrittenInBulkKeepsItsRestrictedPointFromAViewer() throws Exception {
        ServerAddress bulk = server.newDatabase(true);
        WholeRecord sample = RecordStoreContract.sample();
        try (PgRecords r = PgRecords.connect(owner, Map.of()); PgRecords b = PgRecords.connect(bulk, Map.of())) {
            b.initialise();
            assertEquals(3, b.generate(sample.sources(), r.incidents().iterator(), n -> { }));
        }
        ServerAddress at = server.address("rls_ana", bulk.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(2, r.points().size(), "the bulk writer marked the restricted incident's point");
        }
        try (java.sql.Connection c = server.connect(bulk.database()); java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM incident_points p JOIN incidents i ON i.fid = p.fid"
                        + " WHERE p.restricted <> i.restricted")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "as the server marks the incidents");
        }
    }

    @Test
    void aRecordOfVersionTwoWithItsRolesIsBroughtToVersionThreeAndHidesItsRestrictedIncidents() throws Exception {
        OlderSchemas.toVersion2(server, owner.database());
        ServerAddress at = server.address("rls_ana", owner.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(2, r.schemaVersion());
            assertEquals(3, r.incidents().size(), "version 2 hides nothing");
        }
        try (PgRecords r = PgRecords.connect(owner, Map.of())) {
            r.ensureSchema();
            assertEquals(PgSchema.SCHEMA_VERSION, r.schemaVersion());
        }
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(2, r.incidents().size());
            assertTrue(r.incident(RESTRICTED).isEmpty());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L), rowsOfTheRestricted("rls_ana"));
        assertEquals(List.of(2L, 4L, 1L, 1L), rowsOfTheRestricted("rls_eve"));
    }

    /** The restricted incident's links, claims, points and history rows as {@code user} reads them. */
    private List<Long> rowsOfTheRestricted(String user) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", SECRET);
        List<Long> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/"
                + owner.database(), p)) {
            for (String sql : Arrays.asList("SELECT count(*) FROM incident_sources WHERE incident_uuid = ?",
                    "SELECT count(*) FROM claims WHERE incident_uuid = ?",
                    "SELECT count(*) FROM incident_points WHERE fid = (SELECT fid FROM incidents WHERE uuid = ?)",
                    "SELECT count(*) FROM kim_history WHERE incident_uuid = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, RESTRICTED);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.add(rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
