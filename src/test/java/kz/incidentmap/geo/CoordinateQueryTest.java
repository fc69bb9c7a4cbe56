package kz.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Positions typed into the search field, in the forms other maps take. */
class CoordinateQueryTest {

    private static void reads(String text, double lon, double lat) {
        double[] p = CoordinateQuery.parse(text).orElseThrow(() -> new AssertionError("not read: " + text));
        assertArrayEquals(new double[] {lon, lat}, p, 1e-9, text);
    }

    @Test
    void latitudeFirstAsMapsWriteIt() {
        reads("44.07, 70.07", 70.07, 44.07);
        reads("  44.07 70.07 ", 70.07, 44.07);
        reads("44.07;70.07", 70.07, 44.07);
        reads("44,07 70,07", 70.07, 44.07);
        reads("44.07° 70.07°", 70.07, 44.07);
    }

    @Test
    void longitudeFirstWhenALetterOrTheNumbersSaySo() {
        reads("70.07E 44.07N", 70.07, 44.07);
        reads("44.07N, 70.07E", 70.07, 44.07);
        reads("70.07, 44.07", 70.07, 44.07);
    }

    @Test
    void namesAndFarAwayPlacesAreNotPositions() {
        for (String text : new String[] {"Taraz", "44.07", "44,07", "", "1, 2", "44.07, 170.07", "44.07S 70.07E",
                "44.07, 70.07, 3", "Street 25"}) {
            assertEquals(Optional.empty(), CoordinateQuery.parse(text).map(p -> p[0] + "," + p[1]), text);
        }
    }
}
