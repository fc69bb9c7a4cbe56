package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import kz.incidentmap.layers.MapLayer;

/**
 * A frame's basemap copied from {@link BaseTiles}: the tiles it shows that are not kept yet are drawn
 * first, on both cores (each thread takes the next missing tile until none is left), then all are
 * copied into the frame and their labels offered to the frame's placer, which places them with the
 * incidents' own.
 */
final class TiledBasemap {

    /** Draws the layers of a tile, seen through the tile's view. */
    interface TileDrawer {
        BaseTiles.Tile draw(Viewport tileView) throws IOException;
    }

    private final BaseTiles tiles;
    private final ExecutorService secondCore;

    TiledBasemap(BaseTiles tiles, ExecutorService secondCore) {
        this.tiles = tiles;
        this.secondCore = secondCore;
    }

    /**
     * Draws into {@code g} the basemap of {@code vp} made of {@code layers} (an unchanging list: it keys the
     * tiles), and offers its labels to
     * {@code labels}; tiles missing are drawn by {@code drawer}. Stops with a {@link CancellationException}
     * (keeping the tiles already whole) when {@code cancelled} turns true.
     */
    void draw(Graphics2D g, Viewport vp, List<MapLayer> layers, int imageType, LabelPlacer labels, TileDrawer drawer,
            BooleanSupplier cancelled) throws IOException {
        TileGrid.Span span = TileGrid.span(vp);
        List<BaseTiles.Key> keys = keys(vp, span, layers, imageType);
        drawMissing(missing(keys), vp, drawer, cancelled);
        for (BaseTiles.Key key : keys) {
            BaseTiles.Tile tile = tiles.get(key);
            if (tile == null) { // pushed out by another frame's meanwhile: draw it again
                tile = drawTile(key, vp, drawer);
            }
            int x = span.x(key.col());
            int y = span.y(key.row());
            g.drawImage(tile.image(), x, y, null);
            TileLabels.offerAt(labels, tile.labels(), x, y, vp.width(), vp.height());
        }
    }

    /**
     * Draws the tiles of {@code vp} not kept yet, and nothing into a frame: the tiles round a view, drawn
     * ahead of a pan. Stops as {@link #draw} does.
     */
    void fill(Viewport vp, List<MapLayer> layers, int imageType, TileDrawer drawer, BooleanSupplier cancelled)
            throws IOException {
        drawMissing(missing(keys(vp, TileGrid.span(vp), layers, imageType)), vp, drawer, cancelled);
    }

    /** How many tiles {@code vp} shows. */
    static long count(Viewport vp) {
        TileGrid.Span span = TileGrid.span(vp);
        return (span.col1() - span.col0() + 1) * (span.row1() - span.row0() + 1);
    }

    private static List<BaseTiles.Key> keys(Viewport vp, TileGrid.Span span, List<MapLayer> layers, int imageType) {
        List<BaseTiles.Key> keys = new ArrayList<>();
        for (long row = span.row0(); row <= span.row1(); row++) {
            for (long col = span.col0(); col <= span.col1(); col++) {
                keys.add(new BaseTiles.Key(vp.metresPerPixel(), layers, imageType, col, row));
            }
        }
        return keys;
    }

    private Queue<BaseTiles.Key> missing(List<BaseTiles.Key> keys) {
        Queue<BaseTiles.Key> missing = new ConcurrentLinkedQueue<>();
        for (BaseTiles.Key key : keys) {
            if (tiles.get(key) == null) {
                missing.add(key);
            }
        }
        return missing;
    }

    private void drawMissing(Queue<BaseTiles.Key> missing, Viewport vp, TileDrawer drawer, BooleanSupplier cancelled)
            throws IOException {
        Future<?> other = null;
        if (secondCore != null && missing.size() > 1) {
            try {
                other = secondCore.submit(() -> {
                    drainTiles(missing, vp, drawer, cancelled);
                    return null;
                });
            } catch (RejectedExecutionException closed) {
                other = null;
            }
        }
        try {
            drainTiles(missing, vp, drawer, cancelled);
        } catch (IOException | RuntimeException e) {
            missing.clear(); // the other thread ends with the tile it is drawing
            if (other != null) {
                try {
                    await(other);
                } catch (IOException | RuntimeException also) {
                    e.addSuppressed(also);
                }
            }
            throw e;
        }
        if (other != null) {
            await(other);
        }
    }

    private void drainTiles(Queue<BaseTiles.Key> missing, Viewport vp, TileDrawer drawer, BooleanSupplier cancelled)
            throws IOException {
        for (BaseTiles.Key key = missing.poll(); key != null; key = missing.poll()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("frame superseded");
            }
            drawTile(key, vp, drawer);
        }
    }

    private BaseTiles.Tile drawTile(BaseTiles.Key key, Viewport vp, TileDrawer drawer) throws IOException {
        BaseTiles.Tile drawn = drawer.draw(TileGrid.tile(vp, key.col(), key.row()));
        BaseTiles.Tile tile = new BaseTiles.Tile(drawn.image(), TileLabels.owned(drawn.labels(), TileGrid.SIZE));
        tiles.keep(key, tile);
        return tile;
    }

    private static void await(Future<?> other) throws IOException {
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("frame interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
