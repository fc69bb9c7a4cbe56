package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter's facts in incident_points equal what the incidents rows and their claims give, over a
 * varied store, after every kind of write: the bulk path, a single add, a merge of new and changed
 * records, edits of claims (a figure changed, a claim removed, one added, all removed), deletes and a
 * restore.
 */
class PointFactsTest {

    private static final List<Source> SOURCES = List.of(
            new Source("facts-a", "First report", "News A", null, null, "en"),
            new Source("facts-b", "Second report", "News B", null, null, "ru"),
            new Source("facts-c", "Third report", null, null, null, "kk"));

    @TempDir
    Path dir;
    /** Records of the bulk write that {@link #claimed} has handed out. */
    private int picked;

    /** A record drawn at random: any precision or none, sub-type or none, zero to three claims with or without figures. */
    private static Incident varied(Random rnd, int n) {
        IncidentType type = pick(rnd, IncidentType.values());
        List<IncidentSubType> subTypes = IncidentSubType.BUILT_IN.stream().filter(s -> s.type() == type).toList();
        IncidentSubType subType = subTypes.isEmpty() || rnd.nextInt(4) == 0 ? null : subTypes.get(rnd.nextInt(subTypes.size()));
        List<Claim> claims = new ArrayList<>();
        for (int k = rnd.nextInt(4); k > 0; k--) {
            claims.add(new Claim(SOURCES.get(rnd.nextInt(SOURCES.size())).key(), figure(rnd), figure(rnd), null, null));
        }
        LocalDate date = rnd.nextInt(8) == 0 ? null : LocalDate.of(1995 + rnd.nextInt(30), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        return new Incident(UUID.nameUUIDFromBytes(("facts-" + n).getBytes()).toString(), "Varied " + n, type, date,
                rnd.nextInt(5) == 0 ? null : pick(rnd, DatePrecision.values()), "Somewhere", null,
                50 + rnd.nextDouble() * 35, 41 + rnd.nextDouble() * 14,
                rnd.nextInt(5) == 0 ? null : pick(rnd, LocationPrecision.values()), null, null, "A test record.", null,
                SOURCES, claims, subType, null, List.of(), null, null);
    }

    private static Integer figure(Random rnd) {
        return rnd.nextInt(3) == 0 ? null : rnd.nextInt(rnd.nextBoolean() ? 3 : 200);
    }

    private static <T> T pick(Random rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static List<Incident> varied(Random rnd, int from, int count) {
        List<Incident> out = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            out.add(varied(rnd, n));
        }
        return out;
    }

    /** incident_points agrees with the join, and has as many rows as the incidents with a point. */
    private static void assertInStep(Path db, int atLeast, String after) throws Exception {
        Map<Long, String> byJoin = StoredFacts.byJoin(db);
        assertTrue(byJoin.size() >= atLeast, after + ": " + byJoin.size() + " incidents with a point");
        assertEquals(byJoin, StoredFacts.inPoints(db), after);
    }

    @Test
    void everyWriteKeepsTheFactsEqualToTheIncidentsAndTheirClaims() throws Exception {
        Random rnd = new Random(16);
        Path db = dir.resolve("varied.gpkg");
        List<Incident> bulk = varied(rnd, 0, 300);
        IncidentStore.createBulk(db, SOURCES, bulk.iterator(), n -> { });
        assertInStep(db, 300, "a bulk write");
        try (IncidentStore store = IncidentStore.open(db)) {
            for (Incident i : varied(rnd, 300, 20)) {
                store.add(i);
            }
            assertInStep(db, 320, "single adds");
            List<Incident> merged = new ArrayList<>(varied(rnd, 320, 50));
            for (int n = 0; n < 40; n++) {
                Incident old = bulk.get(n);
                merged.add(old.withLinks(old.sources(), varied(rnd, n).claims()));
            }
            IncidentStore.MergeResult result = store.merge(merged);
            assertEquals(50, result.added());
            assertTrue(result.updated() >= 30, result.toString());
            assertInStep(db, 370, "a merge of new and changed records");

            Incident edited = claimed(store, bulk, 2);
            List<Claim> claims = new ArrayList<>(edited.claims());
            claims.set(0, new Claim(claims.get(0).sourceKey(), 1_000, claims.get(0).wounded(), null, null));
            store.replace(edited.withLinks(edited.sources(), claims));
            assertInStep(db, 370, "a claim's killed changed");
            Incident fewer = claimed(store, bulk, 2);
            store.replace(fewer.withLinks(fewer.sources(), fewer.claims().subList(1, fewer.claims().size())));
            assertInStep(db, 370, "a claim removed");
            Incident more = claimed(store, bulk, 1);
            List<Claim> added = new ArrayList<>(more.claims());
            added.add(new Claim("facts-c", 0, 77, null, null));
            store.replace(more.withLinks(more.sources(), added));
            Incident none = claimed(store, bulk, 1);
            store.replace(none.withLinks(none.sources(), List.of()));
            assertInStep(db, 370, "a claim added, all claims removed");

            List<Incident> before = new ArrayList<>();
            for (Incident i : bulk.subList(100, 120)) {
                store.byId(i.id()).ifPresent(before::add);
                store.delete(i.id());
            }
            assertInStep(db, 330, "deletes");
            store.restore(List.of(), before);
            assertInStep(db, 370, "a restore");
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    /** A stored record of {@code bulk} with at least {@code claims} claims, each call another. */
    private Incident claimed(IncidentStore store, List<Incident> bulk, int claims) throws StoreException {
        while (true) {
            Incident i = bulk.get(200 + picked++);
            Incident stored = store.byId(i.id()).orElseThrow();
            if (stored.claims().size() >= claims) {
                return stored;
            }
        }
    }

    @Test
    void aNumberTheModelDoesNotKnowReadsAsNone() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (var c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            assertEquals(16, s.executeUpdate("UPDATE incident_points SET date_precision = 99, sub_type = -7,"
                    + " location_precision = " + LocationPrecision.values().length));
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            IncidentPoints p = store.points();
            assertEquals(16, p.size());
            for (int r = 0; r < p.size(); r++) {
                assertEquals(-1, p.subType(r));
                assertEquals(-1, p.locationPrecision(r));
                assertEquals(p.day(r), p.spanStart(r), "a date of no known precision stands for its day");
                assertEquals(p.day(r), p.spanEnd(r));
            }
        }
    }

    /**
     * The numbers incident_points stores are part of the file (and the README lists them): a constant
     * moved or put between others would make every stored file read as another code. New ones go last.
     */
    @Test
    void theStoredNumbersOfTheCodesStayAsFilesHaveThem() {
        assertEquals(List.of("day", "month", "year", "approximate"),
                Arrays.stream(DatePrecision.values()).map(DatePrecision::code).toList());
        assertEquals(List.of("exact", "street", "city", "region"),
                Arrays.stream(LocationPrecision.values()).map(LocationPrecision::code).toList());
        assertEquals(List.of("suicide_bomb", "ied", "grenade", "shelling", "air_strike", "attack_on_civilians",
                "abduction", "sexual_violence", "armed_clash", "non_state_takes_territory",
                "government_regains_territory", "arrests", "weapons_seized", "other_development", "law_or_policy",
                "agreement", "threat", "claim_of_responsibility", "change_to_group", "chemical_weapon",
                "peaceful_protest", "protest_with_intervention", "excessive_force", "violent_demonstration",
                "mob_violence", "base_established", "looting", "territory_transfer", "assassination", "armed_assault",
                "hijacking", "hostage_barricade", "facility_attack", "unarmed_assault", "unknown_attack"),
                IncidentSubType.BUILT_IN.stream().map(IncidentSubType::code).toList());
        for (int n = 0; n < IncidentSubType.BUILT_IN.size(); n++) {
            assertEquals(n, IncidentSubType.BUILT_IN.get(n).ordinal(), "the number of " + IncidentSubType.BUILT_IN.get(n));
        }
    }
}
