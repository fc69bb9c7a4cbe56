package kz.incidentmap.render;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.Style;
import org.geotools.data.collection.CollectionFeatureSource;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The layer as one frame draws it: a clustered layer at country and oblast scales becomes a layer of
 * cluster features (a feature per cluster, or the point itself when it stands alone) for this frame.
 * The renderer, the legend and identify all go through here, so what is drawn is what is hit.
 */
public final class FrameLayers {

    /** Clusters are formed at scales smaller than 1:{@value} (country, oblast and city views); at street scales every point is its own symbol. */
    public static final double CLUSTER_MAX_SCALE = 20_000;
    /** Points closer than this on screen share a cluster, pixels. */
    public static final double CLUSTER_CELL_PX = 44;
    /**
     * At street scales only points that fall on the same spot (records located to the same address
     * or city centre) are stacked into one symbol with a count, since zooming cannot separate them.
     */
    public static final double STACK_CELL_PX = 3;
    /** How far beyond the frame points are gathered, so that clusters at the edge are whole. */
    private static final double MARGIN_PX = 60;

    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    private static final GeometryFactory GF = new GeometryFactory();

    private FrameLayers() {
    }

    /** Whether nearby points of {@code layer} merge in {@code vp} (and so split when zooming in). */
    public static boolean clustersAt(MapLayer layer, Viewport vp) {
        return layer.presentation() == LayerPresentation.CLUSTERS && vp.scaleDenominator() > CLUSTER_MAX_SCALE;
    }

    /** The layer to draw or hit in this frame: {@code layer} itself unless it is clustered. */
    public static MapLayer forFrame(MapLayer layer, Viewport vp) throws IOException {
        if (layer.presentation() != LayerPresentation.CLUSTERS) {
            return layer;
        }
        Optional<IncidentFeatureSource> indexed = IncidentLayer.indexed(layer);
        CollectionFeatureSource frame = indexed.isPresent() ? groups(indexed.get(), layer, vp) : clusters(layer, vp);
        return layer.withSource(frame).withStyle(clusteredStyle(layer.style()));
    }

    /** The cell size, in metres, that clusters (or, at street scales, stacks) {@code layer} in {@code vp}. */
    public static double cellMetres(MapLayer layer, Viewport vp) {
        return vp.metresPerPixel() * (clustersAt(layer, vp) ? CLUSTER_CELL_PX : STACK_CELL_PX);
    }

    /** The area whose incidents a frame gathers: the frame and a margin, so that clusters at the edge are whole. */
    public static Envelope gatherArea(Viewport vp) {
        Envelope area = vp.bounds();
        area.expandBy(vp.metresPerPixel() * MARGIN_PX);
        return area;
    }

    /** The groups of an indexed incident layer in this frame, as features of the clustered schema. */
    private static CollectionFeatureSource groups(IncidentFeatureSource source, MapLayer layer, Viewport vp) {
        IncidentIndex index = source.index();
        SimpleFeatureType out = clusterType(source.getSchema());
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(out);
        List<SimpleFeature> features = new ArrayList<>();
        for (IndexClusterer.Group g : IndexClusterer.cluster(index, gatherArea(vp), cellMetres(layer, vp))) {
            features.add(groupFeature(fb, index, g));
        }
        return new CollectionFeatureSource(new ListFeatureCollection(out, features));
    }

    /**
     * A group as the styles read it: a single incident has its type, date and casualties; a cluster its
     * most frequent type and the sum of casualties. Titles and places stay in the store: what a click
     * shows is read there ({@code identify.IdentifyService}).
     */
    public static SimpleFeature groupFeature(SimpleFeatureBuilder fb, IncidentIndex index, IndexClusterer.Group g) {
        fb.set("geom", GF.createPoint(new Coordinate(g.x(), g.y())));
        fb.set("type", g.topType().code());
        fb.set("casualties", (int) Math.min(Integer.MAX_VALUE, g.casualties()));
        fb.set(ClusterStyles.COUNT, g.count());
        if (g.count() == 1) {
            int day = index.epochDay(g.firstRow());
            fb.set("date", day == IncidentIndex.NO_DATE ? null : LocalDate.ofEpochDay(day).toString());
            return fb.buildFeature("row." + index.fid(g.firstRow()));
        }
        fb.set("title", g.count() + " incidents");
        return fb.buildFeature("cluster." + index.fid(g.firstRow()));
    }

    /** The clustered version of a style, made once per style: frames come many times a second. */
    private static final Map<Style, Style> CLUSTERED = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@link ClusterStyles#clustered}, made once per style. */
    public static Style clusteredStyle(Style base) {
        return CLUSTERED.computeIfAbsent(base, ClusterStyles::clustered);
    }

    /** The style whose rules the legend lists: a clustered layer shows its cluster symbol too. */
    public static Style legendStyle(MapLayer layer) {
        return layer.presentation() == LayerPresentation.CLUSTERS ? clusteredStyle(layer.style()) : layer.style();
    }

    private static CollectionFeatureSource clusters(MapLayer layer, Viewport vp) throws IOException {
        SimpleFeatureType in = layer.source().getSchema();
        SimpleFeatureType out = clusterType(in);
        List<SimpleFeature> points = new ArrayList<>();
        List<PointClusterer.Item> items = new ArrayList<>();
        Envelope area = vp.bounds();
        area.expandBy(vp.metresPerPixel() * MARGIN_PX);
        String geom = in.getGeometryDescriptor().getLocalName();
        Query q = new Query(in.getTypeName(), FF.bbox(FF.property(geom), new ReferencedEnvelope(area, in.getCoordinateReferenceSystem())));
        try (SimpleFeatureIterator it = layer.source().getFeatures(q).features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                if (f.getDefaultGeometry() instanceof Point p) {
                    items.add(new PointClusterer.Item(p.getX(), p.getY(), points.size()));
                    points.add(f);
                }
            }
        }
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(out);
        List<SimpleFeature> features = new ArrayList<>();
        for (PointClusterer.Group g : PointClusterer.cluster(items, vp.metresPerPixel(),
                clustersAt(layer, vp) ? CLUSTER_CELL_PX : STACK_CELL_PX)) {
            List<SimpleFeature> members = g.members().stream().map(points::get).toList();
            features.add(members.size() == 1 ? single(fb, members.get(0)) : cluster(fb, g, members));
        }
        return new CollectionFeatureSource(new ListFeatureCollection(out, features));
    }

    /** The schema of a clustered layer's frame features: the layer's own plus count and members. */
    public static SimpleFeatureType clusterType(SimpleFeatureType in) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.init(in);
        b.add(ClusterStyles.COUNT, Integer.class);
        b.add(ClusterStyles.MEMBERS, String.class);
        return b.buildFeatureType();
    }

    private static SimpleFeature single(SimpleFeatureBuilder fb, SimpleFeature f) {
        for (AttributeDescriptor d : f.getFeatureType().getAttributeDescriptors()) {
            fb.set(d.getLocalName(), f.getAttribute(d.getLocalName()));
        }
        fb.set(ClusterStyles.COUNT, 1);
        fb.set(ClusterStyles.MEMBERS, f.getID());
        return fb.buildFeature(f.getID());
    }

    /** A cluster: its most frequent type, the sum of casualties, and its members' ids. */
    private static SimpleFeature cluster(SimpleFeatureBuilder fb, PointClusterer.Group g, List<SimpleFeature> members) {
        SimpleFeatureType type = fb.getFeatureType();
        fb.set(type.getGeometryDescriptor().getLocalName(), GF.createPoint(g.centre()));
        if (type.getDescriptor("type") != null) {
            Map<Object, Integer> counts = new HashMap<>();
            members.forEach(m -> counts.merge(m.getAttribute("type"), 1, Integer::sum));
            fb.set("type", counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null));
        }
        if (type.getDescriptor("casualties") != null) {
            fb.set("casualties", members.stream().mapToInt(m -> m.getAttribute("casualties") instanceof Number n ? n.intValue() : 0).sum());
        }
        if (type.getDescriptor("title") != null) {
            fb.set("title", members.size() + " incidents");
        }
        fb.set(ClusterStyles.COUNT, members.size());
        String ids = members.stream().map(SimpleFeature::getID).collect(Collectors.joining(","));
        fb.set(ClusterStyles.MEMBERS, ids);
        return fb.buildFeature("cluster." + members.get(0).getID());
    }
}
