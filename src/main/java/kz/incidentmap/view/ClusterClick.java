package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.RecordPages;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.FrameLayers;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * What a click on a cluster does: the details pane lists its incidents, and where zooming in splits
 * it (above street scale), the map zooms to them far enough that the cluster falls apart.
 *
 * @param zoomTo the view that shows all the members (the same view for a stack at street scale)
 * @param members one hit per member incident the click read (the nearest first), for the details pane
 * @param count how many incidents the cluster holds
 * @param pages the cluster's whole list, nearest the click first, for paging in the rest of it
 */
record ClusterClick(Viewport zoomTo, List<Hit> members, int count, RecordPages pages) {

    /** Closest a cluster click zooms, so that members at one spot are not shown at street level. */
    private static final double CLOSEST_SCALE = 10_000;
    /** A cluster whose members need a view smaller than 1:{@value} to be seen whole is a regional one. */
    private static final double REGIONAL_SCALE = 200_000;

    /** The cluster the click hit first, if its nearest hit is a cluster. */
    static Optional<ClusterClick> of(List<Hit> hits, Viewport vp) {
        Optional<Hit> cluster = hits.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).findFirst()
                .filter(Hit::isCluster);
        if (cluster.isEmpty() || vp == null || cluster.get().records().isEmpty()) {
            return Optional.empty();
        }
        Hit c = cluster.get();
        int count = ((Number) c.attributes().get(ClusterStyles.COUNT)).intValue();
        List<Hit> members = new ArrayList<>();
        for (Incident i : c.records()) {
            members.add(member(c, i));
        }
        Envelope env = c.extent();
        if (vp.scaleDenominator() <= FrameLayers.CLUSTER_MAX_SCALE || env == null) {
            return Optional.of(new ClusterClick(vp, members, count, c.pages()));
        }
        Viewport fit = Viewport.fitting(env, vp.width(), vp.height(), Math.min(vp.width(), vp.height()) / 6);
        // A cluster spread over a region (thousands of incidents around a city, seen from the whole
        // country) is shown whole, where it splits into smaller ones; a tight one is zoomed into until
        // its incidents stand apart.
        double scale = fit.scaleDenominator() > REGIONAL_SCALE ? fit.scaleDenominator()
                : Math.max(CLOSEST_SCALE, Math.min(fit.scaleDenominator(), FrameLayers.CLUSTER_MAX_SCALE / 1.5));
        Viewport zoom = Viewport.atScale(fit.centerX(), fit.centerY(), scale, vp.width(), vp.height());
        return Optional.of(new ClusterClick(zoom, members, count, c.pages()));
    }

    /** One member of a cluster as the details pane lists it. */
    static Hit member(Hit cluster, Incident i) {
        return new Hit(cluster.layer(), cluster.layerTitle(), i.id(), cluster.distancePx(),
                Map.of("title", i.title() == null ? "" : i.title()), i);
    }
}
