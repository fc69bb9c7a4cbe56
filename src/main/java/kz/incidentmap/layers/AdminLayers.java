package kz.incidentmap.layers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Geometry;

/**
 * The map layers of what an OpenStreetMap import brought besides streets: its oblasts (admin level 4),
 * its districts (level 6) and its settlements. The boundary layers start hidden: the map draws the
 * shipped oblasts until the user chooses the imported ones ({@link BoundaryChoice}). Their titles say
 * the extract's date ("Oblasts · OpenStreetMap, extract of 2026-11-30"). They are street layers by name
 * ({@code osm-}), so a new import replaces them with the rest.
 */
public final class AdminLayers {

    public static final String BOUNDARIES = "-boundaries";
    public static final String DISTRICTS = "-districts";
    public static final String SETTLEMENTS = "-settlements";
    /** The imported oblasts. */
    public static final String OBLASTS_LAYER = StreetLayers.IMPORTED + BOUNDARIES;
    public static final String DISTRICTS_LAYER = StreetLayers.IMPORTED + DISTRICTS;
    public static final String SETTLEMENTS_LAYER = StreetLayers.IMPORTED + SETTLEMENTS;

    /**
     * From this scale out the boundaries are drawn from copies thinned to points {@value #SIMPLE_TOLERANCE_M} m apart,
     * about a pixel there: an extract's boundaries follow rivers and ridges node by node, millions of
     * points for a country, which a frame of the whole country need not walk.
     */
    static final double SIMPLE_FROM_SCALE = 1_000_000;
    static final double SIMPLE_TOLERANCE_M = 250;
    /** The attribute telling the simplified copy of a boundary from its full outline. */
    static final String SIMPLIFIED = "simplified";

    static final String ATTRIBUTION = "Boundaries and places: \u00a9 OpenStreetMap contributors (ODbL)";
    private static final String EXTRACT_OF = "OpenStreetMap, extract of ";

    private AdminLayers() {
    }

    /**
     * The layers of {@code boundaries} and {@code places} (longitude/latitude), boundaries first; none
     * for a level without features.
     */
    static List<MapLayer> of(List<AdminArea> boundaries, List<OsmPlace> places, MapProjection projection) {
        List<MapLayer> out = new ArrayList<>();
        List<AdminArea> oblasts = boundaries.stream().filter(a -> a.adminLevel() == AdminArea.OBLAST_LEVEL).toList();
        List<AdminArea> districts = boundaries.stream().filter(a -> a.adminLevel() == AdminArea.DISTRICT_LEVEL).toList();
        if (!districts.isEmpty()) {
            out.add(boundaryLayer(DISTRICTS_LAYER, "Districts", districts, AdminStyles.districts(), projection));
        }
        if (!oblasts.isEmpty()) {
            out.add(boundaryLayer(OBLASTS_LAYER, "Oblasts", oblasts, AdminStyles.oblasts(), projection));
        }
        if (!places.isEmpty()) {
            out.add(placeLayer(places, projection));
        }
        return out;
    }

    /**
     * The extract date the imported oblasts (or, without them, districts) of {@code model} are of, as
     * their title gives it; empty when the map has no imported boundaries.
     */
    public static Optional<String> extractDate(MapModel model) {
        Optional<MapLayer> layer = model.layer(OBLASTS_LAYER).or(() -> model.layer(DISTRICTS_LAYER));
        return layer.map(l -> l.title().substring(l.title().indexOf(EXTRACT_OF) + EXTRACT_OF.length()));
    }

    private static MapLayer boundaryLayer(String name, String what, List<AdminArea> areas, Style style,
            MapProjection projection) {
        SimpleFeatureTypeBuilder b = builder(name, projection);
        b.add("admin_level", Integer.class);
        b.add("extract_date", String.class);
        b.add(SIMPLIFIED, Boolean.class);
        SimpleFeatureType type = b.buildFeatureType();
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> features = new ArrayList<>(2 * areas.size());
        for (AdminArea a : areas) {
            Geometry full = projection.toMap(a.geometry());
            // Only outlines are drawn, so the copy need not be a valid polygon; neighbours' shared lines part
            // by under a pixel at the scales it is drawn.
            Geometry simple = OutlineDecimator.thinned(full, SIMPLE_TOLERANCE_M);
            for (boolean simplified : new boolean[] {false, true}) {
                names(fb, a.osmId(), a.name(), a.nameRu(), a.nameKk(), simplified ? simple : full);
                fb.set("admin_level", a.adminLevel());
                fb.set("extract_date", a.extractDate().toString());
                fb.set(SIMPLIFIED, simplified);
                features.add(fb.buildFeature(name + "." + a.osmId() + (simplified ? ".simple" : "")));
            }
        }
        // A store imported from several extracts names the newest.
        LocalDate newest = areas.stream().map(AdminArea::extractDate).max(Comparator.naturalOrder()).orElseThrow();
        return new MapLayer(name, what + " \u00b7 " + EXTRACT_OF + newest, FeatureSources.indexed(type, features),
                style, false, ATTRIBUTION);
    }

    private static MapLayer placeLayer(List<OsmPlace> places, MapProjection projection) {
        SimpleFeatureTypeBuilder b = builder(SETTLEMENTS_LAYER, projection);
        b.add("type", String.class);
        b.add("old_name", String.class);
        b.add("population", Long.class);
        SimpleFeatureType type = b.buildFeatureType();
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> features = new ArrayList<>(places.size());
        for (OsmPlace p : places) {
            names(fb, p.osmId(), p.name(), p.nameRu(), p.nameKk(), projection.toMap(p.point()));
            fb.set("type", p.type());
            fb.set("old_name", p.oldName());
            fb.set("population", p.population());
            features.add(fb.buildFeature(SETTLEMENTS_LAYER + "." + p.osmId()));
        }
        LocalDate newest = places.stream().map(OsmPlace::extractDate).max(Comparator.naturalOrder()).orElseThrow();
        return new MapLayer(SETTLEMENTS_LAYER, "Towns and villages \u00b7 " + EXTRACT_OF + newest,
                FeatureSources.indexed(type, features), AdminStyles.settlements(), true, ATTRIBUTION);
    }

    private static SimpleFeatureTypeBuilder builder(String name, MapProjection projection) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(name);
        b.setCRS(projection.crs());
        b.add("geom", Geometry.class);
        b.add("osm_id", String.class);
        b.add("name", String.class);
        b.add("name_ru", String.class);
        b.add("name_kk", String.class);
        b.add(PlaceLabels.LABEL, String.class);
        return b;
    }

    /** Sets the columns every layer here has; the label is the extract's own name. */
    private static void names(SimpleFeatureBuilder fb, String osmId, String name, String nameRu, String nameKk,
            Geometry geometry) {
        fb.set("geom", geometry);
        fb.set("osm_id", osmId);
        fb.set("name", name);
        fb.set("name_ru", nameRu);
        fb.set("name_kk", nameKk);
        fb.set(PlaceLabels.LABEL, name);
    }
}
