package kz.incidentmap.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.SeedFile;
import org.junit.jupiter.api.Test;

class OblastLocatorTest {

    private static final OblastLocator OBLASTS = EditFixtures.oblasts();

    @Test
    void everyCuratedIncidentLiesInTheOblastItsRecordNames() throws Exception {
        for (Incident i : SeedFile.read(Path.of("data/incidents.json")).incidents()) {
            assertEquals(Optional.ofNullable(i.oblast()), OBLASTS.oblastAt(i.lon(), i.lat()), i.title());
        }
    }

    @Test
    void shymkentIsInTurkistanRegionAndBishkekIsOutside() {
        assertEquals(Optional.of("Turkistan Region"), OBLASTS.oblastAt(69.59, 42.32));
        assertFalse(OBLASTS.inKazakhstan(74.59, 42.87), "Bishkek, Kyrgyzstan");
        assertFalse(OBLASTS.inKazakhstan(Double.NaN, 45));
    }

    @Test
    void aRecordOfSemeySince2022MayNameAbaiRegion() {
        double lon = 80.23;
        double lat = 50.41;
        assertEquals(Optional.of("Abai Region"), OBLASTS.oblastOf(lon, lat, "Abai", LocalDate.of(2023, 1, 5)));
        assertEquals(Optional.of("Abai Region"), OBLASTS.oblastOf(lon, lat, "Абай облысы", LocalDate.of(2022, 6, 8)));
        assertEquals(Optional.of("East Kazakhstan Region"), OBLASTS.oblastOf(lon, lat, "Abai", LocalDate.of(2022, 6, 7)),
                "the region did not exist yet");
        assertEquals(Optional.of("East Kazakhstan Region"), OBLASTS.oblastOf(lon, lat, null, LocalDate.of(2023, 1, 5)),
                "without the record's word the drawn oblast");
        assertEquals(Optional.of("Almaty Region"), OBLASTS.oblastOf(77.1, 43.9, "Abai Region", LocalDate.of(2023, 1, 5)),
                "Abai was not carved from Almaty Region");
        assertEquals(Optional.of("Ulytau Region"), OBLASTS.oblastOf(67.71, 47.78, "Ulytau Region", LocalDate.of(2023, 1, 5)),
                "Zhezkazgan");
        assertEquals(Optional.of("Zhetysu Region"), OBLASTS.oblastOf(78.37, 45.01, "Zhetysu", LocalDate.of(2023, 1, 5)),
                "Taldykorgan");
    }
}
