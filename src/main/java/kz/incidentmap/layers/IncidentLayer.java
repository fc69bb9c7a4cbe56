package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The incident layer: an {@link IncidentIndex} of every incident (position in the map projection, type,
 * casualties, date) that frames, clusters and clicks read, and the {@link IncidentRecords} a click
 * reads the few records it shows from. Its GeoTools features (type, title, date, place, casualty
 * ranges) are made on demand by {@link IncidentFeatureSource}.
 */
public final class IncidentLayer {

    public static final String NAME = "incidents";
    public static final String TITLE = "Incidents";

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
        b.add(MapStyles.SUB_TYPE_NUMBER, Integer.class);
        return b.buildFeatureType();
    }

    /** One incident as a map feature at map position (x, y); the feature id is the incident's id. */
    static SimpleFeature feature(SimpleFeatureBuilder fb, Incident i, double x, double y, int casualties,
            GeometryFactory gf) {
        fb.add(gf.createPoint(new Coordinate(x, y)));
        attributes(i, casualties).forEach(fb::set);
        fb.set(MapStyles.SUB_TYPE_NUMBER, i.subType() == null ? -1 : i.subType().ordinal());
        return fb.buildFeature(i.id());
    }

    /** An incident's attributes as the layer's features carry them, by name: what a click on an incident reports too. */
    public static Map<String, Object> attributes(Incident i, int casualties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("type", i.type().code());
        m.put("date", i.date() == null ? null : i.date().toString());
        m.put("place", i.place());
        m.put("killed", i.killedRange());
        m.put("wounded", i.woundedRange());
        m.put("casualties", casualties);
        return m;
    }

    /**
     * The layer for these incidents, held in memory: their index has the list positions as row ids.
     * Incidents without a position are not drawn.
     */
    public static MapLayer of(List<Incident> incidents, MapProjection projection) {
        List<IncidentIndex.Entry> entries = new ArrayList<>(incidents.size());
        for (int k = 0; k < incidents.size(); k++) {
            IncidentIndex.Entry e = IncidentIndex.Entry.of(k, incidents.get(k), projection);
            if (e != null) {
                entries.add(e);
            }
        }
        return of(IncidentIndex.of(entries), IncidentRecords.of(incidents), projection);
    }

    /** The layer for the incidents of an index, whose full records are read from {@code records}. */
    public static MapLayer of(IncidentIndex index, IncidentRecords records, MapProjection projection) {
        return new MapLayer(NAME, TITLE, new IncidentFeatureSource(featureType(projection), index, records),
                MapStyles.incidents(records.vocabulary()), true, "Incidents: curated records, see data/SOURCES.md", 1,
                LayerPresentation.CLUSTERS);
    }

    /** The index behind an incident layer, if it is one. */
    public static Optional<IncidentFeatureSource> indexed(MapLayer layer) {
        return layer.indexed();
    }
}
