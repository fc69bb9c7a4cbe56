package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.CollectionFeatureSource;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.collection.SpatialIndexFeatureCollection;
import org.geotools.data.collection.SpatialIndexFeatureSource;

/**
 * Builds the in-memory, spatially indexed GeoTools feature sources our layers read from. GeoTools'
 * own STR-tree backed collection answers the renderer's bounding-box queries.
 */
final class FeatureSources {

    private FeatureSources() {
    }

    /**
     * A source that returns features in list order (the renderer draws later ones on top). It
     * scans; the incident layer is small until a columnar index replaces it.
     */
    static SimpleFeatureSource ordered(SimpleFeatureType type, List<SimpleFeature> features) {
        return new CollectionFeatureSource(new ListFeatureCollection(type, features));
    }

    static SimpleFeatureSource indexed(SimpleFeatureType type, List<SimpleFeature> features) {
        try {
            return new SpatialIndexFeatureSource(
                    new SpatialIndexFeatureCollection(new ListFeatureCollection(type, features)));
        } catch (IOException e) {
            // Only thrown for collections that read from disk; ours is already in memory.
            throw new UncheckedIOException(e);
        }
    }
}
