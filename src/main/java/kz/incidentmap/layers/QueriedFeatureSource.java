package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature source that reads the store box by box instead of holding its features: each query's
 * bounding box goes to the store's R-tree, the rows are turned into map features, and the last box's
 * features are kept, since the renderer asks the same box once per style pass. It answers box
 * queries only: a query without a box gets no features (the renderer and identify always give one).
 * Thread-safe.
 */
final class QueriedFeatureSource extends BoxQueriedSource {

    private final ImportedStreets streets;
    private final List<StreetLayer> layers;
    private final MapProjection projection;
    private final Function<StreetFeature, SimpleFeature> toFeature;
    private Envelope lastBox;
    private List<SimpleFeature> lastFeatures = List.of();

    QueriedFeatureSource(SimpleFeatureType type, ImportedStreets streets, List<StreetLayer> layers,
            MapProjection projection, Function<StreetFeature, SimpleFeature> toFeature) {
        super(type);
        this.streets = streets;
        this.layers = List.copyOf(layers);
        this.projection = projection;
        this.toFeature = toFeature;
    }

    @Override
    List<SimpleFeature> candidates(Envelope box) {
        return box == null || box.isNull() ? List.of() : fetch(box);
    }

    /** The store's features in a map box; a store failure is an {@link UncheckedIOException} naming the file. */
    private synchronized List<SimpleFeature> fetch(Envelope box) {
        if (box.equals(lastBox)) {
            return lastFeatures;
        }
        Envelope lonLat = projection.toLonLat(box);
        List<SimpleFeature> out = new ArrayList<>();
        try {
            for (StreetLayer layer : layers) {
                for (StreetFeature f : streets.within(layer, lonLat)) {
                    out.add(toFeature.apply(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastBox = box;
        lastFeatures = out;
        return out;
    }
}
