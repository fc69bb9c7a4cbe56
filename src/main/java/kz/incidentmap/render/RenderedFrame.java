package kz.incidentmap.render;

import java.util.List;

/**
 * What {@link MapRenderer} drew besides pixels: the labels it placed and the incident groups it drew,
 * which a click on the frame hits (see {@code identify.IdentifyService}).
 *
 * @param labels the labels placed, in pixels
 * @param groups the clusters drawn, by layer
 */
public record RenderedFrame(List<PlacedLabel> labels, FrameGroups groups) {

    public RenderedFrame {
        labels = List.copyOf(labels);
    }
}
