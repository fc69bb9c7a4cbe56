package kz.incidentmap.render;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.MapLayer;

/**
 * The basemap tiles drawn so far, the most recently used kept: while the user pans, a frame draws only
 * the tiles that came into view and copies the others, as QGIS's and Apache SIS's canvases keep what
 * they drew. A tile is of one resolution and one list of layers; a change of either draws new tiles,
 * and going back to a scale seen a moment before finds its tiles still here.
 *
 * <p>Tiles drawn ahead, while the user is idle ({@link FramesAhead}), are kept on a shelf of their own
 * ({@link #ahead}), so that drawing ahead never pushes out the tiles of the view on screen; a frame that
 * uses one takes it onto the frames' shelf. Thread-safe: a frame and the drawing ahead share the tiles.
 */
final class BaseTiles {

    /** Tiles kept for the frames: a 1920×1080 view shows at most 20; about 1 MB each. */
    static final int KEPT = 48;
    /**
     * Tiles kept drawn ahead: the four views a zoom step leads to from a 1920×1080 view and the ring round
     * it come to 70–90; about 1 MB each.
     */
    static final int KEPT_AHEAD = 96;

    /** What a tile was drawn for: the resolution, the layers under the incidents, the image type, its place. */
    record Key(double metresPerPixel, List<MapLayer> layers, int imageType, long col, long row) {
    }

    /** A tile drawn: its pixels (the background included) and what its layers offered the labels, in its pixels. */
    record Tile(BufferedImage image, LabelPlacer.Offers labels) {
    }

    /** Tiles, the least recently used dropped beyond {@code capacity}. */
    private static final class Shelf extends LinkedHashMap<Key, Tile> {
        private final int capacity;

        Shelf(int capacity) {
            super(64, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Tile> eldest) {
            return size() > capacity;
        }
    }

    /** Both shelves, and the lock of both. */
    private record Shelves(Shelf frames, Shelf ahead) {
    }

    private final Shelves shelves;
    private final boolean drawsAhead;

    BaseTiles(int capacity) {
        this(capacity, KEPT_AHEAD);
    }

    BaseTiles(int capacity, int aheadCapacity) {
        this(new Shelves(new Shelf(capacity), new Shelf(aheadCapacity)), false);
    }

    private BaseTiles(Shelves shelves, boolean drawsAhead) {
        this.shelves = shelves;
        this.drawsAhead = drawsAhead;
    }

    /** The same tiles, as the drawing ahead sees them: what it draws goes on the shelf of tiles drawn ahead. */
    BaseTiles ahead() {
        return new BaseTiles(shelves, true);
    }

    /** The tile of {@code key}, or null; a frame takes a tile drawn ahead onto its own shelf. */
    Tile get(Key key) {
        synchronized (shelves) {
            Tile t = shelves.frames().get(key);
            if (t != null || drawsAhead) {
                return t != null ? t : shelves.ahead().get(key);
            }
            t = shelves.ahead().remove(key);
            if (t != null) {
                shelves.frames().put(key, t);
            }
            return t;
        }
    }

    void keep(Key key, Tile tile) {
        synchronized (shelves) {
            (drawsAhead ? shelves.ahead() : shelves.frames()).put(key, tile);
        }
    }

    /** The tiles kept, each with its key, drawn ahead or not. */
    Map<Key, Tile> kept() {
        synchronized (shelves) {
            Map<Key, Tile> all = new HashMap<>(shelves.ahead());
            all.putAll(shelves.frames());
            return Map.copyOf(all);
        }
    }

    /** How many tiles are kept, drawn ahead or not. */
    int size() {
        synchronized (shelves) {
            return shelves.frames().size() + shelves.ahead().size();
        }
    }

    /** How many tiles drawn ahead wait for a frame. */
    int aheadSize() {
        synchronized (shelves) {
            return shelves.ahead().size();
        }
    }
}
