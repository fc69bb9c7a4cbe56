package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** find-duplicates, merge-duplicates, not-duplicate and import --dedupe on the curated record with ACLED's sample. */
class DuplicateCommandsTest {

    private static final String ACLED = "src/test/resources/exchange/acled-sample.csv";
    private static final String ACLED_TARAZ = "bc08e291-5acd-3416-8d5d-32aeda716277";
    private static final String CURATED_TARAZ = "982063d9-8906-458e-8e2a-d7155d4e8d6f";
    /** Two curated records of 2011 in Aktobe Region, known to the year: offered as a pair. */
    private static final String AKTOBE_KILLING = "0d8da73d-76b3-43fa-948e-9a9a6755f8d5";
    private static final String AKTOBE_OPERATION = "71dacebd-2b22-4d6c-896f-af0d8bd07638";

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void store() throws Exception {
        Path file = dir.resolve("incidents.gpkg");
        IncidentStore.createIfMissing(file, Path.of("data/incidents.json"));
        db = file.toString();
    }

    @Test
    void pairsAreListedWithScoreAndReasonsThenMergedOrSetAside() throws Exception {
        assertEquals(0, TestCli.run("import", "--db", db, ACLED).code());
        TestCli.Result found = TestCli.run("find-duplicates", "--db", db, "--min-score", "0.3");
        assertEquals(0, found.code(), found.err());
        assertTrue(found.out().contains("same day; 0.3 km apart; both suicide bombing; text 6% alike"), found.out());
        assertTrue(found.out().contains(AKTOBE_KILLING) && found.out().contains(AKTOBE_OPERATION), found.out());

        JsonNode json = new ObjectMapper().readTree(TestCli.run("find-duplicates", "--db", db, "--min-score", "0.3",
                "--json").out());
        assertTrue(json.size() >= 2);
        JsonNode best = json.get(0);
        assertTrue(best.get("score").asDouble() >= json.get(1).get("score").asDouble(), "best first");
        assertEquals(4, best.get("reasons").size());
        assertTrue(best.get("first").has("killed") && best.get("second").has("sources"));

        TestCli.Result merged = TestCli.run("merge-duplicates", "--db", db, CURATED_TARAZ, ACLED_TARAZ);
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().startsWith("merged 'Suicide bomb in Taraz' (" + ACLED_TARAZ + ") into 'Taraz: blast by"
                + " the central food market' (" + CURATED_TARAZ + ")"), merged.out());
        assertTrue(merged.out().contains("alias " + ACLED_TARAZ + " (id, from " + ACLED_TARAZ + ")"), merged.out());

        assertEquals(0, TestCli.run("not-duplicate", "--db", db, AKTOBE_OPERATION, AKTOBE_KILLING).code());
        String again = TestCli.run("find-duplicates", "--db", db, "--min-score", "0.3").out();
        assertFalse(again.contains(ACLED_TARAZ), "merged: gone");
        assertFalse(again.contains(AKTOBE_KILLING + "  2011-07-01  armed_attack  Killing of two police officers in a"
                + " village in Aktobe Region (A village in Aktobe Region (not named in the sources); killed 2)\n      "
                + AKTOBE_OPERATION), "set aside: not offered again");
        TestCli.Result twice = TestCli.run("not-duplicate", "--db", db, AKTOBE_KILLING, AKTOBE_OPERATION);
        assertTrue(twice.out().contains("were already marked as not duplicates"), twice.out());
    }

    @Test
    void unknownIdsAndBadValuesAreRefusedAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(Path.of(db));
        TestCli.Result unknown = TestCli.run("merge-duplicates", "--db", db, CURATED_TARAZ, "no-such-id");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("merge-duplicates: no incident no-such-id in " + db + "; nothing was changed"),
                unknown.err());
        TestCli.Result same = TestCli.run("merge-duplicates", "--db", db, CURATED_TARAZ, CURATED_TARAZ);
        assertEquals(2, same.code());
        assertTrue(same.err().contains("the same incident"), same.err());
        TestCli.Result notDup = TestCli.run("not-duplicate", "--db", db, "nope", CURATED_TARAZ);
        assertEquals(2, notDup.code());
        assertTrue(notDup.err().contains("no incident nope in"), notDup.err());
        TestCli.Result score = TestCli.run("find-duplicates", "--db", db, "--min-score", "2");
        assertEquals(2, score.code());
        assertTrue(score.err().contains("--min-score must be between 0 and 1, not 2.0"), score.err());
        TestCli.Result days = TestCli.run("find-duplicates", "--db", db, "--within-days", "-1");
        assertEquals(2, days.code());
        assertTrue(days.err().contains("--within-days"), days.err());
        TestCli.Result mode = TestCli.run("import", "--db", db, "--dedupe", "maybe", ACLED);
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("--dedupe"), mode.err());
        assertArrayEquals(before, Files.readAllBytes(Path.of(db)), "the store is unchanged");
    }

    @Test
    void importAsksOrMergesTheDuplicatesItBrings() throws Exception {
        TestCli.Result ask = TestCli.run("import", "--db", db, "--dedupe", "ask", "--min-score", "0.5", ACLED);
        assertEquals(0, ask.code(), ask.err());
        assertTrue(ask.out().contains("1 possible duplicate (nothing merged):"), ask.out());
        assertTrue(ask.out().contains(ACLED_TARAZ) && ask.out().contains("merge-duplicates KEEP_ID OTHER_ID"), ask.out());
        try (IncidentStore store = IncidentStore.openForViewing(Path.of(db))) {
            assertTrue(store.byId(ACLED_TARAZ).isPresent(), "asking merges nothing");
        }

        Path fresh = dir.resolve("second.gpkg");
        IncidentStore.createIfMissing(fresh, Path.of("data/incidents.json"));
        TestCli.Result merge = TestCli.run("import", "--db", fresh.toString(), "--dedupe", "merge", "--min-score", "0.5",
                ACLED);
        assertEquals(0, merge.code(), merge.err());
        assertTrue(merge.out().contains("merged 'Suicide bomb in Taraz' (" + ACLED_TARAZ + ") into 'Taraz: blast by the"
                + " central food market' (" + CURATED_TARAZ + "), score 0.53"), merge.out());
        assertTrue(merge.out().contains("1 imported record merged into stored ones"), merge.out());
        try (IncidentStore store = IncidentStore.openForViewing(fresh)) {
            assertTrue(store.byId(ACLED_TARAZ).isEmpty());
            assertTrue(store.byId(CURATED_TARAZ).orElseThrow().sources().stream()
                    .anyMatch(s -> s.key().equals("acled-KAZ9001")));
        }
    }
}
