package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The basemap read ahead at start-up is the one the map then loads, and a failed early read changes nothing. */
class BasemapLayersTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoadTakesWhatWasReadAheadOnce() throws Exception {
        MapsAhead read = MapsAhead.start(TestMaps.MAPS, threads);
        CompletableFuture<BasemapLayers.Basemap> ahead = read.basemapRead();
        // The same folder by another spelling of its path.
        BasemapLayers.Basemap loaded = BasemapLayers.load(TestMaps.MAPS.toAbsolutePath().resolve("."),
                MapProjection.kazakhstan(), read);
        assertSame(ahead.join(), loaded);
        BasemapLayers.Basemap again = BasemapLayers.load(TestMaps.MAPS, MapProjection.kazakhstan(), read);
        assertNotSame(loaded, again, "a second load reads the files itself");
        assertEquals(names(loaded), names(again));
        assertEquals(loaded.gazetteer().require("Taraz").lon(), again.gazetteer().require("Taraz").lon());
    }

    @Test
    void theOblastBoundariesAreHandedOutAsRead() throws Exception {
        BasemapLayers.Basemap basemap = BasemapLayers.load(TestMaps.MAPS, MapProjection.kazakhstan());
        // Natural Earth's 14 oblasts and the cities of Almaty and Astana, in longitude/latitude.
        assertEquals(16, basemap.oblastBoundaries().size());
        assertEquals(GeoJsonFeatures.read(TestMaps.MAPS.resolve("oblasts.geojson")).stream().map(f -> f.string("name"))
                .toList(), basemap.oblastBoundaries().stream().map(f -> f.string("name")).toList());
        assertTrue(basemap.oblastBoundaries().get(0).geometry().getEnvelopeInternal().getMaxX() <= 180);
    }

    @Test
    void aFailedEarlyReadIsReportedByTheLoadInItsOwnWords() throws Exception {
        Path maps = tmp.resolve("maps");
        Files.createDirectories(maps);
        for (String f : List.of("countries.geojson", "cities.geojson", "place-names.csv")) {
            Files.copy(TestMaps.MAPS.resolve(f), maps.resolve(f));
        }
        Files.writeString(maps.resolve("oblasts.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [}");
        String alone = assertThrows(GeoJsonException.class,
                () -> BasemapLayers.load(maps, MapProjection.kazakhstan())).getMessage();

        MapsAhead read = MapsAhead.start(maps, threads);
        assertThrows(Exception.class, read.basemapRead()::join);
        GeoJsonException e = assertThrows(GeoJsonException.class,
                () -> BasemapLayers.load(maps, MapProjection.kazakhstan(), read));
        assertEquals(alone, e.getMessage());
        assertTrue(e.getMessage().startsWith(maps.resolve("oblasts.geojson") + ": "), e.getMessage());
    }

    private static List<String> names(BasemapLayers.Basemap b) {
        return b.layers().stream().map(l -> l.name() + ":" + l.source().getSchema().getTypeName()).toList();
    }
}
