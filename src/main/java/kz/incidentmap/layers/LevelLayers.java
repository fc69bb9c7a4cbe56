package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.LevelFeature;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Geometry;

/**
 * The generalised levels of a source as one map layer ({@code osm-levels}, {@code taraz-levels}): one
 * checkbox in the layers panel for the map between the country and the street, whose style draws each
 * level only at its own scales. Held in memory, or read from the store box by box like the imported
 * streets when they are many.
 */
final class LevelLayers {

    static final String LEVELS = "-levels";

    private LevelLayers() {
    }

    /** The layer name of the levels of a source: "osm-levels". */
    static String name(String prefix) {
        return prefix + LEVELS;
    }

    /** The layer of {@code features} (every level's), even when there are none, as {@link #queried} makes it. */
    static MapLayer inMemory(String prefix, String source, List<LevelFeature> features, String attribution,
            MapProjection projection) {
        String name = name(prefix);
        SimpleFeatureType type = featureType(name, projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> made = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            made.add(feature(fb, name + "." + i, features.get(i), projection));
        }
        return new MapLayer(name, title(source), FeatureSources.indexed(type, made), LevelStyles.levels(), true,
                attribution);
    }

    /** The layer of the levels stored with the imported streets, read box by box. */
    static MapLayer queried(String prefix, String source, ImportedStreets store, String attribution,
            MapProjection projection) {
        String name = name(prefix);
        SimpleFeatureType type = featureType(name, projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        AtomicLong made = new AtomicLong();
        BoxQueriedSource box = new QueriedLevelSource(type, store, projection,
                f -> feature(fb, name + ".q" + made.incrementAndGet(), f, projection));
        return new MapLayer(name, title(source), box, LevelStyles.levels(), true, attribution);
    }

    private static String title(String source) {
        return "Roads, rivers, towns (1:1.5M\u20131:25k) \u00b7 " + source;
    }

    private static SimpleFeature feature(SimpleFeatureBuilder fb, String id, LevelFeature f, MapProjection projection) {
        synchronized (fb) {
            fb.set("geom", projection.toMap(f.geometry()));
            fb.set("level", f.level().key());
            fb.set("kind", f.kind());
            fb.set("type", f.type());
            fb.set("name", f.name());
            fb.set("ref", f.ref());
            fb.set("rank", "highway".equals(f.kind()) ? StreetStyles.rank(f.type()) : 0);
            return fb.buildFeature(id);
        }
    }

    private static SimpleFeatureType featureType(String name, MapProjection projection) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(name);
        b.setCRS(projection.crs());
        b.add("geom", Geometry.class);
        b.add("level", String.class);
        b.add("kind", String.class);
        b.add("type", String.class);
        b.add("name", String.class);
        b.add("ref", String.class);
        b.add("rank", Integer.class);
        return b.buildFeatureType();
    }
}
