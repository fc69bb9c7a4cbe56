package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SeedFile reads the curated file unchanged and rejects each kind of mistake, saying where it is. */
class SeedFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BAD_ID = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path dir;

    /** A valid seed with two sources and two incidents; tests break the second incident. */
    private static ObjectNode validSeed() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode sources = root.putArray("sources");
        for (String key : new String[] {"a", "b"}) {
            ObjectNode s = sources.addObject();
            s.put("key", key).put("title", "Source " + key).put("publisher", "p").putNull("url")
                    .put("published", "2011-11-12").put("language", "en");
        }
        ArrayNode incidents = root.putArray("incidents");
        incidents.add(incident("aaaaaaaa-0000-4000-8000-000000000000"));
        incidents.add(incident(BAD_ID));
        return root;
    }

    private static ObjectNode incident(String id) {
        ObjectNode i = MAPPER.createObjectNode();
        i.put("id", id).put("title", "Test incident").put("type", "armed_attack").put("date", "2011-11-12")
                .put("date_precision", "day").put("place", "Taraz").put("oblast", "Zhambyl Region")
                .put("lon", 71.36667).put("lat", 42.9).put("location_precision", "city").putNull("perpetrator")
                .putNull("claimed_by").put("description", "Test.").putNull("event_group");
        i.putArray("sources").add("a");
        ObjectNode claim = i.putArray("claims").addObject();
        claim.put("source", "a").put("killed", 2).putNull("wounded").putNull("date").putNull("note");
        return i;
    }

    private Path write(ObjectNode root) throws Exception {
        Path f = dir.resolve("seed.json");
        Files.writeString(f, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return f;
    }

    static Stream<Arguments> badIncidents() {
        return Stream.of(
                bad("bad date", i -> i.put("date", "2011-02-30"), "date", "not a valid date"),
                bad("date not ISO", i -> i.put("date", "12.11.2011"), "date", "not a valid date"),
                bad("unknown type", i -> i.put("type", "stampede"), "type", "unknown incident type 'stampede'"),
                bad("lat too big", i -> i.put("lat", 95.0), "lat", "outside -90..90"),
                bad("lat too small", i -> i.put("lat", -90.5), "lat", "outside -90..90"),
                bad("lon too big", i -> i.put("lon", 181.0), "lon", "outside -180..180"),
                bad("lat as text", i -> i.put("lat", "42.9"), "lat", "expected a number"),
                bad("negative killed", i -> claim(i).put("killed", -1), "claims[0].killed", "negative"),
                bad("negative wounded", i -> claim(i).put("wounded", -3), "claims[0].wounded", "negative"),
                bad("fractional killed", i -> claim(i).put("killed", 1.5), "claims[0].killed", "whole number"),
                bad("huge killed", i -> claim(i).put("killed", 2_000_000_000), "claims[0].killed",
                        "2,000,000,000 is more than 100,000"),
                bad("far too many wounded", i -> claim(i).put("wounded", 99_999_999_999L), "claims[0].wounded",
                        "is more than 100,000"),
                bad("year 1011", i -> i.put("date", "1011-11-12"), "date", "is before 1800-01-01"),
                bad("negative year", i -> i.put("date", "-0044-03-15"), "date", "is before 1800-01-01"),
                bad("claim in the future", i -> claim(i).put("date", "2999-01-01"), "claims[0].date", "in the future"),
                bad("unknown source", i -> ((ArrayNode) i.get("sources")).set(0, "zz"), "sources[0]",
                        "unknown source key 'zz'"),
                bad("unknown claim source", i -> claim(i).put("source", "zz"), "claims[0].source",
                        "unknown source key 'zz'"),
                bad("claim by uncited source", i -> claim(i).put("source", "b"), "claims[0].source",
                        "not among the incident's sources"),
                bad("no sources", i -> i.putArray("sources"), "sources", "at least one source"),
                bad("missing title", i -> i.remove("title"), "title", "missing"),
                bad("blank title", i -> i.put("title", "  "), "title", "empty"),
                bad("unknown date precision", i -> i.put("date_precision", "week"), "date_precision", "unknown"),
                bad("month not first day", i -> i.put("date_precision", "month"), "date", "first day of a month"),
                bad("unknown location precision", i -> i.put("location_precision", "house"), "location_precision",
                        "unknown"),
                bad("misspelt field", i -> i.put("latitude", 42.9), "latitude", "unknown field"),
                bad("duplicate id", i -> i.put("id", "aaaaaaaa-0000-4000-8000-000000000000"), "id", "duplicate"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String field, String problem) {
        return Arguments.of(name, breakIt, field, problem);
    }

    private static ObjectNode claim(ObjectNode incident) {
        return (ObjectNode) incident.get("claims").get(0);
    }

    @Test
    void eventsAreReadAndTheirMistakesNamed() throws Exception {
        ObjectNode root = validSeed();
        ArrayNode events = root.putArray("events");
        ObjectNode wave = events.addObject().put("id", "wave").put("title", "A wave").put("kind", "campaign");
        wave.putArray("members").addObject().put("incident", BAD_ID).put("time", "09:30");
        ObjectNode event = events.addObject().put("id", "one").put("title", "One").put("parent", "wave");
        event.putArray("members").addObject().put("incident", "aaaaaaaa-0000-4000-8000-000000000000").putNull("time");
        SeedData read = SeedFile.read(write(root));
        assertEquals(2, read.events().size());
        assertEquals("wave", read.events().get(1).parentId());
        assertEquals(java.time.LocalTime.of(9, 30), read.events().get(0).members().get(0).time());

        wave.withArray("members").addObject().put("incident", "bbbbbbbb-0000-4000-8000-000000000000");
        ((ObjectNode) wave.withArray("members").get(0)).put("time", "25:61");
        event.put("parent", "nothing");
        events.addObject().put("id", "two").put("title", "Two").put("kind", "wave").putArray("members");
        Path f = write(root);
        String m = assertThrows(StoreException.class, () -> SeedFile.read(f)).getMessage();
        assertTrue(m.contains(f + ": events[0] (id wave): field 'members[0].time': '25:61' is not a time of day"), m);
        assertTrue(m.contains("events[0] (id wave): field 'members[1].incident': 'bbbbbbbb-0000-4000-8000-000000000000'"
                + " is not an incident of this file"), m);
        assertTrue(m.contains("events[1] (id one): field 'parent': 'nothing' is not a campaign of this file"), m);
        assertTrue(m.contains("events[2] (id two): field 'kind': unknown event kind 'wave'"), m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIncidents")
    void rejectsBadIncident(String name, Consumer<ObjectNode> breakIt, String field, String problem) throws Exception {
        ObjectNode root = validSeed();
        breakIt.accept((ObjectNode) root.get("incidents").get(1));
        Path f = write(root);
        StoreException e = assertThrows(StoreException.class, () -> SeedFile.read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ": "), "file missing from: " + m);
        assertTrue(m.contains("incidents[1]"), "index missing from: " + m);
        assertTrue(m.contains("field '" + field + "'"), "field missing from: " + m);
        assertTrue(m.contains(problem), "problem missing from: " + m);
        if (!name.equals("duplicate id")) {
            assertTrue(m.contains(BAD_ID), "id missing from: " + m);
        }
    }

    @Test
    void notJsonNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"sources\": [\n    {\"key\": \"a\",}\n  ]\n}\n");
        StoreException e = assertThrows(StoreException.class, () -> SeedFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ": not valid JSON at line 3"), e.getMessage());
    }

    @Test
    void emptyAndMissingFiles() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertTrue(assertThrows(StoreException.class, () -> SeedFile.read(empty)).getMessage()
                .startsWith(empty + ": empty file"));
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such file",
                assertThrows(StoreException.class, () -> SeedFile.read(missing)).getMessage());
    }

    @Test
    void duplicateSourceKeyNamesTheSource() throws Exception {
        ObjectNode root = validSeed();
        ((ObjectNode) root.get("sources").get(1)).put("key", "a");
        Path f = write(root);
        String m = assertThrows(StoreException.class, () -> SeedFile.read(f)).getMessage();
        assertTrue(m.contains("sources[1] (key a): field 'key': duplicate source key 'a'"), m);
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        ObjectNode root = validSeed();
        ObjectNode first = (ObjectNode) root.get("incidents").get(0);
        first.put("lat", 100.0);
        ObjectNode second = (ObjectNode) root.get("incidents").get(1);
        second.put("type", "stampede");
        claim(second).put("killed", -1);
        Path f = write(root);
        StoreException e = assertThrows(StoreException.class, () -> SeedFile.read(f));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("incidents[0]") && e.problems().get(0).contains("'lat'"));
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith(f + ": ")));
    }

    @Test
    void validSeedIsRead() throws Exception {
        SeedData data = SeedFile.read(write(validSeed()));
        assertEquals(2, data.sources().size());
        assertEquals(2, data.incidents().size());
        assertEquals(IncidentType.ARMED_ATTACK, data.incidents().get(1).type());
        assertEquals(2, data.incidents().get(1).claims().get(0).killed());
        assertNull(data.incidents().get(1).claims().get(0).wounded());
    }

    @Test
    void curatedFileIsInItsCanonicalFormat() throws Exception {
        // Writing what was read gives back the file byte for byte: the key order and layout are stable.
        String text = Files.readString(StoreFixtures.SEED);
        assertEquals(text, SeedFile.toJson(SeedFile.read(StoreFixtures.SEED)));
    }

    @Test
    void writeThenReadGivesTheSameData() throws Exception {
        SeedData data = SeedFile.read(StoreFixtures.SEED);
        Path copy = dir.resolve("copy.json");
        SeedFile.write(copy, data);
        assertEquals(data, SeedFile.read(copy));
    }
}
