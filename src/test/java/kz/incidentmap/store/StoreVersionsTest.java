package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema versions: a real version-1 file ({@code src/test/resources/store/incidents-v1.gpkg}, written by
 * the version-1 code from the curated seed) is backed up and upgraded on open, keeping every record and
 * every table it does not know; so is a real version-3 file ({@code incidents-v3.gpkg}, written by the
 * version-3 code: the curated seed and the ACLED sample imported, then vacuumed to 4 KiB pages), whose
 * points then hold the facts the join of its incidents and claims gives; a newer file is refused untouched.
 */
class StoreVersionsTest {

    private static final Path V1 = Path.of("src/test/resources/store/incidents-v1.gpkg");
    private static final Path V3 = Path.of("src/test/resources/store/incidents-v3.gpkg");

    @TempDir
    Path dir;

    private Path v1Copy() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(V1, db);
        return db;
    }

    @Test
    void aVersion1FileIsBackedUpAndUpgradedKeepingEveryRecordAndForeignTable() throws Exception {
        Path db = v1Copy();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE osm_roads (fid INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO osm_roads (name) VALUES ('Kazybek Bi street')");
        }
        byte[] original = Files.readAllBytes(db);
        List<Incident> asV1;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            asV1 = viewer.all();
        }
        assertArrayEquals(original, Files.readAllBytes(db), "viewing does not upgrade");
        assertEquals(16, asV1.size());
        assertNull(asV1.get(0).subType(), "a version-1 file has no sub-types");

        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertEquals("incidents.gpkg.bak-v1", backup.getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file as it was");
            Map<String, Incident> upgraded = store.all().stream().collect(Collectors.toMap(Incident::id, i -> i));
            for (Incident old : asV1) {
                Incident now = upgraded.get(old.id());
                assertEquals(IncidentSubType.defaultFor(old.type()), now.subType(), old.title());
                assertEquals(old.type().acledSubEventType(), now.subType().acledSubEventType());
                assertEquals(old, new Incident(now.id(), now.title(), now.type(), now.date(), now.datePrecision(),
                        now.place(), now.oblast(), now.lon(), now.lat(), now.locationPrecision(), now.perpetrator(),
                        now.claimedBy(), now.description(), now.eventGroup(), now.sources(), now.claims(), null,
                        null, List.of(), now.created(), now.updated()), "unchanged apart from the sub-type");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals(String.valueOf(GeoPackageSchema.SCHEMA_VERSION),
                    string(s, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
            assertEquals("Kazybek Bi street", string(s, "SELECT name FROM osm_roads"), "foreign tables are kept");
            assertEquals("ok", string(s, "PRAGMA integrity_check"));
        }
        try (IncidentStore again = IncidentStore.open(db)) {
            assertTrue(again.upgradeBackup().isEmpty(), "a current file is not upgraded twice");
        }
    }

    @Test
    void aVersion3FileGetsTheFactsOfItsIncidentsAndClaimsAndReadsAsTheJoinReadIt() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(V3, db);
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            // As another program may write them: a code in other case with blanks, one this version does not know.
            s.execute("UPDATE incidents SET date_precision = ' Month ' WHERE fid = (SELECT min(fid) FROM incidents)");
            s.execute("UPDATE incidents SET location_precision = 'building' WHERE fid = (SELECT max(fid) FROM incidents)");
        }
        byte[] original = Files.readAllBytes(db);
        String asV3;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            asV3 = words(viewer.points());
        }
        assertArrayEquals(original, Files.readAllBytes(db), "viewing does not upgrade");

        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertEquals("incidents.gpkg.bak-v3", backup.getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file as it was");
            assertEquals(asV3, words(store.points()), "what the join gave, now read from incident_points");
        }
        Map<Long, String> byJoin = StoredFacts.byJoin(db);
        assertEquals(20, byJoin.size());
        assertTrue(byJoin.get(1L).startsWith("month "), byJoin.get(1L));
        assertEquals(byJoin, StoredFacts.inPoints(db));
        Path fresh = dir.resolve("new.gpkg");
        IncidentStore.createEmpty(fresh);
        assertEquals(pointColumns(fresh), pointColumns(db), "an upgraded store is laid out as a new one");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals(String.valueOf(GeoPackageSchema.SCHEMA_VERSION),
                    string(s, "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void theVersion5StepAddsGradesAndCopiesLaidOutAsInANewStoreAndKeepsThem() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(V3, db);
        byte[] original = Files.readAllBytes(db);
        Incident first;
        try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
            first = viewer.all().get(0);
            assertNull(first.sources().get(0).reliability(), "an older file is read as not graded");
            assertTrue(viewer.copies(null).isEmpty(), "and without copies");
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file as it was");
            Source graded = first.sources().get(0).withReliability(Reliability.B);
            List<Claim> claims = first.claims().stream().map(c -> new Claim(c.sourceKey(), c.killed(), c.wounded(),
                    c.date(), c.note(), Credibility.PROBABLY_TRUE)).toList();
            store.replace(first.withLinks(List.of(graded), claims.stream()
                    .filter(c -> c.sourceKey().equals(graded.key())).toList()));
            store.keepCopy(graded.key(), "report.txt", "text/plain", "seven killed".getBytes());
        }
        try (IncidentStore again = IncidentStore.open(db)) {
            Incident read = again.byId(first.id()).orElseThrow();
            assertEquals(Reliability.B, read.sources().get(0).reliability());
            assertTrue(read.claims().stream().allMatch(c -> c.credibility() == Credibility.PROBABLY_TRUE));
            assertEquals(1, again.copies(read.sources().get(0).key()).size());
        }
        Path fresh = dir.resolve("new.gpkg");
        IncidentStore.createEmpty(fresh);
        for (String table : List.of("sources", "claims", GeoPackageSchema.COPIES)) {
            assertEquals(columns(fresh, table), columns(db, table), table + " of an upgraded store is as in a new one");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals("attributes", string(s, "SELECT data_type FROM gpkg_contents WHERE table_name = 'source_copies'"));
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    private static List<String> columns(Path db, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + table + "')")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
            }
        }
        return columns;
    }

    /** Every figure the points give of every row, one line per row. */
    private static String words(IncidentPoints p) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < p.size(); r++) {
            s.append(p.fid(r)).append(' ').append(p.lon(r)).append(' ').append(p.lat(r)).append(' ').append(p.type(r))
                    .append(' ').append(p.day(r)).append(' ').append(p.casualties(r)).append(' ').append(p.spanStart(r))
                    .append("..").append(p.spanEnd(r)).append(" killed ").append(p.killedMin(r)).append('-')
                    .append(p.killedMax(r)).append(" wounded ").append(p.woundedMin(r)).append('-')
                    .append(p.woundedMax(r)).append(' ').append(p.subType(r)).append(' ')
                    .append(p.locationPrecision(r)).append('\n');
        }
        return s.toString();
    }

    private static List<String> pointColumns(Path db) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_info('incident_points')")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
            }
        }
        return columns;
    }

    @Test
    void aSecondUpgradeNeverOverwritesAnOlderBackup() throws Exception {
        Path db = v1Copy();
        Files.writeString(dir.resolve("incidents.gpkg.bak-v1"), "an older backup");
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals("incidents.gpkg.bak-v1-2", store.upgradeBackup().orElseThrow().getFileName().toString());
        }
        assertEquals("an older backup", Files.readString(dir.resolve("incidents.gpkg.bak-v1")));
    }

    @Test
    void aFailingUpgradeLeavesTheFileAsItWas() throws Exception {
        Path db = v1Copy();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // A column of that name already exists: the upgrade's ALTER TABLE fails half way.
            s.execute("ALTER TABLE incidents ADD COLUMN tags TEXT");
        }
        assertRefusedUntouched(db, "cannot upgrade the store from schema version 1 (unchanged");
        assertTrue(Files.exists(dir.resolve("incidents.gpkg.bak-v1")));
    }

    @Test
    void aNewerFileIsRefusedUntouched() throws Exception {
        Path db = v1Copy();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE kim_metadata SET value = '8' WHERE key = 'schema_version'");
        }
        assertRefusedUntouched(db, "written by a newer version of the application (schema version 8;"
                + " this version reads up to 7)");
        assertFalse(Files.exists(dir.resolve("incidents.gpkg.bak-v8")));
    }

    /** Opening fails with a message containing {@code expected}, and the file keeps every byte. */
    private static void assertRefusedUntouched(Path db, String expected) throws Exception {
        byte[] before = Files.readAllBytes(db);
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.open(db));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db), "the file is unchanged");
    }

    private static String string(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
