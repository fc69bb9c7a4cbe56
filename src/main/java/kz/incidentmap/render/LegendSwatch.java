package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapLayer;

/**
 * The legend as images for the window: a layer's symbol for the layer list, and the whole legend of the
 * visible layers, drawn by the code that draws the exported page's legend. Callable from any thread.
 */
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

    /**
     * The legend of {@code visible} (the layers drawn, bottom first), {@code width} pixels wide and as
     * tall as its entries need, drawn as on the exported page but {@code scale} times its size: the
     * window's legend is read at the size of the window's own text, not of a printed page's.
     */
    public static BufferedImage legend(List<MapLayer> visible, int width, double scale) {
        return legend(visible, null, width, scale, Texts.ENGLISH);
    }

    /**
     * The same for the frame {@code vp} (null: every class): the incident classes listed are those drawn
     * in it, as on an exported page.
     */
    public static BufferedImage legend(List<MapLayer> visible, Viewport vp, int width, double scale, Texts texts) {
        int height = (int) Math.ceil(Legend.height(visible, vp) * scale);
        BufferedImage img = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            Legend.draw(g, visible, vp, 2, 0, width / scale - 4, height / scale, texts);
        } finally {
            g.dispose();
        }
        return img;
    }
}
