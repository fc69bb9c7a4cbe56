package kz.incidentmap.identify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.LayerKind;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;

/**
 * What a click at a screen point hits: the features drawn within a few pixels of it, incidents first,
 * then the other visible layers from top to bottom, nearest first within each layer. One service for
 * the mouse click and the {@code identify} command; each kind of layer is hit by its own
 * {@link LayerHitTester}. Reads only in-memory layers; callable from any thread, but the view calls it
 * off the JavaFX thread like all data access. One per window: it keeps the large geometries it indexed.
 */
public final class IdentifyService {

    /** Default tolerance around the pointer, in pixels. */
    public static final double DEFAULT_TOLERANCE_PX = 5;

    private final Map<LayerKind, LayerHitTester> byKind = new EnumMap<>(LayerKind.class);

    public IdentifyService() {
        FeatureHits features = new FeatureHits();
        byKind.put(LayerKind.FEATURES, features);
        byKind.put(LayerKind.INCIDENTS, new IncidentHits(features));
        // A heat map draws no symbol: a click on it hits nothing of it.
        byKind.put(LayerKind.HEATMAP, (layer, vp, px, py, tol, drawn) -> List.of());
    }

    /** What a click hits on a frame whose clusters are not at hand: they are formed around the click. */
    public List<Hit> identify(MapModel model, Viewport viewport, double px, double py, double tolerancePx)
            throws IOException {
        return identify(model, viewport, px, py, tolerancePx, FrameGroups.NONE);
    }

    /**
     * What a click at (px, py) hits.
     *
     * @param drawn the clusters of the frame the user clicked on, as it drew them (a frame of another
     *              view or index is ignored, and the clusters near the click formed as a frame would)
     */
    public List<Hit> identify(MapModel model, Viewport viewport, double px, double py, double tolerancePx,
            FrameGroups drawn) throws IOException {
        List<MapLayer> order = new ArrayList<>(model.visibleLayers());
        Collections.reverse(order);
        // Incidents first, whatever their place in the drawing order: they are what a click looks for.
        order.sort(Comparator.comparing(l -> l.kind() != LayerKind.INCIDENTS));
        List<Hit> hits = new ArrayList<>();
        for (MapLayer shown : order) {
            hits.addAll(byKind.get(shown.kind()).hits(shown, viewport, px, py, tolerancePx, drawn));
        }
        return hits;
    }
}
