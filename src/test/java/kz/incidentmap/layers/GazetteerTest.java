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

    @BeforeAll
    static void load() throws Exception {
        gazetteer = BasemapLayers.gazetteer(TestMaps.MAPS);
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
        "Петропавловск, Petropavl", "Жезказган, Zhezqazghan", "Кызылорда, Kyzylorda"})
    void russianAndKazakhSpellingsFindTheCity(String query, String expected) {
        assertEquals(expected, gazetteer.find(query).map(Gazetteer.Place::name).orElse("nothing"), query);
    }
}
