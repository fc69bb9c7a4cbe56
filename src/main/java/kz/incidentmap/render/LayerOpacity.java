package kz.incidentmap.render;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Graphics2D;
import kz.incidentmap.layers.MapLayer;

/** Applies a layer's opacity to what is drawn next, in raster and vector output alike. */
final class LayerOpacity {

    private LayerOpacity() {
    }

    /** Sets the layer's opacity on {@code g}; returns the composite to restore afterwards. */
    static Composite apply(Graphics2D g, MapLayer layer) {
        Composite keep = g.getComposite();
        if (layer.opacity() < 1) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) layer.opacity()));
        }
        return keep;
    }
}
