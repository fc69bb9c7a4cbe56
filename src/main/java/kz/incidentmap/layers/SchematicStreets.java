package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.osm.OsmImporter;

/**
 * The street features of the shipped schematic layer ({@link StreetLayers#SCHEMATIC_FILE}), in
 * longitude/latitude, read with the OpenStreetMap reader. At start-up the file can be read ahead on
 * another thread ({@link MapsAhead}); the next {@link #read} of it takes that read. A read ahead that
 * failed is dropped, and {@link #read} reads again and reports the failure itself.
 */
public final class SchematicStreets {

    private SchematicStreets() {
    }

    /** The features of {@code file}; none when there is no such file. */
    static List<StreetFeature> read(Path file) throws IOException {
        return read(file, MapsAhead.none());
    }

    /** The same, taking what {@code read} read of it ahead, if it did. */
    static List<StreetFeature> read(Path file, MapsAhead read) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        CompletableFuture<List<StreetFeature>> ahead = file.getFileName().toString().equals(StreetLayers.SCHEMATIC_FILE)
                && dir != null ? read.takeSchematic(dir) : null;
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException | CancellationException e) {
                // Read again below, so that the failure is reported here.
            }
        }
        return Files.exists(file) ? OsmImporter.readAll(file) : List.of();
    }
}
