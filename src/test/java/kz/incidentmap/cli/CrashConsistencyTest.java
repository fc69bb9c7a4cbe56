package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kz.incidentmap.TestMaps;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreConnections;
import kz.incidentmap.store.StoreVerifier;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at several moments of {@code import} and {@code import-osm}, each in a child JVM:
 * once the write has begun (its note is in the lock file), while rows are being written (a journal
 * without pages to play back yet), and while the commit writes the file (a journal with pages to play
 * back: a hot journal). After each kill the store is whole (SQLite's integrity check, the spatial
 * indexes against their tables, the map's positions against the incidents), it holds all of the import
 * or none of it, and the next command works and says what it recovered.
 */
class CrashConsistencyTest {

    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63,
            (byte) 0xd7};
    private static final int STORED = 2_000;
    private static final int IMPORTED = 10_000;
    /** A kill that comes too late (the command had finished) is tried again, up to this many times. */
    private static final int TRIES = 4;

    @TempDir
    static Path tmp;

    private static Path base;
    private static Path csv;
    private static Path town;

    @BeforeAll
    static void files() throws Exception {
        base = tmp.resolve("base.gpkg");
        SyntheticIncidents stored = SyntheticIncidents.forMaps(TestMaps.MAPS, 5);
        IncidentStore.createBulk(base, stored.sources(), stored.incidents(STORED), n -> { });
        Path source = tmp.resolve("source.gpkg");
        SyntheticIncidents more = SyntheticIncidents.forMaps(TestMaps.MAPS, 6);
        IncidentStore.createBulk(source, more.sources(), more.incidents(IMPORTED), n -> { });
        csv = tmp.resolve("records.csv");
        assertEquals(0, TestCli.run("export", "--db", source.toString(), "--out", csv.toString()).code());
        town = tmp.resolve("town.osm");
        new SyntheticExtract(80_000).writeXml(town);
    }


    /** A moment of a write, told from the files beside the store. */
    private enum Moment {
        WRITE_BEGUN(db -> nonEmpty(sibling(db, "-lock"))),
        ROWS_WRITTEN(db -> nonEmpty(sibling(db, "-journal")) && !hot(db)),
        COMMITTING(CrashConsistencyTest::hot);

        final Predicate<Path> reached;

        Moment(Predicate<Path> reached) {
            this.reached = reached;
        }
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    private static boolean nonEmpty(Path f) {
        try {
            return Files.size(f) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hot(Path db) {
        try (InputStream in = Files.newInputStream(sibling(db, "-journal"))) {
            return Arrays.equals(in.readNBytes(8), JOURNAL_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the command in a child JVM on a copy of the base store and kills it (SIGKILL) the moment
     * {@code moment} is reached. Returns the copy, or null when the command finished before (or, for
     * the commit, finished it before the kill).
     */
    private static Path killedAt(Moment moment, String... command) throws Exception {
        Path db = tmp.resolve(moment + "-" + System.nanoTime() + ".gpkg");
        Process child = child(db, command);
        try {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < end && child.isAlive()) {
                if (moment.reached.test(db)) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                    // A commit that ended between the look and the kill is a kill that came too late.
                    return moment != Moment.COMMITTING || hot(db) ? db : null;
                }
                Thread.sleep(1); // a sleep, not a spin: the child needs the other core
            }
            return null;
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Kills at {@code moment}, trying again when the command was faster than the kill. */
    private static Path killed(Moment moment, String... command) throws Exception {
        for (int i = 0; i < TRIES; i++) {
            Path db = killedAt(moment, command);
            if (db != null) {
                return db;
            }
        }
        return fail("never caught " + Arrays.toString(command) + " at " + moment);
    }

    private static long count(Path db, String table) throws SQLException {
        try (Connection c = StoreConnections.openReadOnly(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '" + table + "'")) {
            if (rs.getLong(1) == 0) {
                return 0;
            }
            try (ResultSet n = s.executeQuery("SELECT count(*) FROM " + table)) {
                return n.getLong(1);
            }
        }
    }

    @Test
    void anImportKilledAtAnyMomentLeavesTheStoreWholeAndAsItWas() throws Exception {
        for (Moment moment : Moment.values()) {
            Path db = killed(moment, "import", csv.toString());
            boolean wasHot = hot(db);
            TestCli.Result next = TestCli.run("incidents", "--db", db.toString(), "--format", "csv");
            assertEquals(0, next.code(), moment + ": " + next.err());
            assertEquals(wasHot, next.err().contains("recovered from a crash"), moment + ": " + next.err());
            if (wasHot) {
                assertTrue(next.err().contains("(import incidents, begun "), next.err());
            }
            assertEquals(List.of(), StoreVerifier.problems(db), moment.toString());
            assertEquals(STORED, count(db, "incidents"), moment + ": all of the import or none of it");
            assertEquals(STORED + 1, next.out().lines().count(), moment.toString());
            TestCli.Result again = TestCli.run("import", csv.toString(), "--db", db.toString());
            assertEquals(0, again.code(), moment + ": " + again.err());
            assertEquals(STORED + IMPORTED, count(db, "incidents"));
        }
    }

    @Test
    void aStreetImportKilledAtAnyMomentLeavesTheStoreWholeAndAsItWas() throws Exception {
        for (Moment moment : Moment.values()) {
            Path db = killed(moment, "import-osm", town.toString());
            boolean wasHot = hot(db);
            TestCli.Result next = TestCli.run("import-osm", town.toString(), "--db", db.toString());
            assertEquals(0, next.code(), moment + ": " + next.err());
            assertEquals(wasHot, next.err().contains("recovered from a crash"), moment + ": " + next.err());
            if (wasHot) {
                assertTrue(next.err().contains("(import streets from town.osm, begun "), next.err());
            }
            assertEquals(List.of(), StoreVerifier.problems(db), moment.toString());
            assertEquals(STORED, count(db, "incidents"));
            assertTrue(count(db, "osm_roads") > 0, moment + ": the second import stored the streets");
        }
    }

    /**
     * Kills at random moments of each command, {@code -Dfaults.kills} of each (2 by default; 30 or more
     * for a long run by hand), each followed by the same questions; prints what it found. The seed is
     * {@code -Dfaults.seed}.
     */
    @Test
    void killedAtRandomMomentsEveryStoreIsWholeAndAllOrNothing() throws Exception {
        int kills = Integer.getInteger("faults.kills", 2);
        java.util.Random random = new java.util.Random(Long.getLong("faults.seed", 14L));
        Path imported = tmp.resolve("whole-import-" + System.nanoTime() + ".gpkg");
        long importMillis = timed(imported, "import", csv.toString());
        Path streetsImported = tmp.resolve("whole-streets-" + System.nanoTime() + ".gpkg");
        long streetsMillis = timed(streetsImported, "import-osm", town.toString());
        // A second run of each, with the files in the page cache, is the shorter: kills are drawn within it.
        importMillis = Math.min(importMillis, timed(tmp.resolve("again-" + System.nanoTime() + ".gpkg"), "import",
                csv.toString()));
        streetsMillis = Math.min(streetsMillis, timed(tmp.resolve("again-" + System.nanoTime() + ".gpkg"), "import-osm",
                town.toString()));
        long allRoads = count(streetsImported, "osm_roads");
        assertEquals(STORED + IMPORTED, count(imported, "incidents"));
        int hot = 0;
        int kept = 0;
        int recovered = 0;
        int whole = 0;
        int finished = 0;
        for (int k = 0; k < 2 * kills; k++) {
            boolean streets = k % 2 == 1;
            long after = (long) (random.nextDouble() * (streets ? streetsMillis : importMillis));
            Path db = killedAfter(after, streets ? "import-osm" : "import", streets ? town.toString() : csv.toString());
            if (db == null) {
                finished++;
                continue;
            }
            boolean wasHot = hot(db);
            hot += wasHot ? 1 : 0;
            TestCli.Result next = TestCli.run("incidents", "--db", db.toString(), "--format", "csv");
            assertEquals(0, next.code(), next.err());
            recovered += next.err().contains("recovered from a crash") ? 1 : 0;
            assertEquals(wasHot, next.err().contains("recovered from a crash"), next.err());
            assertEquals(List.of(), StoreVerifier.problems(db));
            // A kill between the commit and the end of the process finds the import whole.
            long incidents = count(db, "incidents");
            long roads = count(db, "osm_roads");
            assertTrue(incidents == STORED || !streets && incidents == STORED + IMPORTED, "all or nothing: " + incidents);
            assertTrue(roads == 0 || streets && roads == allRoads, "all or nothing: " + roads);
            kept += incidents > STORED || roads > 0 ? 1 : 0;
            whole++;
        }
        System.out.printf("faults: %d kills tried, %d came after the command had finished, %d left a hot journal,"
                + " %d recoveries said so; %d stores whole afterwards, %d of them holding the whole import (killed"
                + " after its commit) and the rest none of it%n", 2 * kills, finished, hot, recovered, whole, kept);
    }

    /** How long the command takes from JVM start to exit on a copy of the base store at {@code db}, in milliseconds. */
    private static long timed(Path db, String... command) throws Exception {
        long start = System.nanoTime();
        Process p = child(db, command);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts the command on a fresh copy of the base store and kills it after {@code millis}; null if it ended first. */
    private static Path killedAfter(long millis, String... command) throws Exception {
        Path db = tmp.resolve("random-" + System.nanoTime() + ".gpkg");
        Process p = child(db, command);
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return null;
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return db;
    }

    private static Process child(Path db, String... command) throws Exception {
        Files.copy(base, db);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new java.util.ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), kz.incidentmap.Main.class.getName()));
        args.addAll(List.of(command));
        args.addAll(List.of("--db", db.toString()));
        return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                .start();
    }

    @Test
    void aStreetImportKilledWhileCommittingStoresNoneOfIt() throws Exception {
        Path db = killed(Moment.COMMITTING, "import-osm", town.toString());
        assertEquals(List.of(), StoreVerifier.problems(db));
        assertEquals(0, count(db, "osm_roads"), "none of the import");
        assertEquals(STORED, count(db, "incidents"));
        assertTrue(Files.readString(db.resolveSibling(db.getFileName() + "-lock"), StandardCharsets.UTF_8).isEmpty(),
                "the recovery cleared the note");
    }
}
