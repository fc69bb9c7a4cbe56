package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;

/**
 * A label the renderer would like to draw: text, style and where it is anchored on screen.
 *
 * @param text the label text
 * @param font the Java2D font
 * @param fill text colour
 * @param halo halo colour, or null for none
 * @param haloRadius halo width in pixels
 * @param x anchor x in pixels
 * @param y anchor y in pixels
 * @param anchorX horizontal anchor within the label box (0 left … 1 right)
 * @param anchorY vertical anchor within the label box (0 bottom … 1 top)
 * @param dx displacement to the right, pixels
 * @param dy displacement upwards, pixels
 * @param priority higher wins when labels compete for space
 * @param movable whether the label may try other sides of its point when the first is taken
 */
record LabelCandidate(String text, Font font, Color fill, Color halo, double haloRadius, double x, double y,
        double anchorX, double anchorY, double dx, double dy, double priority, boolean movable) {
}
