package kz.incidentmap.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.tools.PlantedDuplicates;
import org.junit.jupiter.api.Test;

/** The duplicate finder on planted pairs and near misses, and on the parts of its rules one by one. */
class DuplicateFinderTest {

    private static final LocalDate DAY = LocalDate.of(2011, 11, 12);
    private static final DuplicateFinder FINDER = new DuplicateFinder(DuplicateRules.DEFAULT);

    private static Incident incident(String id, String title, IncidentType type, LocalDate date, DatePrecision dp,
            double lon, double lat, LocationPrecision lp, String description, String group) {
        Source s = new Source("src-" + id, "Report " + id, "Test", null, null, "en");
        return new Incident(id, title, type, date, dp, "Taraz", null, lon, lat, lp, null, null, description, group,
                List.of(s), List.of(new Claim(s.key(), 1, null, date, null)));
    }

    private static Incident blast(String id, String title, double lon, double lat) {
        return incident(id, title, IncidentType.EXPLOSION, DAY, DatePrecision.DAY, lon, lat, LocationPrecision.CITY,
                "A blast by the central food market on Kazybek Bi street", null);
    }

    @Test
    void everyFamilyHasItsRuleAndAProtestMayBeTheRiotAnotherReportSays() {
        for (IncidentType a : IncidentType.values()) {
            for (IncidentType b : IncidentType.values()) {
                assertEquals(TypeFamilies.compatible(a, b), TypeFamilies.compatible(b, a), a + " and " + b);
            }
        }
        assertTrue(TypeFamilies.compatible(IncidentType.PROTEST, IncidentType.RIOT));
        assertFalse(TypeFamilies.compatible(IncidentType.PROTEST, IncidentType.EXPLOSION));
    }

    @Test
    void plantedPairsAreFoundAndNearMissesAreNot() {
        PlantedDuplicates.Planted set = PlantedDuplicates.generate(300, 30, 7);
        List<DuplicatePair> found = FINDER.find(set.incidents(), Set.of());
        List<String> keys = found.stream().map(DuplicatePair::key).toList();
        long planted = set.planted().stream().filter(keys::contains).count();
        // A retelling that shares few words with the first report can fall below the score: most are found.
        assertTrue(planted >= 27, planted + " of 30 planted pairs found");
        long other = found.size() - planted;
        assertTrue(other <= 3, other + " pairs found that were not planted");
        for (String miss : set.nearMisses()) {
            assertFalse(keys.contains(miss), "near miss not offered: " + miss);
        }
        assertEquals(30, set.planted().size());
        assertEquals(90, set.nearMisses().size());
    }

    @Test
    void cyrillicAndLatinSpellingsMeet() {
        assertEquals("taraz rynok", TextKey.normalise("Тараз, РЫНОК!"));
        assertEquals("aktobe", TextKey.normalise("Aktöbe"));
        assertEquals(1.0, TextKey.of("Тараз: взрыв у рынка").similarity(TextKey.of("Taraz - vzryv u rynka")));
        Incident latin = blast("a", "Taraz: blast by the market", 71.3667, 42.9);
        Incident cyrillic = incident("b", "Тараз: взрыв у рынка", IncidentType.EXPLOSION, DAY, DatePrecision.DAY,
                71.3690, 42.9010, LocationPrecision.CITY, "Взрыв у центрального рынка на улице Казыбек би", null);
        Incident mixed = blast("c", "Тараз: blast by the market", 71.3667, 42.9);
        assertTrue(FINDER.compare(latin, mixed).reasons().contains("text 100% alike"),
                FINDER.compare(latin, mixed).because());
        assertNotNull(FINDER.compare(latin, cyrillic), "a report in Russian is still compared");
    }

    @Test
    void eachPairSaysWhyInWords() {
        DuplicatePair p = FINDER.compare(blast("a", "Blast at the market in Taraz", 71.3667, 42.9),
                incident("b", "Taraz market suicide blast", IncidentType.SUICIDE_BOMBING, DAY.plusDays(1),
                        DatePrecision.DAY, 71.3667, 42.9036, LocationPrecision.CITY,
                        "A blast by the central food market on Kazybek Bi street", null));
        assertEquals("1 day apart", p.reasons().get(0));
        assertEquals("0.4 km apart", p.reasons().get(1));
        assertEquals("explosion vs suicide bombing (often confused)", p.reasons().get(2));
        assertTrue(p.reasons().get(3).matches("text \\d+% alike"), p.because());
        assertTrue(p.score() > 0 && p.score() <= 1, "score " + p.score());
    }

    @Test
    void datesPlacesTypesAndEventGroupsRuleOut() {
        Incident a = blast("a", "Blast at the market in Taraz", 71.3667, 42.9);
        assertNull(FINDER.compare(a, blast("b", "Blast at the market in Taraz", 71.3667, 42.9).withPosition(72.35, 42.9)),
                "80 km apart in one city's precision");
        assertNull(FINDER.compare(a, incident("c", "Blast at the market in Taraz", IncidentType.POLICY, DAY,
                DatePrecision.DAY, 71.3667, 42.9, LocationPrecision.CITY, "A blast", null)), "a law is no blast");
        assertNull(FINDER.compare(a, incident("d", "Blast at the market in Taraz", IncidentType.EXPLOSION,
                DAY.plusDays(3), DatePrecision.DAY, 71.3667, 42.9, LocationPrecision.CITY, "A blast", null)),
                "three days apart, one allowed");
        assertNotNull(new DuplicateFinder(new DuplicateRules(3, Double.NaN, 0)).compare(a, incident("d",
                "Blast at the market in Taraz", IncidentType.EXPLOSION, DAY.plusDays(3), DatePrecision.DAY, 71.3667,
                42.9, LocationPrecision.CITY, "A blast", null)), "--within-days 3 allows it");
        Incident month = incident("e", "Blast at the market in Taraz", IncidentType.EXPLOSION, DAY.withDayOfMonth(1),
                DatePrecision.MONTH, 71.3667, 42.9, LocationPrecision.CITY, "A blast", null);
        assertEquals("dates overlap (known to the month)", FINDER.compare(a, month).reasons().get(0));
        Incident partOne = incident("f", "Taraz: shooting", IncidentType.ARMED_ATTACK, DAY, DatePrecision.DAY, 71.3667,
                42.9, LocationPrecision.CITY, "Part of the Taraz attack", "taraz-2011");
        Incident partTwo = incident("g", "Taraz: shooting", IncidentType.ARMED_ATTACK, DAY, DatePrecision.DAY, 71.3667,
                42.9, LocationPrecision.CITY, "Part of the Taraz attack", "taraz-2011");
        assertNull(FINDER.compare(partOne, partTwo), "parts of one event are kept apart on purpose");
        Incident far = blast("h", "Blast at the market in Taraz", 71.3667, 42.9).withPosition(71.3667, 42.99);
        assertNotNull(FINDER.compare(a, far), "10 km apart within a city's 25 km");
        assertNull(new DuplicateFinder(new DuplicateRules(1, 5, 0)).compare(a, far), "--within-km 5 caps it");
    }

    @Test
    void pairsSaidNotToBeDuplicatesAreLeftOut() {
        Incident a = blast("a", "Blast at the market in Taraz", 71.3667, 42.9);
        Incident b = blast("b", "Taraz market blast", 71.3670, 42.9);
        assertEquals(1, FINDER.find(List.of(a, b), Set.of()).size());
        assertEquals(0, FINDER.find(List.of(b, a), Set.of(DuplicatePair.key("b", "a"))).size());
    }

    @Test
    void aMergedRecordHasEverySourceAndClaimAndTheAliasesOfItsDataSets() {
        Incident kept = blast("a", "Blast at the market in Taraz", 71.3667, 42.9);
        Source acled = new Source("acled-KAZ9001", "ACLED", "ACLED", null, null, "en");
        Incident other = new Incident("b", "Suicide bomb in Taraz", IncidentType.SUICIDE_BOMBING, DAY, DatePrecision.DAY,
                "Taraz", null, 71.3667, 42.9, LocationPrecision.CITY, null, null, null, null, List.of(acled),
                List.of(new Claim("acled-KAZ9001", 2, null, DAY, null)));
        Incident merged = MergedRecord.of(kept, other);
        assertEquals(List.of("src-a", "acled-KAZ9001"), merged.sources().stream().map(Source::key).toList());
        assertEquals("1\u20132", merged.killedRange());
        assertEquals(kept.title(), merged.title());
        // The id the ACLED importer gives event KAZ9001, so that importing it again finds the kept record.
        assertEquals(List.of("b", "bc08e291-5acd-3416-8d5d-32aeda716277"), List.copyOf(ExternalIds.of(other).keySet()));
        assertEquals(List.of("id", "acled-KAZ9001"), List.copyOf(ExternalIds.of(other).values()));
        // An event's further sources (acled-KAZ9001-2) name the same event; a GTD event id gives the GTD importer's id.
        Source more = new Source("acled-KAZ9001-2", "Second source", "ACLED", null, null, "en");
        Source gtd = new Source("gtd-201111120001", "GTD", "START", null, null, "en");
        Incident three = other.withLinks(List.of(acled, more, gtd), other.claims());
        assertEquals(List.of("id", "acled-KAZ9001", "gtd-201111120001"), List.copyOf(ExternalIds.of(three).values()));
        assertEquals(java.util.UUID.nameUUIDFromBytes("gtd:201111120001".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString(), List.copyOf(ExternalIds.of(three).keySet()).get(2));
    }
}
