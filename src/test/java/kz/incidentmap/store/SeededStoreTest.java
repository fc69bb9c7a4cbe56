package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store created from the curated seed holds exactly the curated records and answers queries on them. */
class SeededStoreTest {

    @TempDir
    Path dir;

    private SeedData seed;
    private IncidentStore store;

    @BeforeEach
    void open() throws StoreException {
        seed = SeedFile.read(SEED);
        store = IncidentStore.openOrCreate(dir.resolve("incidents.gpkg"), SEED);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void holdsEveryCuratedIncidentWithItsSourcesAndClaims() throws StoreException {
        assertEquals(16, seed.incidents().size(), "curated incidents in data/incidents.json");
        assertEquals(seed.incidents().size(), store.count());
        Map<String, Incident> stored = store.all().stream().collect(Collectors.toMap(Incident::id, i -> i));
        for (Incident expected : seed.incidents()) {
            Incident actual = stored.get(expected.id());
            assertNotNull(actual, "missing " + expected.title());
            assertNotNull(actual.created(), "the store stamps when a record was created");
            assertEquals(actual.created(), actual.updated());
            assertEquals(expected, actual.withTimes(null, null), "stored differs from curated: " + expected.title());
            assertFalse(actual.sources().isEmpty(), expected.title() + " has no sources");
            assertFalse(actual.claims().isEmpty(), expected.title() + " has no claims");
        }
    }

    @Test
    void everyClaimCitesOneOfTheIncidentsSources() throws StoreException {
        for (Incident i : store.all()) {
            Set<String> keys = i.sources().stream().map(Source::key).collect(Collectors.toSet());
            for (Claim c : i.claims()) {
                assertTrue(keys.contains(c.sourceKey()), i.title() + ": claim by " + c.sourceKey());
            }
        }
    }

    @Test
    void allIsSortedByDateThenTitle() throws StoreException {
        List<Incident> all = store.all();
        List<Incident> sorted = all.stream()
                .sorted(Comparator.comparing(Incident::date).thenComparing(Incident::title)).toList();
        assertEquals(sorted, all);
        assertEquals(LocalDate.of(2011, 5, 17), all.get(0).date());
    }

    @Test
    void tarazTotalKeepsBothSourcesFigures() throws StoreException {
        Incident total = store.byId(TARAZ_TOTAL).orElseThrow();
        assertEquals("6\u20137", total.killedRange());
        Map<String, Integer> killedBySource = total.claims().stream()
                .collect(Collectors.toMap(Claim::sourceKey, Claim::killed));
        assertEquals(Map.of(BLOG, 7, LWJ, 6), killedBySource);
        assertEquals(TARAZ_GROUP, total.eventGroup());
    }

    @Test
    void tarazPartsAddUpToTheBlogsSeven() throws StoreException {
        int sum = store.all().stream()
                .filter(i -> TARAZ_GROUP.equals(i.eventGroup()) && !i.id().equals(TARAZ_TOTAL))
                .flatMap(i -> i.claims().stream())
                .filter(c -> BLOG.equals(c.sourceKey()) && c.killed() != null)
                .mapToInt(Claim::killed).sum();
        assertEquals(7, sum);
    }

    @Test
    void threatKeepsBothDatesEachWithItsSource() throws StoreException {
        Incident threat = store.byId(THREAT).orElseThrow();
        Map<String, LocalDate> dateBySource = threat.claims().stream()
                .collect(Collectors.toMap(Claim::sourceKey, Claim::date));
        assertEquals(Map.of(BLOG, LocalDate.of(2011, 10, 21), LWJ, LocalDate.of(2011, 10, 25)), dateBySource);
    }

    @Test
    void blastIsAtTheApproximateStreetPosition() throws StoreException {
        Incident blast = store.byId(TARAZ_BLAST).orElseThrow();
        assertEquals(LocationPrecision.STREET, blast.locationPrecision());
        assertEquals(71.367, blast.lon(), 1e-9);
        assertEquals(42.897, blast.lat(), 1e-9);
        assertTrue(blast.description().contains("Approximate position"));
        assertTrue(blast.description().contains("photo shop"));
    }

    @Test
    void monthPrecisionDatesAreFirstOfMonth() throws StoreException {
        for (Incident i : store.all()) {
            if (i.datePrecision() == DatePrecision.MONTH) {
                assertEquals(1, i.date().getDayOfMonth(), i.title());
            }
        }
    }

    @Test
    void withinTarazBoxFindsTheTarazIncidentsOnly() throws StoreException {
        List<Incident> found = store.within(71.2, 42.8, 71.5, 43.0);
        Set<String> expected = store.all().stream().filter(i -> TARAZ_GROUP.equals(i.eventGroup()))
                .map(Incident::id).collect(Collectors.toSet());
        assertEquals(7, expected.size());
        assertEquals(expected, found.stream().map(Incident::id).collect(Collectors.toSet()));
        assertTrue(found.stream().noneMatch(i -> i.id().equals(ASTANA_BLAST)));
        assertFalse(found.get(0).sources().isEmpty(), "incidents from within() carry their sources");
    }

    @Test
    void withinIsExactAtTheEdgesOfTheBox() throws StoreException {
        // The blast point sits exactly on the box edge (inclusive); a box just short of it misses it.
        assertTrue(store.within(71.367, 42.897, 71.368, 42.898).stream().anyMatch(i -> i.id().equals(TARAZ_BLAST)));
        assertTrue(store.within(71.367001, 42.897, 71.368, 42.898).isEmpty(), "R-tree bounds are rounded outwards; the box test must be exact");
    }

    @Test
    void withinAstanaBoxFindsAstanaNotTaraz() throws StoreException {
        List<Incident> found = store.within(71.0, 50.9, 71.9, 51.4);
        assertTrue(found.stream().anyMatch(i -> i.id().equals(ASTANA_BLAST)));
        assertTrue(found.stream().noneMatch(i -> TARAZ_GROUP.equals(i.eventGroup())));
    }

    @Test
    void withinRejectsAnInvertedBox() {
        assertThrows(IllegalArgumentException.class, () -> store.within(72, 42, 71, 43));
    }

    @Test
    void byIdOfUnknownIdIsEmpty() throws StoreException {
        assertTrue(store.byId("00000000-0000-0000-0000-000000000000").isEmpty());
        assertEquals("Two blasts in Atyrau", store.byId(ATYRAU).orElseThrow().title());
    }

    @Test
    void closedStoreRefusesQueries() {
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.count());
        assertTrue(e.getMessage().contains("incidents.gpkg"));
    }
}
