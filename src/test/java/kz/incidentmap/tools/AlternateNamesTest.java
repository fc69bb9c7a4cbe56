package kz.incidentmap.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of GeoNames' alternate names are kept for search. */
class AlternateNamesTest {

    @Test
    void latinAndCyrillicNamesAreKeptOtherScriptsCodesAndRomanisationsDropped() {
        String geonames = "OEskemen,Oskemen,UKK,Ust'-Kamenogorsk,Ust-Kamenogorsk,oeseukemen,Öskemen,"
                + "Усть-Каменогорск,Өskemen,Өскемен,ウスチ・カメノゴルスク,외스케멘,Nursultʻan";
        assertEquals(List.of("OEskemen", "Oskemen", "Ust'-Kamenogorsk", "Öskemen", "Усть-Каменогорск", "Өскемен"),
                List.copyOf(AlternateNames.kept("Ust-Kamenogorsk", geonames)));
    }

    @Test
    void theScriptIsNamedOnlyWhenThereIsOne() {
        assertEquals(Optional.of("latin"), AlternateNames.script("Alma-Ata"));
        assertEquals(Optional.of("cyrillic"), AlternateNames.script("Алма-Ата"));
        assertEquals(Optional.empty(), AlternateNames.script("Өskemen"), "mixed");
        assertEquals(Optional.empty(), AlternateNames.script("Astana 2"), "a digit");
        assertEquals(Optional.empty(), AlternateNames.script("Ταράζ"));
    }
}
