package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.osm.OsmImporter;

/**
 * The street features of the shipped schematic layer ({@link StreetLayers#SCHEMATIC_FILE}), in
 * longitude/latitude, read with the OpenStreetMap reader. At start-up the file can be read ahead on
 * another thread ({@link #prefetch}); the next {@link #read} of it takes that read. A read ahead that
 * failed is dropped, and {@link #read} reads again and reports the failure itself.
 */
public final class SchematicStreets {

    private static final Map<Path, CompletableFuture<List<StreetFeature>>> AHEAD = new ConcurrentHashMap<>();

    private SchematicStreets() {
    }

    /** The features of {@code file}; none when there is no such file. */
    static List<StreetFeature> read(Path file) throws IOException {
        CompletableFuture<List<StreetFeature>> ahead = AHEAD.remove(key(file));
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException | CancellationException e) {
                // Read again below, so that the failure is reported here.
            }
        }
        return Files.exists(file) ? OsmImporter.readAll(file) : List.of();
    }

    /** Starts reading the schematic layer of {@code mapsDir} on {@code executor}, for the next {@link #read} of it. */
    public static void prefetch(Path mapsDir, Executor executor) {
        Path file = mapsDir.resolve(StreetLayers.SCHEMATIC_FILE);
        AHEAD.put(key(file), CompletableFuture.supplyAsync(() -> {
            try {
                return Files.exists(file) ? OsmImporter.readAll(file) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
