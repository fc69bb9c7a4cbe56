package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import kz.incidentmap.geo.MapProjection;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Loads the reference geography shipped in {@code maps/} (GeoJSON in longitude/latitude) as GeoTools
 * features reprojected once into the map projection, each file a layer with its style.
 *
 * <p>At start-up the files can be read ahead, on another thread, while the store is opened
 * ({@link MapsAhead}); the next {@link #load} of the same folder given it then takes what was read.
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
     * @param oblastBoundaries the oblasts as read (longitude/latitude), for finding the oblast of a point
     *        without reading the file a second time
     * @param labels the names the layers' labels take by language and date
     * @param areas the cities' extents and the oblasts, in map metres, that imprecise positions stand for
     */
    public record Basemap(List<MapLayer> layers, Gazetteer gazetteer, List<GeoJsonFeature> oblastBoundaries,
            PlaceLabels labels, UncertaintyAreas areas) {
        public Basemap {
            layers = List.copyOf(layers);
            oblastBoundaries = List.copyOf(oblastBoundaries);
        }
    }

    /** The files of a maps folder as read, in longitude/latitude. */
    private record SourceFiles(List<GeoJsonFeature> countries, List<GeoJsonFeature> oblasts, List<GeoJsonFeature> cities,
            OtherNames otherNames, PlaceLabels labels) {
    }

    /** Reads {@code mapsDir}. Errors name the file and the feature. */
    public static Basemap load(Path mapsDir, MapProjection projection) throws IOException {
        return load(mapsDir, projection, MapsAhead.none());
    }

    /**
     * Reads {@code mapsDir} once, or takes what {@code read} read of it ahead in the Kazakhstan
     * projection. Errors name the file and the feature.
     */
    public static Basemap load(Path mapsDir, MapProjection projection, MapsAhead read) throws IOException {
        CompletableFuture<Basemap> ahead = read.takeBasemap(mapsDir, projection);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException | CancellationException e) {
                // Read again below: the failure is then reported here, in the caller's thread.
            }
        }
        return build(read(mapsDir), projection);
    }

    /**
     * Starts reading {@code mapsDir} on {@code executor} and building its layers in the Kazakhstan
     * projection, with their styles and the filter functions the map's styles use (see
     * {@link MapsAhead}).
     *
     * @return the read under way, done when the layers are built
     */
    static CompletableFuture<Basemap> readAhead(Path mapsDir, Executor executor) {
        // The projection first: GeoTools' referencing set-up is the longest piece of start-up.
        CompletableFuture<MapProjection> projection = MapProjection.prepare(executor);
        CompletableFuture<SourceFiles> files = CompletableFuture.supplyAsync(() -> {
            try {
                return read(mapsDir);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
        return files.thenCombine(projection, BasemapLayers::build);
    }

    /** The cities first, then countries and oblasts: a broken file is reported in that order. */
    private static SourceFiles read(Path mapsDir) throws IOException {
        List<GeoJsonFeature> cities = cities(mapsDir);
        return new SourceFiles(GeoJsonFeatures.read(mapsDir.resolve("countries.geojson")),
                GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")), cities, OtherNames.read(mapsDir),
                PlaceLabels.read(mapsDir).knowing(cities));
    }

    private static Basemap build(SourceFiles files, MapProjection projection) {
        List<MapLayer> layers = List.of(
                layer(files.countries(), COUNTRIES, "Countries", MapStyles.countries(), NATURAL_EARTH, projection),
                layer(files.oblasts(), OBLASTS, "Oblasts (boundaries as of 2017)", MapStyles.oblasts(), NATURAL_EARTH,
                        projection),
                layer(files.cities(), CITIES, "Cities", MapStyles.cities(), GEONAMES, projection));
        // Today's names in English until the view asks for another day or language.
        List<MapLayer> labelled = files.labels().labelled(new MapModel(layers), null, Locale.ENGLISH).layers();
        return new Basemap(labelled, gazetteer(files.cities(), files.oblasts(), files.otherNames(), files.labels()),
                files.oblasts(), files.labels(), areas(files, projection));
    }

    private static UncertaintyAreas areas(SourceFiles files, MapProjection projection) {
        List<Coordinate> points = new ArrayList<>();
        List<Long> populations = new ArrayList<>();
        for (GeoJsonFeature f : files.cities()) {
            points.add(projection.toMap(f.geometry()).getCoordinate());
            populations.add(f.properties().get("population") instanceof Number n ? n.longValue() : 0L);
        }
        List<Geometry> oblasts = files.oblasts().stream().map(o -> projection.toMap(o.geometry())).toList();
        return UncertaintyAreas.of(points, populations, oblasts);
    }

    /**
     * Only the gazetteer, for commands that need no map: the cities by all their names and the oblasts,
     * so that a name that is both an oblast's and a former city's is known to be ambiguous.
     */
    public static Gazetteer gazetteer(Path mapsDir) throws IOException {
        return gazetteer(cities(mapsDir), GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")),
                OtherNames.read(mapsDir), PlaceLabels.read(mapsDir));
    }

    /**
     * The GeoNames cities with the current and Cyrillic names of {@code place-names.csv}, each place
     * once (see {@link PlaceDuplicates}).
     */
    private static List<GeoJsonFeature> cities(Path mapsDir) throws IOException {
        return PlaceDuplicates.merged(PlaceNameOverrides.read(mapsDir.resolve("place-names.csv"))
                .apply(GeoJsonFeatures.read(mapsDir.resolve("cities.geojson"))));
    }

    /**
     * The cities, each with the oblast it lies in and its alternate and former names, and the oblasts
     * themselves.
     */
    private static Gazetteer gazetteer(List<GeoJsonFeature> cities, List<GeoJsonFeature> oblasts, OtherNames other,
            PlaceLabels labels) {
        List<PreparedGeometry> areas = oblasts.stream().map(o -> PreparedGeometryFactory.prepare(o.geometry())).toList();
        List<Gazetteer.Place> places = new ArrayList<>();
        for (GeoJsonFeature f : cities) {
            Map<String, Object> p = f.properties();
            Object pop = p.get("population");
            String oblast = null;
            for (int i = 0; i < areas.size() && oblast == null; i++) {
                if (areas.get(i).covers(f.geometry())) {
                    oblast = labels.oblast(oblasts.get(i).string("name"), null, Locale.ENGLISH);
                }
            }
            long id = p.get("geonames_id") instanceof Number n ? n.longValue() : -1;
            // The name the map's label shows; GeoNames' spelling of it ("Zhezqazghan") is found too.
            String source = String.valueOf(p.get("name"));
            String name = Romanisation.plain(source);
            List<String> merged = new ArrayList<>();
            if (!name.equals(source)) {
                merged.add(source);
            }
            if (f.string(PlaceDuplicates.MERGED_NAMES) != null) {
                merged.addAll(List.of(f.string(PlaceDuplicates.MERGED_NAMES).split(";")));
            }
            // A renaming back to the name the map shows (Astana 1998-2019) is no former name of it.
            List<FormerName> former = other.former(id).stream()
                    .filter(fn -> !PlaceNames.key(fn.name()).equals(PlaceNames.key(name))).toList();
            places.add(new Gazetteer.Place(name,
                    p.get("name_alt") == null ? null : String.valueOf(p.get("name_alt")),
                    f.geometry().getCoordinate().x, f.geometry().getCoordinate().y,
                    pop instanceof Number n ? n.longValue() : 0, Gazetteer.Kind.CITY, oblast, null, merged,
                    other.alternates(id), former));
        }
        List<Gazetteer.Place> regions = new ArrayList<>();
        for (GeoJsonFeature o : oblasts) {
            Envelope e = o.geometry().getEnvelopeInternal();
            // Found by today's name in the map's romanisation, by Natural Earth's and in Cyrillic.
            String name = labels.oblast(o.string("name"), null, Locale.ENGLISH);
            List<String> names = new ArrayList<>(List.of(o.string("name")));
            for (String k : new String[] {"name_ru", "name_kk"}) {
                if (o.string(k) != null) {
                    names.add(o.string(k));
                }
            }
            regions.add(new Gazetteer.Place(name, null, e.centre().x, e.centre().y, 0, Gazetteer.Kind.OBLAST, name, e,
                    names));
        }
        // A 2022 region has no boundary: a search for it shows the oblast it was carved from.
        for (OblastSplit split : labels.splits()) {
            oblasts.stream().filter(o -> split.parent().equals(o.string("name"))).findFirst().ifPresent(o -> {
                Envelope e = o.geometry().getEnvelopeInternal();
                regions.add(new Gazetteer.Place(split.name(), null, e.centre().x, e.centre().y, 0,
                        Gazetteer.Kind.OBLAST, split.name(), e, List.of(split.nameRu(), split.nameKk())));
            });
        }
        return new Gazetteer(places, regions, oblasts.stream().map(GeoJsonFeature::geometry).toList());
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
        b.add(PlaceLabels.LABEL, String.class);
        return b.buildFeatureType();
    }
}
