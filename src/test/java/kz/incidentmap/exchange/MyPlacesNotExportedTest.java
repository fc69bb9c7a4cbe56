package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format records are exported in, the window's Export records… as the command's, leaves the user's places out. */
class MyPlacesNotExportedTest {

    @TempDir
    Path dir;

    @Test
    void noFormatCarriesThePlaces() throws Exception {
        Path db = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(db, Path.of("data/incidents.json")).close();
        int formats = 0;
        try (IncidentStore store = IncidentStore.open(db)) {
            store.addMyPlace(new MyPlace("where I lived", 71.37, 42.9, List.of(200, 1000), Instant.now()));
            for (ExchangeFormat f : ExchangeFormat.values()) {
                if (!f.exportable()) {
                    continue;
                }
                Path out = dir.resolve("out." + f.code() + (f == ExchangeFormat.ACLED ? ".csv" : ""));
                assertTrue(RecordExporter.export(store.all(), f, out, Progress.NONE, store) > 0, f.code());
                // Latin-1 reads any bytes: a name in a text file or in a SQLite page shows either way.
                String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("where I lived"), f.code() + " carries the place");
                if (f == ExchangeFormat.GPKG) {
                    try (IncidentStore exported = IncidentStore.openForViewing(out)) {
                        assertEquals(List.of(), exported.myPlaces());
                    }
                }
                formats++;
            }
            assertEquals(1, store.myPlaces().size(), "the user's own store keeps it");
        }
        assertEquals(5, formats, "csv, geojson, kml, gpkg and acled");
    }
}
