package kz.incidentmap.render;

import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.layers.MapLayer;

/**
 * The basemap of the last frames, kept to be drawn again: when the view and the layers under the
 * incidents stay the same (a new filter, a step of playback, a marker selected), a frame copies those
 * layers' pixels and offers their labels again instead of drawing them anew, as QGIS keeps each layer's
 * image until the layer or the view changes. A view seen once is not kept: while the user pans, every
 * frame has a new view and keeping it would only cost a copy. Thread-safe; one per rendering context.
 */
final class BaseFrames {

    /** What a kept basemap was drawn for: the view, the layers under the incidents, the image type. */
    record Key(Viewport viewport, List<MapLayer> layers, int imageType) {
    }

    /** A basemap drawn once: its pixels (the background included) and what its layers offered the labels. */
    record Base(Key key, BufferedImage image, LabelPlacer.Offers labels) {
    }

    private Key lastAsked;
    private Base kept;

    /** The basemap kept for {@code key}, or null. */
    synchronized Base get(Key key) {
        return kept != null && kept.key().equals(key) ? kept : null;
    }

    /**
     * Whether a basemap for {@code key} is worth keeping: the frame before this one asked for the same.
     * Remembers {@code key} as the last asked for.
     */
    synchronized boolean askedAgain(Key key) {
        boolean again = key.equals(lastAsked);
        lastAsked = key;
        return again;
    }

    synchronized void keep(Base base) {
        kept = base;
    }
}
