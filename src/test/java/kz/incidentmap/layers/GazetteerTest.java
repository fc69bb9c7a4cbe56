package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.incidentmap.TestMaps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zoom-to-city lookups against the shipped maps/cities.geojson and maps/place-names.csv. */
class GazetteerTest {

    private static Gazetteer gazetteer;

    /** The window's gazetteer: cities with their oblasts, and the oblasts. */
    private static Gazetteer full;

    @BeforeAll
    static void load() throws Exception {
        gazetteer = BasemapLayers.gazetteer(TestMaps.MAPS);
        full = BasemapLayers.load(TestMaps.MAPS, kz.incidentmap.geo.MapProjection.kazakhstan()).gazetteer();
    }

    @Test
    void theOblastNamedOnTheMapIsFoundBeforeAnyVillage() {
        Gazetteer.Place zhambyl = full.lookup("Zhambyl").get(0);
        assertEquals(Gazetteer.Kind.OBLAST, zhambyl.kind());
        assertTrue(zhambyl.extent().contains(71.37, 42.9), "Taraz lies in it");
        assertEquals(zhambyl, full.lookup("\u0416\u0430\u043c\u0431\u044b\u043b \u043e\u0431\u043b\u044b\u0441\u044b").get(0), "by its Kazakh name too");
        assertEquals(Gazetteer.Kind.OBLAST, full.suggest("Zhambil", 6).get(0).kind(), "a near miss offers the oblast first");
        assertEquals(Gazetteer.Kind.CITY, full.lookup("Almaty").get(0).kind(), "the city of two million before its region");
    }

    @Test
    void suggestionsPreferOblastsAndLargeCitiesAndNameEachPlaceOnce() {
        var offered = full.suggest("Akmola", 6);
        assertEquals("Akmola Region", offered.get(0).name());
        assertEquals(1, offered.stream().filter(p -> PlaceNames.key(p.name()).equals("akkol")
                && "Akmola Region".equals(p.oblast())).count(),
                "Akkol' and Akkol of Aqmola are offered once: " + offered);
        Gazetteer.Place taraz = full.suggest("Tarazz", 6).get(0);
        assertEquals("Taraz, Zhambyl Region \u00b7 358,153 people", taraz.description());
    }

    @Test
    void geoNamesDuplicatesOfOnePlaceAreMerged() {
        long lugovoy = gazetteer.places().stream().filter(p -> p.name().startsWith("Lugovoy")).count();
        assertEquals(1, lugovoy, "Lugovoy and Lugovoye are one town");
        assertEquals("Lugovoye", gazetteer.find("Lugovoy").orElseThrow().name(), "either name finds it");
        assertEquals(1, gazetteer.places().stream().filter(p -> p.name().equals("Atbasar")).count());
        assertTrue(gazetteer.find("Tyuratam").isPresent(), "a settlement of another name beside Baikonur stays");
    }

    @Test
    void tarazInAnyCaseOrScript() {
        Gazetteer.Place latin = gazetteer.find("Taraz").orElseThrow();
        assertEquals("Taraz", latin.name());
        assertEquals(71.37, latin.lon(), 0.05);
        assertEquals(42.90, latin.lat(), 0.05);
        assertEquals(latin, gazetteer.find("тараз").orElseThrow());
        assertEquals(latin, gazetteer.find("  TARAZ ").orElseThrow());
        assertEquals(latin, gazetteer.find("ТАРАЗ").orElseThrow());
    }

    @Test
    void astanaIsTheCurrentNameOfTheCapital() {
        Gazetteer.Place astana = gazetteer.find("Astana").orElseThrow();
        assertEquals("Astana", astana.name());
        assertEquals(71.45, astana.lon(), 0.1);
        assertEquals(51.17, astana.lat(), 0.1);
        assertEquals(astana, gazetteer.find("Астана").orElseThrow());
        assertTrue(gazetteer.find("Nur-Sultan").isEmpty() || gazetteer.find("Nur-Sultan").get().equals(astana),
                "the old name, if still known, must lead to the same place");
    }

    @Test
    void almatyIsAMajorCity() {
        Gazetteer.Place almaty = gazetteer.find("ALMATY").orElseThrow();
        assertEquals(76.93, almaty.lon(), 0.1);
        assertEquals(43.25, almaty.lat(), 0.1);
        assertEquals(100_000, almaty.zoomScale(), "Almaty has more than 500 000 inhabitants");
        assertEquals(almaty, gazetteer.find("Алматы").orElseThrow());
    }

    @Test
    void misspellingSuggestsTheNearestName() {
        UnknownPlaceException e = assertThrows(UnknownPlaceException.class, () -> gazetteer.require("Tarax"));
        assertTrue(e.getMessage().contains("unknown city 'Tarax'"), e.getMessage());
        assertTrue(e.getMessage().contains("Taraz"), "no suggestion of Taraz in: " + e.getMessage());
        assertEquals("Taraz", gazetteer.suggestions("Tarax").get(0));
    }

    @Test
    void unknownPlaceWithNothingCloseHasNoSuggestion() {
        UnknownPlaceException e = assertThrows(UnknownPlaceException.class,
                () -> gazetteer.require("Qwertyuiopasdfgh"));
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void blankQueriesFindNothing() {
        assertTrue(gazetteer.find("").isEmpty());
        assertTrue(gazetteer.find("   ").isEmpty());
        assertTrue(gazetteer.find(null).isEmpty());
        assertTrue(gazetteer.find("--").isEmpty());
    }

    @Test
    void placesAreOrderedMostPopulousFirst() {
        var places = gazetteer.places();
        assertFalse(places.isEmpty());
        for (int i = 1; i < places.size(); i++) {
            assertTrue(places.get(i - 1).population() >= places.get(i).population(), "not sorted at " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "Қарағанды, Karagandy", "Караганда, Karagandy", "karaganda, Karagandy",
        "Уральск, Oral", "Шымкент, Shymkent", "Усть-Каменогорск, Ust-Kamenogorsk", "ust kamenogorsk, Ust-Kamenogorsk",
        "Петропавловск, Petropavl", "Жезказган, Zhezkazgan", "Zhezqazghan, Zhezkazgan", "Кызылорда, Kyzylorda"})
    void russianAndKazakhSpellingsFindTheCity(String query, String expected) {
        assertEquals(expected, gazetteer.find(query).map(Gazetteer.Place::name).orElse("nothing"), query);
    }
}
