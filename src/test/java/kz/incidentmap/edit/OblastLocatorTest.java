package kz.incidentmap.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
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
}
