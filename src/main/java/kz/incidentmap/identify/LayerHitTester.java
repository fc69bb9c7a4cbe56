package kz.incidentmap.identify;

import java.io.IOException;
import java.util.List;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;

/**
 * Finds what a click hits of one kind of layer ({@link kz.incidentmap.layers.LayerKind}), as that kind
 * is drawn. {@link IdentifyService} picks the tester by the layer's kind.
 */
interface LayerHitTester {

    /**
     * The hits of a click at (px, py) on {@code layer}, nearest first.
     *
     * @param drawn the clusters of the frame clicked on, as drawn
     */
    List<Hit> hits(MapLayer layer, Viewport vp, double px, double py, double tolerancePx, FrameGroups drawn)
            throws IOException;
}
