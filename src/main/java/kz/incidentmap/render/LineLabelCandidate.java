package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * A label the renderer would like to draw along a line (a street name): text, style, and the line's
 * parts on screen.
 *
 * @param text the label text
 * @param font the Java2D font
 * @param fill text colour
 * @param halo halo colour, or null
 * @param haloRadius halo width in pixels
 * @param priority higher wins when labels compete for space
 * @param parts the line's parts as screen polylines {x0, y0, x1, y1, ...}
 */
record LineLabelCandidate(String text, Font font, Color fill, Color halo, double haloRadius, double priority,
        List<double[]> parts) {

    LineLabelCandidate {
        parts = List.copyOf(parts);
    }
}
