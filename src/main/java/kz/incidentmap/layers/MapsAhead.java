package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.osm.OsmImporter;

/**
 * The reference maps of one folder read ahead at start-up, on other threads, while the command line
 * is parsed and the store opened: the basemap layers in the Kazakhstan projection and the schematic
 * street layer. Made by the start-up, handed to the command or the window, and taken by the first load
 * of that folder ({@link BasemapLayers#load}, {@link StreetLayers#load}); a later load reads the files
 * itself. A read that failed is dropped, and the load reads again and reports the failure itself.
 * Thread-safe.
 */
public final class MapsAhead {

    private final Path mapsDir;
    private final AtomicReference<CompletableFuture<BasemapLayers.Basemap>> basemap;
    private final AtomicReference<CompletableFuture<List<StreetFeature>>> schematic;

    private MapsAhead(Path mapsDir, CompletableFuture<BasemapLayers.Basemap> basemap,
            CompletableFuture<List<StreetFeature>> schematic) {
        this.mapsDir = mapsDir;
        this.basemap = new AtomicReference<>(basemap);
        this.schematic = new AtomicReference<>(schematic);
    }

    /** Nothing read ahead: every load reads the files itself. */
    public static MapsAhead none() {
        return new MapsAhead(null, null, null);
    }

    /**
     * Starts reading {@code mapsDir} on {@code executor}: the basemap files turned into layers in the
     * Kazakhstan projection (with their styles and the filter functions the styles use), and the
     * schematic street layer. Returns at once.
     */
    public static MapsAhead start(Path mapsDir, Executor executor) {
        CompletableFuture<BasemapLayers.Basemap> basemap = BasemapLayers.readAhead(mapsDir, executor);
        Path file = mapsDir.resolve(StreetLayers.SCHEMATIC_FILE);
        CompletableFuture<List<StreetFeature>> schematic = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.exists(file) ? OsmImporter.readAll(file) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
        return new MapsAhead(key(mapsDir), basemap, schematic);
    }

    /** The basemap read ahead, if it is of {@code dir} in {@code projection} and not taken yet; taken by this call. */
    CompletableFuture<BasemapLayers.Basemap> takeBasemap(Path dir, MapProjection projection) {
        return mapsDir != null && mapsDir.equals(key(dir)) && projection == MapProjection.kazakhstan()
                ? basemap.getAndSet(null) : null;
    }

    /** The schematic streets read ahead, if they are of {@code dir} and not taken yet; taken by this call. */
    CompletableFuture<List<StreetFeature>> takeSchematic(Path dir) {
        return mapsDir != null && mapsDir.equals(key(dir)) ? schematic.getAndSet(null) : null;
    }

    /** The basemap read under way, without taking it (tests). */
    CompletableFuture<BasemapLayers.Basemap> basemapRead() {
        return basemap.get();
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
