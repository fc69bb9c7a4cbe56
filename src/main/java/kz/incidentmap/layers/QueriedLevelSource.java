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
 * The generalised levels read from the store box by box, as {@link QueriedFeatureSource} reads the
 * streets: for a frame, only the level drawn at its scale ({@link FrameScale}); for a query that does
 * not say, such as a click's, all three. The last box's features are kept, since the renderer asks the
 * same box once per style pass. Thread-safe.
 */
final class QueriedLevelSource extends BoxQueriedSource {

    private final ImportedStreets store;
    private final MapProjection projection;
    private final Function<LevelFeature, SimpleFeature> toFeature;
    private Envelope lastBox;
    private List<MapLevel> lastLevels = List.of();
    private List<SimpleFeature> lastFeatures = List.of();

    QueriedLevelSource(SimpleFeatureType type, ImportedStreets store, MapProjection projection,
            Function<LevelFeature, SimpleFeature> toFeature) {
        super(type);
        this.store = store;
        this.projection = projection;
        this.toFeature = toFeature;
    }

    @Override
    List<SimpleFeature> candidates(Envelope box) {
        return candidates(box, null);
    }

    /** With a scale, only the level drawn at it is read: a frame at 1:1,000,000 reads no local roads. */
    @Override
    synchronized List<SimpleFeature> candidates(Envelope box, Double scale) {
        if (box == null || box.isNull()) {
            return List.of();
        }
        List<MapLevel> levels = new ArrayList<>();
        for (MapLevel level : MapLevel.values()) {
            if (scale == null || scale >= level.minScale() && scale < level.maxScale()) {
                levels.add(level);
            }
        }
        if (box.equals(lastBox) && levels.equals(lastLevels)) {
            return lastFeatures;
        }
        List<SimpleFeature> out = new ArrayList<>();
        try {
            Envelope lonLat = projection.toLonLat(box);
            for (MapLevel level : levels) {
                for (LevelFeature f : store.level(level, lonLat)) {
                    out.add(toFeature.apply(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastBox = box;
        lastLevels = levels;
        lastFeatures = out;
        return out;
    }
}
