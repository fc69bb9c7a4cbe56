package kz.incidentmap.render;

import java.time.LocalDate;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapStyles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * How a frame groups a clustered incident layer: the scales and cell sizes of its clusters and stacks,
 * the area a frame gathers, the clustered style and the feature a group becomes. The painter, the
 * legend and identify all take them from here, so what is drawn is what is hit.
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
    private static final GeometryFactory GF = new GeometryFactory();

    private FrameLayers() {
    }

    /** Whether nearby points of {@code layer} merge in {@code vp} (and so split when zooming in). */
    public static boolean clustersAt(MapLayer layer, Viewport vp) {
        return layer.presentation() == LayerPresentation.CLUSTERS && vp.scaleDenominator() > CLUSTER_MAX_SCALE;
    }

    /** The cell size, in metres, that clusters (or, at street scales, stacks) {@code layer} in {@code vp}. */
    public static double cellMetres(MapLayer layer, Viewport vp) {
        return vp.metresPerPixel() * (clustersAt(layer, vp) ? CLUSTER_CELL_PX : STACK_CELL_PX);
    }

    /**
     * The area whose incidents a frame gathers: the frame and the margin of a group ({@link FrameMargin#groups})
     * of the larger cell, so that clusters at the edge are whole.
     */
    public static Envelope gatherArea(Viewport vp) {
        return FrameMargin.groups(vp, CLUSTER_CELL_PX);
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
        fb.set(MapStyles.SUB_TYPE_NUMBER, g.count() == 1 ? index.subTypeOrdinal(g.firstRow()) : -1);
        if (g.count() == 1) {
            int day = index.epochDay(g.firstRow());
            fb.set("date", day == IncidentIndex.NO_DATE ? null : LocalDate.ofEpochDay(day).toString());
            return fb.buildFeature("row." + index.fid(g.firstRow()));
        }
        fb.set("title", g.count() + " incidents");
        return fb.buildFeature("cluster." + index.fid(g.firstRow()));
    }

    /**
     * {@link ClusterStyles#clustered}: a copy of the style, made anew (a frame takes the one its
     * {@link RenderContext} keeps).
     */
    public static Style clusteredStyle(Style base) {
        return ClusterStyles.clustered(base);
    }

    /** The style whose rules the legend lists: a clustered layer shows its cluster symbol too. */
    public static Style legendStyle(MapLayer layer) {
        return layer.presentation() == LayerPresentation.CLUSTERS ? clusteredStyle(layer.style()) : layer.style();
    }

    /** The schema of a clustered layer's frame features: the layer's own plus count and members. */
    public static SimpleFeatureType clusterType(SimpleFeatureType in) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.init(in);
        b.add(ClusterStyles.COUNT, Integer.class);
        b.add(ClusterStyles.MEMBERS, String.class);
        return b.buildFeatureType();
    }
}
