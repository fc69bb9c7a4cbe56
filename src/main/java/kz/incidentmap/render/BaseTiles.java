package kz.incidentmap.render;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.MapLayer;

/**
 * The basemap tiles drawn so far, the most recently used kept: while the user pans, a frame draws only
 * the tiles that came into view and copies the others, as QGIS's and Apache SIS's canvases keep what
 * they drew. A tile is of one resolution and one list of layers; a change of either draws new tiles,
 * and going back to a scale seen a moment before finds its tiles still here. Thread-safe.
 */
final class BaseTiles {

    /** Tiles kept: a 1920×1080 view shows at most 20; about 1 MB each. */
    static final int KEPT = 48;

    /** What a tile was drawn for: the resolution, the layers under the incidents, the image type, its place. */
    record Key(double metresPerPixel, List<MapLayer> layers, int imageType, long col, long row) {
    }

    /** A tile drawn: its pixels (the background included) and what its layers offered the labels, in its pixels. */
    record Tile(BufferedImage image, LabelPlacer.Offers labels) {
    }

    private final Map<Key, Tile> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Tile> eldest) {
            return size() > capacity;
        }
    };
    private final int capacity;

    BaseTiles(int capacity) {
        this.capacity = capacity;
    }

    synchronized Tile get(Key key) {
        return kept.get(key);
    }

    synchronized void keep(Key key, Tile tile) {
        kept.put(key, tile);
    }

    /** The tiles kept, each with its key. */
    synchronized Map<Key, Tile> kept() {
        return Map.copyOf(kept);
    }

    synchronized int size() {
        return kept.size();
    }
}
