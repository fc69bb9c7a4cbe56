package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the whole-store check finds when another program has left the store out of step with itself. */
class StoreVerifierTest {

    @TempDir
    Path dir;

    /** Runs statements on the store with no triggers' help, as a careless program might. */
    private static void tamper(Path db, String... statements) throws Exception {
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void aWholeStoreHasNoProblems() throws Exception {
        assertEquals(List.of(), StoreVerifier.problems(seededStore(dir)));
    }

    @Test
    void spatialIndexEntriesMissingMovedOrOrphaned() throws Exception {
        Path db = seededStore(dir);
        tamper(db, "DELETE FROM rtree_incidents_geom WHERE id = (SELECT min(fid) FROM incidents)",
                "UPDATE rtree_incidents_geom SET minx = minx + 1, maxx = maxx + 1 WHERE id = (SELECT max(fid) FROM incidents)",
                "INSERT INTO rtree_incidents_geom VALUES (99999, 70, 70, 45, 45)");
        assertEquals(List.of("spatial index of incidents: 1 rows with a geometry have no entry",
                "spatial index of incidents: 1 entries have no row with a geometry",
                "spatial index of incidents: 1 entries do not hold their row's geometry"), StoreVerifier.problems(db));
    }

    @Test
    void positionsOutOfStepAndLinksToNothing() throws Exception {
        Path db = seededStore(dir);
        tamper(db, "DELETE FROM incident_points WHERE fid = (SELECT min(fid) FROM incidents)",
                "UPDATE incident_points SET lon = lon + 0.5 WHERE fid = (SELECT max(fid) FROM incidents)",
                "INSERT INTO claims (incident_uuid, source_key, seq, killed) VALUES ('no-such-incident', 'blog-2011-11-12', 0, 1)");
        List<String> problems = StoreVerifier.problems(db);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("row \\d+ of claims refers to a missing row of incidents"), problems.get(0));
        assertEquals("incident_points is out of step with incidents: 1 missing, 0 without their incident, 1 at another"
                + " position or type (the app then reads the positions from incidents; saving an incident in the app"
                + " mends its row)", problems.get(1));
    }

    @Test
    void factsOutOfStepWithTheIncidentsOrTheirClaims() throws Exception {
        Path db = seededStore(dir);
        tamper(db, "UPDATE incident_points SET killed_max = coalesce(killed_max, 0) + 1 WHERE fid = (SELECT min(fid) FROM incidents)",
                "UPDATE incident_points SET sub_type = 99 WHERE fid = (SELECT max(fid) FROM incidents)");
        assertEquals(List.of("incident_points is out of step with incidents and claims: 2 rows with another day,"
                + " casualty figure, precision or sub-type than their incident and its claims give (the filter reads"
                + " these; saving an incident in the app mends its row)"), StoreVerifier.problems(db));
    }

    @Test
    void aClaimChangedByAnotherProgramLeavesTheFactsBehind() throws Exception {
        Path db = seededStore(dir);
        tamper(db, "UPDATE claims SET wounded = 999 WHERE fid = (SELECT min(fid) FROM claims)",
                "UPDATE incidents SET location_precision = 'exact' WHERE location_precision = 'region'");
        assertEquals(List.of("incident_points is out of step with incidents and claims: 3 rows with another day,"
                + " casualty figure, precision or sub-type than their incident and its claims give (the filter reads"
                + " these; saving an incident in the app mends its row)"), StoreVerifier.problems(db));
    }
}
