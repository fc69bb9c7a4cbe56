package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One attack as ACLED, GTD and UCDP each record it (made-up rows in their own files,
 * {@code src/test/resources/exchange/one-event}): the three files import whole into one store, the three
 * records are found to be one event, and merging them keeps every source and every claim, so the record
 * says "6–8 killed" from the three; importing a file again then updates the one record.
 */
class ThreeDataSetsTest {

    private static final String DIR = "src/test/resources/exchange/one-event/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void threeDataSetsImportWholeAndTheirRecordsOfOneEventMergeKeepingEverySource() throws Exception {
        Path store = dir.resolve("record.gpkg");
        IncidentStore.createEmpty(store);
        String db = store.toString();
        for (String file : new String[] {"acled.csv", "gtd.csv", "ucdp.csv"}) {
            TestCli.Result r = TestCli.run("import", DIR + file, "--db", db);
            assertEquals(0, r.code(), file + ": " + r.err());
        }
        assertEquals(4, aktobeAndAlmaty(db).size(), "two ACLED events, one of GTD (the other is in Kyrgyzstan), one of UCDP");

        JsonNode pairs = JSON.readTree(TestCli.run("find-duplicates", "--db", db, "--json").out());
        Set<Set<String>> found = new HashSet<>();
        for (JsonNode p : pairs) {
            found.add(Set.of(p.get("first").get("id").asText(), p.get("second").get("id").asText()));
        }
        String acled = idOf(db, "acled-KAZ7001");
        String gtd = idOf(db, "gtd-201606050001");
        String ucdp = idOf(db, "ucdp-900101");
        assertTrue(found.contains(Set.of(acled, gtd)) && found.contains(Set.of(acled, ucdp)), pairs.toString());
        String almaty = idOf(db, "acled-KAZ7002");
        assertTrue(found.stream().noneMatch(p -> p.contains(almaty)), "Almaty's is another event");

        assertEquals(0, TestCli.run("merge-duplicates", "--db", db, acled, gtd).code());
        assertEquals(0, TestCli.run("merge-duplicates", "--db", db, acled, ucdp).code());
        JsonNode all = aktobeAndAlmaty(db);
        assertEquals(2, all.size());
        JsonNode aktobe = all.get(0).get("id").asText().equals(acled) ? all.get(0) : all.get(1);
        Set<String> keys = new HashSet<>();
        aktobe.get("sources").forEach(s -> keys.add(s.get("key").asText()));
        assertTrue(keys.containsAll(Set.of("acled-KAZ7001", "acled-KAZ7001-2", "gtd-201606050001", "gtd-201606050001-1",
                "ucdp-900101")), keys.toString());
        assertEquals("6\u20138", aktobe.get("killed").asText(), "ACLED 6, GTD 7, UCDP 6, 7 and 8");

        TestCli.Result again = TestCli.run("import", DIR + "gtd.csv", "--db", db);
        assertEquals(0, again.code(), again.err());
        assertEquals(2, aktobeAndAlmaty(db).size(), "GTD's event id is an alias of the merged record: " + again.out());
    }

    private static JsonNode aktobeAndAlmaty(String db) throws Exception {
        TestCli.Result r = TestCli.run("incidents", "--db", db, "--format", "json");
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static String idOf(String db, String sourceKey) throws Exception {
        for (JsonNode i : aktobeAndAlmaty(db)) {
            for (JsonNode s : i.get("sources")) {
                if (s.get("key").asText().equals(sourceKey)) {
                    return i.get("id").asText();
                }
            }
        }
        throw new AssertionError("no record has source " + sourceKey);
    }
}
