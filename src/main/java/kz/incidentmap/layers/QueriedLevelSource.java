package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.locationtech.jts.geom.Envelope;

/**
 * The generalised levels read from the store box by box (all three: the source does not know the
 * scale; the style draws one), as {@link QueriedFeatureSource} reads the
 * streets: the last box's features are kept, since the renderer asks the same box once per style pass.
 * Thread-safe.
 */
final class QueriedLevelSource extends BoxQueriedSource {

    private final ImportedStreets store;
    private final MapProjection projection;
    private final Function<LevelFeature, SimpleFeature> toFeature;
    private Envelope lastBox;
    private List<SimpleFeature> lastFeatures = List.of();

    QueriedLevelSource(SimpleFeatureType type, ImportedStreets store, MapProjection projection,
            Function<LevelFeature, SimpleFeature> toFeature) {
        super(type);
        this.store = store;
        this.projection = projection;
        this.toFeature = toFeature;
    }

    @Override
    synchronized List<SimpleFeature> candidates(Envelope box) {
        if (box == null || box.isNull()) {
            return List.of();
        }
        if (box.equals(lastBox)) {
            return lastFeatures;
        }
        List<SimpleFeature> out = new ArrayList<>();
        try {
            Envelope lonLat = projection.toLonLat(box);
            for (MapLevel level : MapLevel.values()) {
                for (LevelFeature f : store.level(level, lonLat)) {
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
