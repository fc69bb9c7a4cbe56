package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The incident layer: one point feature per incident, in the map projection, carrying what the
 * style and a click need (type, casualties, title). The full record stays in the store.
 */
public final class IncidentLayer {

    public static final String NAME = "incidents";
    public static final String TITLE = "Incidents";

    private static final GeometryFactory GF = new GeometryFactory();

    private IncidentLayer() {
    }

    static SimpleFeatureType featureType(MapProjection projection) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName(NAME);
        b.setCRS(projection.crs());
        b.add("geom", Point.class);
        b.add("id", String.class);
        b.add("title", String.class);
        b.add("type", String.class);
        b.add("date", String.class);
        b.add("place", String.class);
        b.add("killed", String.class);
        b.add("wounded", String.class);
        b.add("casualties", Integer.class);
        return b.buildFeatureType();
    }

    private static int casualties(Incident i) {
        return i.maxKilled().orElse(0) + i.maxWounded().orElse(0);
    }

    /** The layer for these incidents; the feature id is the incident's UUID. */
    public static MapLayer of(List<Incident> incidents, MapProjection projection) {
        SimpleFeatureType type = featureType(projection);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> features = new ArrayList<>(incidents.size());
        // Drawn in this order: the incidents with most casualties end up on top of a stack.
        List<Incident> order = new ArrayList<>(incidents);
        order.sort(Comparator.comparingInt(IncidentLayer::casualties));
        for (Incident i : order) {
            Coordinate c = projection.toMap(i.lon(), i.lat());
            fb.add(GF.createPoint(c));
            fb.add(i.id());
            fb.add(i.title());
            fb.add(i.type().code());
            fb.add(i.date() == null ? null : i.date().toString());
            fb.add(i.place());
            fb.add(i.killedRange());
            fb.add(i.woundedRange());
            fb.add(casualties(i));
            features.add(fb.buildFeature(i.id()));
        }
        return new MapLayer(NAME, TITLE, FeatureSources.ordered(type, features), MapStyles.incidents(), true,
                "Incidents: curated records, see data/SOURCES.md", 1, LayerPresentation.CLUSTERS);
    }
}
