package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.geo.MapProjection;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Geometry;

/**
 * Loads the reference geography shipped in {@code maps/} (GeoJSON in longitude/latitude) as GeoTools
 * features reprojected once into the map projection, each file a layer with its style.
 */
public final class BasemapLayers {

    public static final String COUNTRIES = "countries";
    public static final String OBLASTS = "oblasts";
    public static final String CITIES = "cities";

    static final String NATURAL_EARTH = "Boundaries: Natural Earth (public domain)";
    static final String GEONAMES = "Cities: GeoNames (CC BY 4.0)";

    private BasemapLayers() {
    }

    /**
     * The shipped reference layers and the gazetteer of their cities.
     *
     * @param layers countries, oblasts and cities, bottom to top
     * @param gazetteer the same cities, for zoom-to-city
     */
    public record Basemap(List<MapLayer> layers, Gazetteer gazetteer) {
    }

    /** Reads {@code mapsDir} once. Errors name the file and the feature. */
    public static Basemap load(Path mapsDir, MapProjection projection) throws IOException {
        List<GeoJsonFeature> cities = cities(mapsDir);
        List<MapLayer> layers = List.of(
                layer(GeoJsonFeatures.read(mapsDir.resolve("countries.geojson")), COUNTRIES, "Countries",
                        MapStyles.countries(), NATURAL_EARTH, projection),
                layer(GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")), OBLASTS, "Oblasts",
                        MapStyles.oblasts(), NATURAL_EARTH, projection),
                layer(cities, CITIES, "Cities", MapStyles.cities(), GEONAMES, projection));
        return new Basemap(layers, gazetteer(cities));
    }

    /** Only the gazetteer, for commands that need no map. */
    public static Gazetteer gazetteer(Path mapsDir) throws IOException {
        return gazetteer(cities(mapsDir));
    }

    /** The GeoNames cities with the current and Cyrillic names of {@code place-names.csv}. */
    private static List<GeoJsonFeature> cities(Path mapsDir) throws IOException {
        return PlaceNameOverrides.read(mapsDir.resolve("place-names.csv"))
                .apply(GeoJsonFeatures.read(mapsDir.resolve("cities.geojson")));
    }

    private static Gazetteer gazetteer(List<GeoJsonFeature> cities) {
        List<Gazetteer.Place> places = new ArrayList<>();
        for (GeoJsonFeature f : cities) {
            Map<String, Object> p = f.properties();
            Object pop = p.get("population");
            places.add(new Gazetteer.Place(String.valueOf(p.get("name")),
                    p.get("name_alt") == null ? null : String.valueOf(p.get("name_alt")),
                    f.geometry().getCoordinate().x, f.geometry().getCoordinate().y,
                    pop instanceof Number n ? n.longValue() : 0));
        }
        return new Gazetteer(places);
    }

    static MapLayer layer(List<GeoJsonFeature> read, String name, String title, Style style, String attribution,
            MapProjection projection) {
        SimpleFeatureType type = schema(name, read, projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> features = new ArrayList<>(read.size());
        int index = 0;
        for (GeoJsonFeature f : read) {
            fb.set("geom", projection.toMap(f.geometry()));
            f.properties().forEach((k, v) -> {
                if (type.getDescriptor(k) != null) {
                    fb.set(k, v);
                }
            });
            features.add(fb.buildFeature(name + "." + index++));
        }
        return new MapLayer(name, title, FeatureSources.indexed(type, features), style, true, attribution);
    }

    /** One attribute per property name, typed by its first non-null value (text when always null). */
    private static SimpleFeatureType schema(String name, List<GeoJsonFeature> features, MapProjection projection) {
        Map<String, Class<?>> columns = new LinkedHashMap<>();
        for (GeoJsonFeature f : features) {
            f.properties().forEach((k, v) -> {
                columns.putIfAbsent(k, null);
                if (v != null && columns.get(k) == null) {
                    columns.put(k, v instanceof Integer || v instanceof Long ? Long.class
                            : v instanceof Number ? Double.class : String.class);
                }
            });
        }
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(name);
        b.setCRS(projection.crs());
        b.add("geom", Geometry.class);
        columns.forEach((k, t) -> b.add(k, t == null ? String.class : t));
        return b.buildFeatureType();
    }
}
