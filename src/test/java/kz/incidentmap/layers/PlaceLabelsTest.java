package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The map's names of places by language and by day, in one romanisation. */
class PlaceLabelsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale KK = Locale.forLanguageTag("kk");
    private static final long ASTANA = 1526273;
    private static final long TARAZ = 1516905;

    private static PlaceLabels labels;
    private static MapModel model;

    @BeforeAll
    static void read() throws Exception {
        BasemapLayers.Basemap basemap = BasemapLayers.load(TestMaps.MAPS, MapProjection.kazakhstan());
        labels = basemap.labels();
        model = new MapModel(basemap.layers());
    }

    @Test
    void theCapitalIsLabelledWithTheNameOfTheDay() {
        assertEquals("Astana", labels.city(ASTANA, "Astana", null, Locale.ENGLISH), "today's name by default");
        assertEquals("Akmola", labels.city(ASTANA, "Astana", LocalDate.of(1995, 1, 1), Locale.ENGLISH));
        assertEquals("Astana", labels.city(ASTANA, "Astana", LocalDate.of(2011, 11, 12), Locale.ENGLISH));
        assertEquals("Astana", labels.city(ASTANA, "Astana", LocalDate.of(2019, 3, 22), Locale.ENGLISH));
        assertEquals("Nur-Sultan", labels.city(ASTANA, "Astana", LocalDate.of(2019, 3, 23), Locale.ENGLISH),
                "the day of the renaming has the new name");
        assertEquals("Nur-Sultan", labels.city(ASTANA, "Astana", LocalDate.of(2020, 6, 1), Locale.ENGLISH));
        assertEquals("Нур-Султан", labels.city(ASTANA, "Astana", LocalDate.of(2020, 6, 1), RU));
        assertEquals("Нұр-Сұлтан", labels.city(ASTANA, "Astana", LocalDate.of(2020, 6, 1), KK));
        assertEquals("Astana", labels.city(ASTANA, "Astana", LocalDate.of(2022, 9, 17), Locale.ENGLISH));
        assertEquals("Tselinograd", labels.city(ASTANA, "Astana", LocalDate.of(1970, 1, 1), Locale.ENGLISH));
        assertEquals("Akmolinsk", labels.city(ASTANA, "Astana", LocalDate.of(1950, 1, 1), Locale.ENGLISH));
    }

    @Test
    void tarazWasDzhambulAndZhambyl() {
        assertEquals("Dzhambul", labels.city(TARAZ, "Taraz", LocalDate.of(1980, 1, 1), Locale.ENGLISH));
        assertEquals("Джамбул", labels.city(TARAZ, "Taraz", LocalDate.of(1980, 1, 1), RU));
        assertEquals("Zhambyl", labels.city(TARAZ, "Taraz", LocalDate.of(1995, 1, 1), Locale.ENGLISH));
        assertEquals("Taraz", labels.city(TARAZ, "Taraz", LocalDate.of(2011, 11, 12), Locale.ENGLISH));
        assertEquals("Тараз", labels.city(TARAZ, "Taraz", LocalDate.of(2011, 11, 12), KK));
    }

    @Test
    void theSouthIsSouthKazakhstanUntil2018AndTurkistanSince() {
        assertEquals("South Kazakhstan Region", labels.oblast("South Kazakhstan", LocalDate.of(2015, 1, 1), Locale.ENGLISH));
        assertEquals("Turkistan Region", labels.oblast("South Kazakhstan", LocalDate.of(2018, 6, 19), Locale.ENGLISH));
        assertEquals("Туркестанская область", labels.oblast("South Kazakhstan", null, RU));
        assertEquals("Оңтүстік Қазақстан облысы", labels.oblast("South Kazakhstan", LocalDate.of(2011, 1, 1), KK));
        assertEquals("Nur-Sultan city", labels.oblast("Astana", LocalDate.of(2021, 1, 1), Locale.ENGLISH));
    }

    @Test
    void daysWithNoRenamingBetweenThemHaveTheSameNames() {
        assertTrue(labels.sameNames(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31)), "a playback through 2011");
        assertFalse(labels.sameNames(LocalDate.of(2019, 3, 22), LocalDate.of(2019, 3, 23)), "Nur-Sultan from the 23rd");
        assertFalse(labels.sameNames(LocalDate.of(2019, 3, 23), LocalDate.of(2019, 3, 22)), "either way round");
        assertFalse(labels.sameNames(LocalDate.of(2011, 11, 12), null), "2011 and today");
        assertTrue(labels.sameNames(LocalDate.of(2023, 1, 1), null), "nothing renamed since 2023");
        assertFalse(labels.sameNames(LocalDate.of(1992, 12, 31), LocalDate.of(1993, 6, 1)),
                "Dzhambul became Zhambyl in 1993, taken at its first of January");
    }

    @Test
    void anIncidentsPlaceIsGivenWithTheNameOfItsDayWhenItDiffers() {
        assertEquals("Nur-Sultan, Nur-Sultan city",
                labels.onItsDay("Astana", "Astana city", LocalDate.of(2020, 5, 1), Locale.ENGLISH));
        assertEquals("South Kazakhstan Region",
                labels.onItsDay("Shymkent, bazaar", "Turkistan Region", LocalDate.of(2016, 5, 1), Locale.ENGLISH));
        assertNull(labels.onItsDay("Taraz, central market", "Zhambyl Region", LocalDate.of(2011, 11, 12),
                Locale.ENGLISH), "Taraz was Taraz in 2011");
        assertNull(labels.onItsDay("Astana", "Astana city", null, Locale.ENGLISH));
    }

    @Test
    void everyEnglishLabelIsInOneRomanisation() throws Exception {
        List<String> all = new ArrayList<>(texts(BasemapLayers.CITIES));
        all.addAll(texts(BasemapLayers.OBLASTS));
        assertTrue(all.size() > 250, "labels: " + all.size());
        for (String label : all) {
            assertFalse(label.matches(".*([qQ]|gh|[^\\x00-\\x7F]).*"), "not in the plain romanisation: " + label);
        }
        assertTrue(all.contains("Aktobe") && all.contains("Aktobe Region"), "the oblast and its capital read alike");
        assertTrue(all.contains("Zhezkazgan") && all.contains("Karaganda Region"));
    }

    @Test
    void russianAndKazakhLabelsAreCyrillic() throws Exception {
        for (Locale language : List.of(RU, KK)) {
            MapModel m = labels.labelled(model, null, language);
            for (String layer : List.of(BasemapLayers.CITIES, BasemapLayers.OBLASTS, BasemapLayers.COUNTRIES)) {
                for (String label : texts(m, layer)) {
                    assertTrue(label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC),
                            language + " " + layer + ": " + label);
                }
            }
        }
        assertTrue(texts(labels.labelled(model, null, KK), BasemapLayers.CITIES).contains("Өскемен"));
        assertTrue(texts(labels.labelled(model, null, RU), BasemapLayers.CITIES).contains("Усть-Каменогорск"));
        assertTrue(texts(labels.labelled(model, null, KK), BasemapLayers.COUNTRIES).contains("Қытай"));
    }

    @Test
    void aModelLabelledForADayShowsThatDaysNames() throws Exception {
        assertTrue(texts(labels.labelled(model, LocalDate.of(2020, 1, 1), Locale.ENGLISH), BasemapLayers.CITIES)
                .contains("Nur-Sultan"));
        assertFalse(texts(BasemapLayers.CITIES).contains("Nur-Sultan"), "the shipped model has today's names");
    }

    @Test
    void thePlainRomanisation() {
        assertEquals("Aktobe", Romanisation.plain("Aqtöbe"));
        assertEquals("Karagandy", Romanisation.plain("Qaraghandy"));
        assertEquals("Mangystau", Romanisation.plain("Mangghystau"));
        assertEquals("Akkol", Romanisation.plain("Akkol’"));
        assertEquals("Rudny", Romanisation.plain("Rudnyy"));
        assertEquals("Ust-Talovka", Romanisation.plain("Ūst’-Talovka"));
        assertEquals("Taraz", Romanisation.plain("Taraz"));
    }

    @Test
    void aSearchForA2022RegionShowsTheOblastItWasCarvedFrom() throws Exception {
        Gazetteer gazetteer = BasemapLayers.gazetteer(TestMaps.MAPS);
        Gazetteer.Place abai = gazetteer.lookup("Abai Region").get(0);
        Gazetteer.Place east = gazetteer.lookup("East Kazakhstan Region").get(0);
        assertEquals(Gazetteer.Kind.OBLAST, abai.kind());
        assertEquals(east.extent(), abai.extent());
        assertEquals("Ulytau Region", gazetteer.lookup("Ұлытау облысы").get(0).name());
    }

    private static List<String> texts(String layer) throws Exception {
        return texts(model, layer);
    }

    private static List<String> texts(MapModel m, String layer) throws Exception {
        List<String> out = new ArrayList<>();
        try (SimpleFeatureIterator it = m.layer(layer).orElseThrow().source().getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                out.add((String) f.getAttribute(PlaceLabels.LABEL));
            }
        }
        return out;
    }
}
