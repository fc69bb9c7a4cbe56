package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import kz.incidentmap.layers.MapLayer;

/** A layer's legend symbol as a small image, for the layer list. Callable from any thread. */
public final class LegendSwatch {

    private LegendSwatch() {
    }

    public static BufferedImage of(MapLayer layer, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Legend.swatch(g, layer, 0, 0, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }
}
