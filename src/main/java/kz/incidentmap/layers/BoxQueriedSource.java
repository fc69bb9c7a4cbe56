package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.data.collection.CollectionFeatureSource;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.filter.visitor.ExtractBoundsFilterVisitor;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature source that holds no features but makes them for the box a query asks for (from an index,
 * from the store), then keeps those the query's whole filter accepts. The renderer and identify always
 * ask with a box.
 */
abstract class BoxQueriedSource extends CollectionFeatureSource {

    private final SimpleFeatureType type;

    BoxQueriedSource(SimpleFeatureType type) {
        super(new ListFeatureCollection(type));
        this.type = type;
    }

    /**
     * The features that may lie in {@code box}, a map-metre envelope, or null for a query without a
     * bounded box.
     */
    abstract List<SimpleFeature> candidates(Envelope box);

    @Override
    public SimpleFeatureCollection getFeatures() {
        return getFeatures(Filter.INCLUDE);
    }

    /**
     * The same for a frame drawn at 1:{@code scale} (null when the query did not say, see
     * {@link FrameScale}): a source may then leave out what is not drawn at that scale.
     */
    List<SimpleFeature> candidates(Envelope box, Double scale) {
        return candidates(box);
    }

    @Override
    public SimpleFeatureCollection getFeatures(Query query) {
        return select(query.getFilter(), FrameScale.of(query));
    }

    @Override
    public SimpleFeatureCollection getFeatures(Filter filter) {
        return select(filter, null);
    }

    private SimpleFeatureCollection select(Filter filter, Double scale) {
        Envelope box = (Envelope) filter.accept(ExtractBoundsFilterVisitor.BOUNDS_VISITOR, null);
        boolean bounded = box != null && !Double.isInfinite(box.getWidth()) && !Double.isInfinite(box.getHeight());
        List<SimpleFeature> kept = new ArrayList<>();
        for (SimpleFeature f : candidates(bounded ? new Envelope(box) : null, scale)) {
            if (filter.evaluate(f)) {
                kept.add(f);
            }
        }
        return new ListFeatureCollection(type, kept);
    }
}
