package kz.incidentmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.WholeRecord;
import kz.incidentmap.store.RecordStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user meets when the server or the database is not as it should be: each a one-line message
 * naming the server (never a password) and what to do, and nothing written.
 */
@ExtendWith(ScratchServer.class)
class PgServerFaultsTest {

    private static final String SECRET = "s3cret-pw";

    private final ScratchServer.Server server;

    PgServerFaultsTest(ScratchServer.Server server) {
        this.server = server;
    }

    /** A database owned by a role that logs in with a password (the superuser is trusted). */
    private ServerAddress passwordDatabase(String role) {
        ServerAddress db = server.newDatabase(true);
        server.sql("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + SECRET + "'",
                "ALTER DATABASE " + db.database() + " OWNER TO " + role);
        server.sql(db.database(), "ALTER SCHEMA public OWNER TO " + role);
        return server.address(role, db.database());
    }

    private static void assertOneLine(StoreException e, ServerAddress at) {
        assertTrue(e.getMessage().startsWith(at.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aWrongPasswordIsToldWithWhereTheRightOneGoes() throws Exception {
        ServerAddress at = passwordDatabase("kim_wrong");
        StoreException e = assertThrows(StoreException.class,
                () -> PgRecords.connect(at, Map.of("PGPASSWORD", "not-it")));
        assertOneLine(e, at);
        assertTrue(e.getMessage().contains("refused user kim_wrong") && e.getMessage().contains("~/.pgpass"),
                e.getMessage());
        assertFalse(PgRecords.unreachable(e), "refused, not out of reach: a window does not fall back to its copy");
    }

    @Test
    void noPasswordAtAllIsToldSo() throws Exception {
        ServerAddress at = passwordDatabase("kim_none");
        String before = System.getProperty("org.postgresql.pgpassfile");
        Path empty = Files.createTempFile("pgpass", "");
        System.setProperty("org.postgresql.pgpassfile", empty.toString());
        try {
            StoreException e = assertThrows(StoreException.class, () -> PgRecords.connect(at, Map.of()));
            assertOneLine(e, at);
            assertTrue(e.getMessage().contains("PGPASSWORD"), e.getMessage());
        } finally {
            restore(before);
            Files.delete(empty);
        }
    }

    @Test
    void thePasswordComesFromPgpassOrPgpassword(@TempDir Path dir) throws Exception {
        ServerAddress at = passwordDatabase("kim_right");
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            r.ensureSchema();
        }
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":" + at.database() + ":kim_right:" + SECRET + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            assertEquals(List.of(), r.incidents());
        } finally {
            restore(before);
        }
    }

    private static void restore(String pgpassfile) {
        if (pgpassfile == null) {
            System.clearProperty("org.postgresql.pgpassfile");
        } else {
            System.setProperty("org.postgresql.pgpassfile", pgpassfile);
        }
    }

    @Test
    void aServerNotRunningIsToldWithItsAddress() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ServerAddress at = new ServerAddress("postgres", "127.0.0.1", closed, "kim");
        StoreException e = assertThrows(StoreException.class, () -> PgRecords.connect(at, Map.of()));
        assertOneLine(e, at);
        assertTrue(e.getMessage().contains("cannot reach the server at 127.0.0.1:" + closed), e.getMessage());
        assertTrue(PgRecords.unreachable(e), "out of reach: a window may show its copy");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        ServerAddress at = server.address("postgres", "no_such_db");
        StoreException e = assertThrows(StoreException.class, () -> PgRecords.connect(at, Map.of()));
        assertOneLine(e, at);
        assertTrue(e.getMessage().contains("no database 'no_such_db'") && e.getMessage().contains("createdb"),
                e.getMessage());
        assertFalse(PgRecords.unreachable(e));
    }

    @Test
    void aDatabaseWithoutPostgisIsRefusedAndLeftAlone() throws Exception {
        ServerAddress at = server.newDatabase(false);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            StoreException e = assertThrows(StoreException.class, r::ensureSchema);
            assertOneLine(e, at);
            assertTrue(e.getMessage().contains("CREATE EXTENSION postgis"), e.getMessage());
            assertEquals(0, r.schemaVersion());
            StoreException copy = assertThrows(StoreException.class,
                    () -> r.writeAll(RecordStoreContract.sample()));
            assertTrue(copy.getMessage().contains("no PostGIS"), copy.getMessage());
        }
    }

    @Test
    void aNewerSchemaIsRefusedForReadingAndWriting() throws Exception {
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            r.ensureSchema();
        }
        server.sql(at.database(), "UPDATE kim_schema SET version = 99");
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            for (var e : List.of(assertThrows(StoreException.class, r::incidents),
                    assertThrows(StoreException.class, r::ensureSchema),
                    assertThrows(StoreException.class, () -> r.writeAll(RecordStoreContract.sample())))) {
                assertOneLine(e, at);
                assertTrue(e.getMessage().contains("schema version 99, newer than this application knows (" + PgSchema.SCHEMA_VERSION + ")"),
                        e.getMessage());
            }
        }
        server.sql(at.database(), "UPDATE kim_schema SET version = " + PgSchema.SCHEMA_VERSION);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            assertEquals(List.of(), r.incidents(), "the refused write left nothing");
        }
    }

    @Test
    void aDatabaseWithoutARecordSaysHowToMakeOne() throws Exception {
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            StoreException e = assertThrows(StoreException.class, r::incidents);
            assertOneLine(e, at);
            assertTrue(e.getMessage().contains("init --db postgresql://" + at), e.getMessage());
        }
    }

    @Test
    void aStatementTimeoutIsToldAndNothingIsWritten() throws Exception {
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            r.ensureSchema();
        }
        // Another session holds incident_points: the copy writes the sources and incidents, then waits
        // for it past the timeout.
        try (Connection other = server.connect(at.database())) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("LOCK TABLE incident_points IN ACCESS EXCLUSIVE MODE");
            }
            try (PgRecords r = PgRecords.connect(at, Map.of("PGOPTIONS", "-c statement_timeout=500"))) {
                StoreException e = assertThrows(StoreException.class, () -> r.writeAll(RecordStoreContract.sample()));
                assertOneLine(e, at);
                assertTrue(e.getMessage().contains("statement_timeout") && e.getMessage().contains("nothing was changed"),
                        e.getMessage());
            }
            other.rollback();
        }
        try (Connection c = server.connect(at.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM sources)")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void aConnectionDroppedInTheMiddleOfACopyLeavesNothingWritten() throws Exception {
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            r.ensureSchema();
        }
        try (Connection other = server.connect(at.database())) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("LOCK TABLE incident_points IN ACCESS EXCLUSIVE MODE");
            }
            try (PgRecords r = PgRecords.connect(at, Map.of())) {
                // The copy writes the sources and incidents, then waits for incident_points; its session is
                // then ended.
                Thread ender = new Thread(() -> endWaitingSession(at.database()));
                ender.start();
                StoreException e = assertThrows(StoreException.class, () -> r.writeAll(RecordStoreContract.sample()));
                ender.join();
                assertOneLine(e, at);
                assertTrue(e.getMessage().contains("cannot write the record (nothing was changed): the connection to"
                        + " the server was lost"), e.getMessage());
            }
            other.rollback();
        }
        try (Connection c = server.connect(at.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM sources)"
                        + " + (SELECT count(*) FROM incident_vocabulary WHERE NOT built_in)")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    /** Ends the session on {@code database} that waits for a lock, as soon as there is one. */
    private void endWaitingSession(String database) {
        try (Connection c = server.connect("postgres");
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")) {
            ps.setString(1, database);
            for (int tries = 0; tries < 600; tries++) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void initMakesTheRolesOrSaysWhyNot() throws Exception {
        ServerAddress admin = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(admin, Map.of())) {
            assertEquals(java.util.Optional.empty(), r.initialise());
        }
        try (Connection c = server.connect(admin.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname IN"
                        + " ('kim_viewer', 'kim_editor', 'kim_admin')")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
        try (Connection c = server.connect(admin.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT has_table_privilege('kim_viewer', 'incidents', 'SELECT'),"
                        + " has_table_privilege('kim_viewer', 'incidents', 'UPDATE'),"
                        + " has_table_privilege('kim_editor', 'claims', 'INSERT')")) {
            rs.next();
            assertTrue(rs.getBoolean(1));
            assertFalse(rs.getBoolean(2));
            assertTrue(rs.getBoolean(3));
        }
        ServerAddress plain = passwordDatabase("kim_plain");
        try (PgRecords r = PgRecords.connect(plain, Map.of("PGPASSWORD", SECRET))) {
            String said = r.initialise().orElseThrow();
            assertTrue(said.contains("user kim_plain may not create roles"), said);
            assertEquals(PgSchema.SCHEMA_VERSION, r.schemaVersion(), "the tables are made all the same");
        }
    }

    @Test
    void aViewerWhoWritesIsToldWhichRightIsMissingAndNothingIsWritten() throws Exception {
        ServerAddress owner = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(owner, Map.of())) {
            r.initialise();
        }
        server.sql("postgres", "CREATE ROLE kim_reader LOGIN PASSWORD '" + SECRET + "' IN ROLE kim_viewer");
        ServerAddress at = server.address("kim_reader", owner.database());
        try (PgRecords r = PgRecords.connect(at, Map.of("PGPASSWORD", SECRET))) {
            assertEquals(List.of(), r.incidents(), "a viewer reads");
            StoreException e = assertThrows(StoreException.class, () -> r.writeAll(RecordStoreContract.sample()));
            assertOneLine(e, at);
            assertTrue(e.getMessage().contains("user kim_reader may not (ERROR: permission denied for table ")
                    && e.getMessage().contains("GRANT kim_editor TO kim_reader"), e.getMessage());
            assertFalse(e.getMessage().contains("INSERT"), "the statement and its values are not quoted");
            // Sources alone fail in a batch, whose own message quotes the statement with its values.
            WholeRecord sources = new WholeRecord(
                    RecordStoreContract.sample().sources(), List.of(), List.of(), List.of());
            StoreException batch = assertThrows(StoreException.class, () -> r.writeAll(sources));
            assertOneLine(batch, at);
            assertTrue(batch.getMessage().contains("permission denied for table sources"), batch.getMessage());
            assertFalse(batch.getMessage().contains("INSERT"), batch.getMessage());
            assertEquals(List.of(), r.vocabulary().added());
            assertEquals(List.of(), r.sources());
        }
    }

    @Test
    void theIncidentTablesHoldAPostgisPointTheNumbersAndWhoWrote() throws Exception {
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            r.writeAll(RecordStoreContract.sample());
        }
        Incident full = RecordStoreContract.full();
        try (Connection c = server.connect(at.database()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'incidents'")) {
                assertTrue(rs.next());
                assertEquals("POINT", rs.getString(1));
                assertEquals(4326, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'incidents_geom'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("USING gist (geom)"), rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT p.date_precision, p.sub_type, p.location_precision, p.killed_min,"
                    + " p.killed_max, p.wounded_min, p.wounded_max, p.casualties, p.day, i.version, i.updated_by,"
                    + " ST_X(i.geom), ST_Y(i.geom) FROM incident_points p JOIN incidents i ON i.fid = p.fid"
                    + " WHERE i.uuid = '" + full.id() + "'")) {
                assertTrue(rs.next());
                assertEquals(full.datePrecision().ordinal(), rs.getInt(1));
                assertEquals(full.subType().ordinal(), rs.getInt(2));
                assertEquals(full.locationPrecision().ordinal(), rs.getInt(3));
                assertEquals(List.of(2, 4, 11, 12, 16), List.of(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8)));
                assertEquals(full.date().toEpochDay(), rs.getInt(9));
                assertEquals(1, rs.getInt(10));
                assertEquals("postgres", rs.getString(11));
                assertEquals(full.lon(), rs.getDouble(12));
                assertEquals(full.lat(), rs.getDouble(13));
            }
        }
    }
}
