package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.TestMaps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Places found by their alternate and former names, against the shipped maps/ files. */
class OtherNamesTest {

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() throws Exception {
        gazetteer = BasemapLayers.gazetteer(TestMaps.MAPS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Nur-Sultan    | Astana           | 71.44598 | Nur-Sultan \u2014 the name of Astana from 2019-03-23 to 2022-09-17
            nur sultan    | Astana           | 71.44598 | Nur-Sultan \u2014 the name of Astana from 2019-03-23 to 2022-09-17
            Tselinograd   | Astana           | 71.44598 | Tselinograd \u2014 a former name of Astana (1961\u20131992)
            Alma-Ata      | Almaty           | 76.92861 | Alma-Ata \u2014 a former name of Almaty (1921\u20131993)
            Алма-Ата      | Almaty           | 76.92861 | Alma-Ata \u2014 a former name of Almaty (1921\u20131993)
            Aulie-Ata     | Taraz            | 71.36667 | Aulie-Ata \u2014 a former name of Taraz (until 1936)
            Mirzoyan      | Taraz            | 71.36667 | Mirzoyan \u2014 a former name of Taraz (1936\u20131938)
            Semipalatinsk | Semey            | 80.26669 | Semipalatinsk \u2014 a former name of Semey (until 2007)
            Oskemen       | Ust-Kamenogorsk  | 82.60586 | Oskemen \u2014 another name of Ust-Kamenogorsk
            Öskemen       | Ust-Kamenogorsk  | 82.60586 | Oskemen \u2014 another name of Ust-Kamenogorsk
            Өскемен       | Ust-Kamenogorsk  | 82.60586 | Oskemen \u2014 another name of Ust-Kamenogorsk
            Kapchagay     | Konayev          | 77.06304 | Kapchagay \u2014 a former name of Konayev (until 2022)
            Chimkent      | Shymkent         | 69.6     | Chimkent \u2014 a former name of Shymkent (until 1993)
            Gurev         | Atyrau           | 51.88333 | Gurev \u2014 a former name of Atyrau (until 1991)
            Shevchenko    | Aktau            | 51.16667 | Shevchenko \u2014 a former name of Aktau (until 1991)
            """)
    void aFormerOrAlternateNameFindsThePlaceAndSaysWhichNameMatched(String query, String place, double lon, String says) {
        Gazetteer.Match first = gazetteer.matches(query).get(0);
        assertEquals(place, first.place().name(), query);
        assertEquals(lon, first.place().lon(), 0.01, query);
        assertEquals(says, first.says());
        assertEquals(place, gazetteer.find(query).orElseThrow().name(), "--city takes it too");
    }

    @Test
    void aPlaceFoundByItsOwnNameSaysNothingMore() {
        Gazetteer.Match astana = gazetteer.matches("Astana").get(0);
        assertEquals("Astana", astana.place().name());
        assertEquals(Gazetteer.Kind.CITY, astana.place().kind());
        assertEquals(null, astana.note());
        assertEquals("Astana", astana.says());
    }

    @Test
    void zhambylIsTheOblastAndAFormerNameOfTaraz() {
        for (String query : List.of("Zhambyl", "Jambyl", "Жамбыл")) {
            List<Gazetteer.Match> found = gazetteer.matches(query);
            assertEquals(Gazetteer.Kind.OBLAST, found.get(0).place().kind(), query + ": the oblast bears the name now");
            assertEquals(null, found.get(0).note());
            Gazetteer.Match taraz = found.stream().filter(m -> m.place().name().equals("Taraz")).findFirst().orElseThrow();
            assertEquals("Taraz \u00b7 city in Zhambyl Region \u00b7 358,153 people \u2014 Zhambyl \u2014 a former name of Taraz (1993\u20131997)",
                    taraz.label(), query);
            assertEquals("Zhambyl Region", found.get(0).label());
        }
    }

    @Test
    void aVillageBearingAFormerNameOfACityComesFirstAndTheCityIsOffered() {
        List<Gazetteer.Match> found = gazetteer.matches("Dzhambul");
        assertEquals("Dzhambul", found.get(0).place().name());
        assertTrue(found.get(0).place().population() < 100_000);
        assertTrue(found.stream().anyMatch(m -> m.says().equals("Dzhambul \u2014 a former name of Taraz (1938\u20131993)")),
                found.toString());
    }

    @Test
    void aMistypedFormerNameOffersThePlace() {
        assertEquals("Astana", gazetteer.suggest("Nur-Sultn", 6).get(0).name());
        assertEquals("Almaty", gazetteer.suggest("Alma-Atta", 6).get(0).name());
    }

    @Test
    void akmolaIsTheOblastAndAFormerNameOfAstana() {
        List<Gazetteer.Match> found = gazetteer.matches("Akmola");
        assertEquals("Akmola Region", found.get(0).place().name(), "the oblast's name now, in the map's romanisation");
        assertTrue(found.stream().anyMatch(m -> m.place().name().equals("Astana")
                && m.says().equals("Akmola \u2014 a former name of Astana (1992\u20131998-05-06)")), found.toString());
    }

    @Test
    void anAmbiguousCityNameIsRefusedWithItsCandidates() {
        AmbiguousPlaceException e = assertThrows(AmbiguousPlaceException.class, () -> gazetteer.require("Zhambyl"));
        assertTrue(e.getMessage().startsWith("'Zhambyl' names more than one place: "), e.getMessage());
        assertTrue(e.getMessage().contains("Zhambyl Region; "), e.getMessage());
        assertTrue(e.getMessage().contains("Taraz \u00b7 city in Zhambyl Region \u00b7 358,153 people"), e.getMessage());
    }

    @Test
    void aCityBearingTheNameItselfIsNotAmbiguous() throws Exception {
        assertEquals("Almaty", gazetteer.require("Almaty").name(), "the city, though two oblasts are named Almaty too");
        assertEquals("Astana", gazetteer.require("Nur-Sultan").name());
    }

    @ParameterizedTest
    @CsvSource({"ә, ä", "ғ, ğ", "қ, q", "ң, ñ", "ө, ö", "ұ, ū", "ү, ü", "һ, h", "і, ı", "ж, j", "ш, ş"})
    void kazakhCyrillicAndLatinLettersAreOneLetter(String cyrillic, String latin) {
        assertEquals(PlaceNames.key(cyrillic), PlaceNames.key(latin));
        assertEquals(PlaceNames.key(cyrillic.toUpperCase()), PlaceNames.key(latin.toUpperCase()), "capitals too");
    }

    @Test
    void kazakhSpellingsOfOneNameHaveOneKey() {
        assertEquals("oskemen", PlaceNames.key("Өскемен"));
        assertEquals("oskemen", PlaceNames.key("Öskemen"));
        assertEquals("karagandy", PlaceNames.key("Qarağandy"));
        assertEquals("karagandy", PlaceNames.key("Қарағанды"));
        assertEquals("shymkent", PlaceNames.key("Şymkent"));
        assertEquals("zhambyl", PlaceNames.key("Jambyl"));
    }

    @Test
    void everyRenamingNamesACityTheMapHas() throws Exception {
        OtherNames names = OtherNames.read(TestMaps.MAPS);
        Set<Long> ids = GeoJsonFeatures.read(TestMaps.MAPS.resolve("cities.geojson")).stream()
                .map(f -> ((Number) f.properties().get("geonames_id")).longValue()).collect(Collectors.toSet());
        assertTrue(names.renamed().size() >= 8, "renamings read: " + names.renamed());
        assertTrue(ids.containsAll(names.renamed()), "ids not on the map: " + names.renamed());
        for (MapsCsv.Row r : MapsCsv.read(TestMaps.MAPS.resolve("renamings.csv"), OtherNames.RENAMINGS_HEADER)) {
            Gazetteer.Place named = gazetteer.find(r.get(1)).orElseThrow(() -> new AssertionError("line " + r.line()));
            assertEquals(r.get(1), named.name(), "line " + r.line() + ": the place column is the name the map shows");
            assertTrue(gazetteer.matches(r.get(2)).stream().anyMatch(m -> m.place().equals(named)),
                    "line " + r.line() + ": " + r.get(2) + " finds " + r.get(1));
            assertTrue(r.get(5).contains("https://"), "line " + r.line() + " gives its source");
        }
    }

    @Test
    void theAlternateNamesAreLatinOrCyrillicAndOfMappedCities() throws Exception {
        List<MapsCsv.Row> rows = MapsCsv.read(TestMaps.MAPS.resolve("alternate-names.csv"), OtherNames.ALTERNATES_HEADER);
        assertTrue(rows.size() > 500, "rows: " + rows.size());
        for (MapsCsv.Row r : rows) {
            assertTrue(Set.of("latin", "cyrillic").contains(r.get(2)), "line " + r.line());
            assertTrue(r.get(1).codePoints().filter(Character::isLetter).allMatch(c -> Character.UnicodeScript.of(c)
                    == (r.get(2).equals("latin") ? Character.UnicodeScript.LATIN : Character.UnicodeScript.CYRILLIC)),
                    "line " + r.line() + ": " + r.get(1));
        }
    }

    @Test
    void aBrokenRenamingIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("renamings.csv"), OtherNames.RENAMINGS_HEADER + "\n"
                + "1526273,Astana,Akmola,Astana,1998-05-06,https://example.org,,Акмола,Ақмола\n"
                + "1526273,Astana,Astana,Nur-Sultan,March 2019,https://example.org,,Астана,Астана\n", StandardCharsets.UTF_8);
        var e = assertThrows(java.io.IOException.class, () -> OtherNames.read(dir));
        assertTrue(e.getMessage().contains("renamings.csv:3: date 'March 2019'"), e.getMessage());
        Files.writeString(dir.resolve("renamings.csv"), OtherNames.RENAMINGS_HEADER + "\n1526273,Astana,Akmola\n",
                StandardCharsets.UTF_8);
        e = assertThrows(java.io.IOException.class, () -> OtherNames.read(dir));
        assertTrue(e.getMessage().contains("renamings.csv:2: expected 9 fields"), e.getMessage());
    }
}
