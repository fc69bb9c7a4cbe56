package kz.incidentmap.render;

import java.io.IOException;
import java.util.List;
import kz.incidentmap.layers.MapLayer;

/**
 * Draws one kind of layer ({@link kz.incidentmap.layers.LayerKind}) into a frame. The renderer picks the
 * painter by the layer's kind ({@link LayerPainters}) and asks it; it never looks at what a layer is.
 * Called on the frame's worker thread; {@link #groups} may run on the context's second core.
 */
interface LayerPainter {

    /**
     * Whether part of this layer's frame is work that draws nothing ({@link #groups}), which the
     * renderer then starts on its second core while the layers below are drawn.
     */
    default boolean groupsAside(MapLayer layer) {
        return false;
    }

    /** The incident groups the layer's frame draws in {@code vp}; none for a layer drawn feature by feature. */
    default List<IndexClusterer.Group> groups(Viewport vp, MapLayer layer) {
        return List.of();
    }

    /** Records in {@code into} those of a frame's {@code groups} that a click on the frame hits. */
    default void record(FrameGroups.Builder into, Viewport vp, MapLayer layer, List<IndexClusterer.Group> groups) {
    }

    /**
     * Draws {@code layer} into the frame.
     *
     * @param groups what {@link #groups} found for this frame when it ran aside, else null
     */
    void paint(FrameDrawing frame, MapLayer layer, List<IndexClusterer.Group> groups) throws IOException;
}
