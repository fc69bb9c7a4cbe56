package kz.incidentmap.render;

import java.awt.geom.Rectangle2D;

/**
 * A label as the renderer drew it.
 *
 * @param text the label text
 * @param box its box on the frame, in pixels
 */
public record PlacedLabel(String text, Rectangle2D box) {
}
