package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryOutlinesTest {

    @Test
    void theHomeIsTheLoadedMapsHome() throws Exception {
        CountryOutlines outlines = CountryOutlines.read(TestMaps.MAPS, MapProjection.kazakhstan());
        LoadedMap map = TestMaps.load(List.of());
        // The preview opens at the view the window's map then opens at.
        assertEquals(map.home(), outlines.home());
        assertTrue(outlines.neighbours().size() >= 5, "Russia, China, Kyrgyzstan, Uzbekistan, Turkmenistan");
        assertTrue(outlines.kazakhstan().isValid());
    }

    @Test
    void aFileWithoutKazakhstanIsSaidSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("countries.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"iso_a3\":\"UZB\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[60,40],[61,40],[61,41],[60,40]]]}}]}");
        IOException e = assertThrows(IOException.class, () -> CountryOutlines.read(dir, MapProjection.kazakhstan()));
        assertTrue(e.getMessage().contains("countries.geojson") && e.getMessage().contains("KAZ"), e.getMessage());
    }
}
