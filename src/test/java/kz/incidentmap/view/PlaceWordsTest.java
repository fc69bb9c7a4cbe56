package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search's places and matched names in the window's language. */
class PlaceWordsTest {

    private static Gazetteer gazetteer;

    @BeforeAll
    static void read() throws Exception {
        gazetteer = BasemapLayers.gazetteer(TestMaps.MAPS);
    }

    private static Gazetteer.Match match(String name, String place) {
        List<Gazetteer.Match> found = gazetteer.matches(name);
        return found.stream().filter(m -> m.place().name().equals(place)).findFirst().orElseThrow();
    }

    @Test
    void placesAndTheirFormerNamesInRussianAndKazakh() {
        Texts ru = Texts.of(UiLanguage.RU);
        Texts kk = Texts.of(UiLanguage.KK);
        Gazetteer.Place taraz = gazetteer.find("Taraz").orElseThrow();
        assertEquals("Taraz, Zhambyl Region \u00b7 население 358\u00a0153", PlaceWords.description(taraz, ru));
        assertEquals("Taraz \u00b7 \u049b\u0430\u043b\u0430, Zhambyl Region \u00b7 \u0442\u04b1\u0440\u0493\u044b\u043d\u0434\u0430\u0440\u044b 358\u00a0153",
                PlaceWords.candidate(taraz, kk));
        assertEquals("Zhambyl \u2014 прежнее название города Taraz (1993\u20131997)", PlaceWords.says(match("Zhambyl", "Taraz"), ru));
        String nurSultan = PlaceWords.says(match("Nur-Sultan", "Astana"), ru);
        assertTrue(nurSultan.startsWith("Nur-Sultan \u2014 название города Astana с 23 мар"), nurSultan);
        assertEquals("Oskemen \u2014 другое название города Ust-Kamenogorsk",
                PlaceWords.says(match("Oskemen", "Ust-Kamenogorsk"), ru));
        assertEquals("Taraz, Zhambyl Region \u00b7 358,153 people", PlaceWords.description(taraz, Texts.ENGLISH));
    }
}
