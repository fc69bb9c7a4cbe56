package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** A store with its levels is never read in whole as the map opens; one without them is, up to the limit. */
class OpensAtOnceTest {

    /** A store of {@code count} features, with or without levels, that fails if read in whole. */
    private static ImportedStreets store(long count, boolean levels) {
        return new ImportedStreets() {
            @Override
            public long count() {
                return count;
            }

            @Override
            public List<StreetFeature> all() {
                throw new AssertionError("read in whole");
            }

            @Override
            public List<StreetFeature> within(StreetLayer layer, Envelope lonLat) {
                return List.of();
            }

            @Override
            public boolean hasLevels() {
                return levels;
            }
        };
    }

    @Test
    void aStoreWithItsLevelsIsReadBoxByBoxWhateverItsSize() throws Exception {
        assertEquals(0, StreetLayers.inMemoryLimit(store(10, true)));
        assertEquals(StreetLayers.IN_MEMORY_LIMIT, StreetLayers.inMemoryLimit(store(10, false)));
        // Loading the layers of a small store with levels reads nothing in whole (all() would fail).
        List<MapLayer> layers = StreetLayers.load(kz.incidentmap.TestMaps.MAPS, store(10, true),
                kz.incidentmap.geo.MapProjection.kazakhstan());
        assertEquals(1, layers.stream().filter(l -> l.name().equals(StreetLayers.IMPORTED + StreetLayers.ROADS)).count());
    }
}
