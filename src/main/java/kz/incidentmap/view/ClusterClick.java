package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.FrameLayers;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What a click on a cluster does: the details pane lists its incidents, and where zooming in splits
 * it (above street scale), the map zooms to them far enough that the cluster falls apart.
 *
 * @param zoomTo the view that shows all the members (the same view for a stack at street scale)
 * @param members one hit per member incident, for the details pane
 */
record ClusterClick(Viewport zoomTo, List<Hit> members) {

    /** Closest a cluster click zooms, so that members at one spot are not shown at street level. */
    private static final double CLOSEST_SCALE = 10_000;

    /** The cluster the click hit first, if its nearest hit is a cluster. */
    static Optional<ClusterClick> of(List<Hit> hits, Function<String, Incident> incidents, Viewport vp) {
        Optional<Hit> cluster = hits.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).findFirst()
                .filter(h -> h.attributes().get(ClusterStyles.COUNT) instanceof Number n && n.intValue() > 1);
        if (cluster.isEmpty() || vp == null) {
            return Optional.empty();
        }
        Hit c = cluster.get();
        MapProjection proj = MapProjection.kazakhstan();
        Envelope env = new Envelope();
        List<Hit> members = new ArrayList<>();
        for (String id : Arrays.asList(String.valueOf(c.attributes().get(ClusterStyles.MEMBERS)).split(","))) {
            Incident i = incidents.apply(id);
            if (i != null) {
                Coordinate p = proj.toMap(i.lon(), i.lat());
                env.expandToInclude(p);
                members.add(new Hit(c.layer(), c.layerTitle(), id, c.distancePx(),
                        Map.of("title", i.title() == null ? "" : i.title())));
            }
        }
        if (members.isEmpty()) {
            return Optional.empty();
        }
        if (vp.scaleDenominator() <= FrameLayers.CLUSTER_MAX_SCALE) {
            return Optional.of(new ClusterClick(vp, members));
        }
        Viewport fit = Viewport.fitting(env, vp.width(), vp.height(), Math.min(vp.width(), vp.height()) / 6);
        double scale = Math.max(CLOSEST_SCALE, Math.min(fit.scaleDenominator(), FrameLayers.CLUSTER_MAX_SCALE / 1.5));
        Viewport zoom = Viewport.atScale(fit.centerX(), fit.centerY(), scale, vp.width(), vp.height());
        return Optional.of(new ClusterClick(zoom, members));
    }
}
