package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.incidentmap.TestMaps;
import kz.incidentmap.model.StreetFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schematic streets read ahead are those a plain read gives; a failed early read is reported by the read. */
class SchematicStreetsTest {

    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theReadAheadIsTakenOnceAndEqualsAPlainRead() throws Exception {
        Path file = TestMaps.MAPS.resolve(StreetLayers.SCHEMATIC_FILE);
        MapsAhead read = MapsAhead.start(TestMaps.MAPS, threads);
        List<StreetFeature> ahead = SchematicStreets.read(file.toAbsolutePath(), read);
        List<StreetFeature> plain = SchematicStreets.read(file, read);
        assertNotSame(ahead, plain);
        assertTrue(ahead.size() > 100, "the Taraz centre has streets, buildings and places: " + ahead.size());
        assertEquals(plain.stream().map(f -> f.osmId() + f.layer() + f.geometry().toText()).toList(),
                ahead.stream().map(f -> f.osmId() + f.layer() + f.geometry().toText()).toList());
    }

    @Test
    void noFileNoStreetsAndABrokenFileIsReportedByTheRead() throws Exception {
        assertEquals(List.of(), SchematicStreets.read(tmp.resolve(StreetLayers.SCHEMATIC_FILE)));
        Files.writeString(tmp.resolve(StreetLayers.SCHEMATIC_FILE), "<osm><node id=");
        MapsAhead read = MapsAhead.start(tmp, threads);
        IOException e = assertThrows(IOException.class,
                () -> SchematicStreets.read(tmp.resolve(StreetLayers.SCHEMATIC_FILE), read));
        assertTrue(e.getMessage().contains(StreetLayers.SCHEMATIC_FILE), e.getMessage());
    }
}
