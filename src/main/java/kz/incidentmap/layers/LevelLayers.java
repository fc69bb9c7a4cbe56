package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Geometry;

/**
 * One map layer per generalised level ({@code osm-overview}, {@code osm-regional}, {@code osm-local},
 * and the same for the schematic Taraz centre), each drawn only at its level's scales: held in memory,
 * or read from the store box by box like the imported streets when they are many.
 */
final class LevelLayers {

    private LevelLayers() {
    }

    /** The layer name of a level of a source: "osm-overview". */
    static String name(String prefix, MapLevel level) {
        return prefix + "-" + level.key();
    }

    /**
     * The layers of {@code features} (every level's), one per level, empty or not: the same layers as
     * {@link #queried} makes, whatever the extract holds.
     */
    static List<MapLayer> inMemory(String prefix, String source, List<LevelFeature> features, String attribution,
            MapProjection projection) {
        List<MapLayer> out = new ArrayList<>();
        for (MapLevel level : MapLevel.values()) {
            List<LevelFeature> of = features.stream().filter(f -> f.level() == level).toList();
            String name = name(prefix, level);
            SimpleFeatureType type = featureType(name, projection);
            SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
            List<SimpleFeature> made = new ArrayList<>(of.size());
            for (int i = 0; i < of.size(); i++) {
                made.add(feature(fb, name + "." + i, of.get(i), projection));
            }
            out.add(new MapLayer(name, title(level, source), FeatureSources.indexed(type, made), LevelStyles.of(level),
                    true, attribution));
        }
        return out;
    }

    /** The layers of the levels stored with the imported streets, read box by box. */
    static List<MapLayer> queried(String prefix, String source, ImportedStreets store, String attribution,
            MapProjection projection) {
        List<MapLayer> out = new ArrayList<>();
        for (MapLevel level : MapLevel.values()) {
            String name = name(prefix, level);
            SimpleFeatureType type = featureType(name, projection);
            SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
            AtomicLong made = new AtomicLong();
            BoxQueriedSource box = new QueriedLevelSource(type, store, level, projection,
                    f -> feature(fb, name + ".q" + made.incrementAndGet(), f, projection));
            out.add(new MapLayer(name, title(level, source), box, LevelStyles.of(level), true, attribution));
        }
        return out;
    }

    /** Titles that tell the levels apart even cut short in the layers panel. */
    private static String title(MapLevel level, String source) {
        String what = switch (level) {
            case OVERVIEW -> "Overview roads and towns (1:1M–1:250k)";
            case REGIONAL -> "Regional roads and rivers (1:250k–1:75k)";
            case LOCAL -> "Local roads and rivers (1:75k–1:25k)";
        };
        return what + " \u00b7 " + source;
    }

    private static SimpleFeature feature(SimpleFeatureBuilder fb, String id, LevelFeature f, MapProjection projection) {
        synchronized (fb) {
            fb.set("geom", projection.toMap(f.geometry()));
            fb.set("level", f.level().key());
            fb.set("kind", f.kind());
            fb.set("type", f.type());
            fb.set("name", f.name());
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
        b.add("rank", Integer.class);
        return b.buildFeatureType();
    }
}
