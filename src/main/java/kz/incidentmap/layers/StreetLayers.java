package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.levels.LevelBuilder;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The street-level layers: the schematic Taraz centre shipped in {@code maps/taraz-centre.osm} (read
 * with the same OpenStreetMap reader as an import) and the streets imported into the store. Each source
 * gives four layers, areas (land use, water), buildings, roads and points of interest; the areas of both
 * lie under the buildings of both, then the roads, and the points on top. Where imported streets reach into the
 * schematic area, they replace it. A store's features are read box by box as frames ask for them
 * ({@link QueriedFeatureSource}), or held in memory when it has no stored levels ({@link #inMemoryLimit}).
 * The boundaries and settlements an import brought come with them (see {@link AdminLayers}): the
 * boundaries under everything, the settlements on top.
 */
public final class StreetLayers {

    /** The shipped schematic layer set. */
    public static final String SCHEMATIC_FILE = "taraz-centre.osm";
    public static final String SCHEMATIC = "taraz";
    public static final String IMPORTED = "osm";
    public static final String AREAS = "-areas";
    /** The generalised levels of a source's streets, for the middle scales. */
    public static final String LEVELS = LevelLayers.LEVELS;
    public static final String BUILDINGS = "-buildings";
    public static final String ROADS = "-roads";
    public static final String POIS = "-pois";

    static final String SCHEMATIC_ATTRIBUTION = "Taraz centre streets: schematic and approximate, drawn by this project";
    static final String OSM_ATTRIBUTION = "Streets: \u00a9 OpenStreetMap contributors (ODbL)";
    /** Imported features up to which the map holds them in memory (about 1 KB each); beyond, it reads box by box. */
    public static final long IN_MEMORY_LIMIT = 500_000;
    /** Imported roads in the schematic area from which the import replaces the schematic layer. */
    static final int REPLACING_ROADS = 5;

    private StreetLayers() {
    }

    /**
     * The street layers, bottom to top: the generalised levels for the middle scales (see
     * {@link LevelLayers}), then areas, roads, points of interest, each schematic then imported.
     *
     * @param imported the street features of the store (longitude/latitude), possibly none
     */
    public static List<MapLayer> load(Path mapsDir, List<StreetFeature> imported, MapProjection projection)
            throws IOException {
        return load(mapsDir, ImportedStreets.of(imported), projection, IN_MEMORY_LIMIT);
    }

    /** The street layers with the streets of a store (see {@link #inMemoryLimit}). Off the JavaFX thread. */
    public static List<MapLayer> load(Path mapsDir, ImportedStreets store, MapProjection projection) throws IOException {
        return load(mapsDir, store, projection, inMemoryLimit(store));
    }

    /**
     * Up to how many of a store's features the map reads into memory as it opens. None when the store
     * has its generalised levels: then every scale reads only what its frame shows, box by box, and the
     * map opens at once whatever was imported (a town of 225,876 features took 3 to 4 s and 260 MB of
     * heap to read in). A store imported into before the levels existed is read in up to
     * {@link #IN_MEMORY_LIMIT}, for its levels are built from what is read.
     */
    static long inMemoryLimit(ImportedStreets store) throws IOException {
        return store.hasLevels() ? 0 : IN_MEMORY_LIMIT;
    }

    /** Whether a layer of this name is one of the street layers this class makes. */
    public static boolean isStreetLayer(String name) {
        return name.startsWith(SCHEMATIC + "-") || name.startsWith(IMPORTED + "-");
    }

    /**
     * The same for the streets of a store: up to {@code inMemoryLimit} features are read into memory,
     * more are read from the store box by box as the map asks for them.
     */
    static List<MapLayer> load(Path mapsDir, ImportedStreets store, MapProjection projection, long inMemoryLimit)
            throws IOException {
        return load(mapsDir, store, projection, inMemoryLimit, MapsAhead.none());
    }

    /** The same, taking the schematic layer from {@code ahead} when it was read ahead. */
    static List<MapLayer> load(Path mapsDir, ImportedStreets store, MapProjection projection, long inMemoryLimit,
            MapsAhead ahead) throws IOException {
        List<StreetFeature> schematic = SchematicStreets.read(mapsDir.resolve(SCHEMATIC_FILE), ahead);
        List<AdminArea> boundaries = store.boundaries();
        List<OsmPlace> places = store.places();
        List<StreetFeature> imported = List.of();
        List<LevelFeature> importedLevels = List.of();
        boolean queried = store.count() > inMemoryLimit;
        boolean storedLevels = store.hasLevels();
        if (queried) {
            if (coversSchematic(store, schematic)) {
                schematic = List.of();
            }
        } else {
            imported = store.all();
            // A store imported into before the levels existed gets them built here, in memory, each time
            // it opens; the next import stores them.
            importedLevels = storedLevels ? store.allLevels() : LevelBuilder.build(imported);
            store.close();
            if (coversSchematic(imported, schematic)) {
                schematic = List.of();
            }
        }
        List<MapLayer> levels = new ArrayList<>();
        if (!schematic.isEmpty()) {
            levels.add(LevelLayers.inMemory(SCHEMATIC, "Taraz centre (schematic)", LevelBuilder.build(schematic),
                    SCHEMATIC_ATTRIBUTION, projection));
        }
        if (queried && storedLevels) {
            levels.add(LevelLayers.queried(IMPORTED, "OpenStreetMap", store, OSM_ATTRIBUTION, projection));
        } else if (queried || !imported.isEmpty()) {
            // A large store imported into before levels existed has none until its next import.
            levels.add(LevelLayers.inMemory(IMPORTED, "OpenStreetMap", importedLevels, OSM_ATTRIBUTION, projection));
        }
        List<MapLayer> areas = new ArrayList<>();
        List<MapLayer> buildings = new ArrayList<>();
        List<MapLayer> roads = new ArrayList<>();
        List<MapLayer> pois = new ArrayList<>();
        add(SCHEMATIC, "Taraz centre (schematic)", schematic, SCHEMATIC_ATTRIBUTION, projection,
                List.of(areas, buildings, roads, pois));
        if (queried) {
            addQueried(store, projection, List.of(areas, buildings, roads, pois));
        } else {
            add(IMPORTED, "OpenStreetMap", imported, OSM_ATTRIBUTION, projection, List.of(areas, buildings, roads, pois));
        }
        // A settlement that is a shipped city is drawn once, as the city (see ImportedPlaces).
        List<OsmPlace> drawn = places.isEmpty() ? places
                : ImportedPlaces.notShipped(places, BasemapLayers.gazetteer(mapsDir).places());
        List<MapLayer> admin = AdminLayers.of(boundaries, drawn, projection);
        List<MapLayer> all = new ArrayList<>(admin.stream().filter(l -> !l.name().equals(AdminLayers.SETTLEMENTS_LAYER))
                .toList());
        all.addAll(levels);
        all.addAll(areas);
        all.addAll(buildings);
        all.addAll(roads);
        all.addAll(pois);
        all.addAll(admin.stream().filter(l -> l.name().equals(AdminLayers.SETTLEMENTS_LAYER)).toList());
        return all;
    }

    /** Whether imported roads reach into the area of the schematic layer. */
    static boolean coversSchematic(List<StreetFeature> imported, List<StreetFeature> schematic) {
        Envelope area = bounds(schematic);
        if (area.isNull()) {
            return false;
        }
        long inside = imported.stream().filter(f -> f.layer() == StreetLayer.ROADS)
                .filter(f -> area.intersects(f.geometry().getEnvelopeInternal())).limit(REPLACING_ROADS).count();
        return inside >= REPLACING_ROADS;
    }

    /** Whether imported roads reach into the area of the schematic layer, asked of the store. */
    static boolean coversSchematic(ImportedStreets store, List<StreetFeature> schematic) throws IOException {
        Envelope area = bounds(schematic);
        return !area.isNull() && store.within(StreetLayer.ROADS, area).size() >= REPLACING_ROADS;
    }

    /** The longitude/latitude box of {@code features}; an empty envelope when there are none. */
    private static Envelope bounds(List<StreetFeature> features) {
        Envelope area = new Envelope();
        features.forEach(f -> area.expandToInclude(f.geometry().getEnvelopeInternal()));
        return area;
    }

    /** The imported layers read from the store box by box. */
    private static void addQueried(ImportedStreets store, MapProjection projection, List<List<MapLayer>> into) {
        String title = "OpenStreetMap";
        into.get(0).add(queried(IMPORTED + AREAS, "Land use and water \u00b7 " + title, store,
                List.of(StreetLayer.LANDUSE, StreetLayer.WATER), StreetStyles.areas(), projection));
        into.get(1).add(queried(IMPORTED + BUILDINGS, "Buildings \u00b7 " + title, store, List.of(StreetLayer.BUILDINGS),
                StreetStyles.buildings(), projection));
        into.get(2).add(queried(IMPORTED + ROADS, "Streets \u00b7 " + title, store, List.of(StreetLayer.ROADS),
                StreetStyles.roads(), projection));
        into.get(3).add(queried(IMPORTED + POIS, "Places \u00b7 " + title, store, List.of(StreetLayer.POIS),
                StreetStyles.pois(), projection));
    }

    private static MapLayer queried(String name, String title, ImportedStreets store, List<StreetLayer> layers,
            Style style, MapProjection projection) {
        SimpleFeatureType type = featureType(name, projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        QueriedFeatureSource source = new QueriedFeatureSource(type, store, layers, projection,
                f -> feature(fb, name, f, projection));
        return new MapLayer(name, title, source, style, true, OSM_ATTRIBUTION);
    }

    /** Adds this source's areas, buildings, roads and places to the four lists in {@code into}. */
    private static void add(String prefix, String title, List<StreetFeature> features, String attribution,
            MapProjection projection, List<List<MapLayer>> into) {
        if (features.isEmpty()) {
            return;
        }
        List<StreetFeature> a = new ArrayList<>();
        List<StreetFeature> b = new ArrayList<>();
        List<StreetFeature> r = new ArrayList<>();
        List<StreetFeature> p = new ArrayList<>();
        for (StreetFeature f : features) {
            switch (f.layer()) {
                case ROADS -> r.add(f);
                case POIS -> p.add(f);
                case BUILDINGS -> b.add(f);
                default -> a.add(f);
            }
        }
        into.get(0).add(layer(prefix + AREAS, "Land use and water \u00b7 " + title, a, StreetStyles.areas(), attribution,
                projection));
        into.get(1).add(layer(prefix + BUILDINGS, "Buildings \u00b7 " + title, b, StreetStyles.buildings(), attribution,
                projection));
        into.get(2).add(layer(prefix + ROADS, "Streets \u00b7 " + title, r, StreetStyles.roads(), attribution, projection));
        into.get(3).add(layer(prefix + POIS, "Places \u00b7 " + title, p, StreetStyles.pois(), attribution, projection));
    }

    static MapLayer layer(String name, String title, List<StreetFeature> features, Style style, String attribution,
            MapProjection projection) {
        SimpleFeatureType type = featureType(name, projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> out = new ArrayList<>(features.size());
        for (StreetFeature f : features) {
            out.add(feature(fb, name, f, projection));
        }
        return new MapLayer(name, title, FeatureSources.indexed(type, out), style, true, attribution);
    }

    /** The map feature of a street feature: geometry in the map projection, the road's rank. */
    private static SimpleFeature feature(SimpleFeatureBuilder fb, String layerName, StreetFeature f,
            MapProjection projection) {
        synchronized (fb) {
            // A road one-way against its drawn direction (oneway=-1) is drawn reversed, so that its arrows
            // point the way traffic goes.
            fb.set("geom", projection.toMap(f.road().oneway() < 0 ? f.geometry().reverse() : f.geometry()));
            fb.set("osm_id", f.osmId());
            fb.set("layer", f.layer().name().toLowerCase(Locale.ROOT));
            fb.set("kind", f.kind());
            fb.set("type", f.type());
            fb.set("name", f.name());
            fb.set("name_ru", f.nameRu());
            fb.set("name_kk", f.nameKk());
            fb.set("rank", f.layer() == StreetLayer.ROADS ? StreetStyles.rank(f.type()) : 0);
            fb.set("ref", f.road().ref());
            fb.set("oneway", f.road().isOneway());
            fb.set("z", f.road().level());
            return fb.buildFeature(layerName + "." + f.osmId() + "." + f.layer().ordinal());
        }
    }

    private static SimpleFeatureType featureType(String name, MapProjection projection) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(name);
        b.setCRS(projection.crs());
        b.add("geom", Geometry.class);
        b.add("osm_id", String.class);
        b.add("layer", String.class);
        b.add("kind", String.class);
        b.add("type", String.class);
        b.add("name", String.class);
        b.add("name_ru", String.class);
        b.add("name_kk", String.class);
        b.add("rank", Integer.class);
        b.add("ref", String.class);
        b.add("oneway", Boolean.class);
        b.add("z", Integer.class);
        return b.buildFeatureType();
    }
}
