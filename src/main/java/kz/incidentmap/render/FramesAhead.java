package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import kz.incidentmap.layers.MapLayer;

/**
 * Draws ahead of a window's user while the view is still, as web maps fetch the tiles round the view: the
 * frames a zoom step leads to ({@link ZoomSteps#next}), whose basemap tiles are then kept and whose labels
 * are kept as images, so that the first frame after the zoom copies them instead of drawing every tile of
 * a scale it has not seen; then the ring of tiles round the view, for the next pan. What it keeps is
 * bounded by the shelf of tiles drawn ahead ({@value BaseTiles#KEPT_AHEAD} tiles of about 1 MB): views
 * that would overflow it are left out. It runs on the caller's thread alone, never on the second core a
 * frame may wait for; the caller stops it (the {@code cancelled} it polls) the moment the user acts.
 */
public final class FramesAhead {

    private final RenderContext ahead;

    /** Drawing ahead for the frames of {@code window}'s context (one of {@link RenderContext#tiled}'s; else nothing). */
    public FramesAhead(RenderContext window) {
        this.ahead = window.ahead();
    }

    /**
     * Draws ahead of {@code now}, the view on screen, the frames of {@code next} (likeliest first) and the
     * tiles round {@code now}, all of {@code layers}. Stops with a
     * {@link java.util.concurrent.CancellationException} when {@code cancelled} turns true, keeping what is
     * whole.
     */
    public void draw(Viewport now, List<Viewport> next, List<MapLayer> layers, BooleanSupplier cancelled)
            throws IOException {
        if (ahead == null) {
            return;
        }
        MapRenderer renderer = new MapRenderer(ahead);
        long room = BaseTiles.KEPT_AHEAD;
        BufferedImage scratch = null;
        for (Viewport v : next) {
            long tiles = TiledBasemap.count(v);
            if (tiles > room) {
                break;
            }
            room -= tiles;
            if (scratch == null || scratch.getWidth() != v.width() || scratch.getHeight() != v.height()) {
                scratch = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB_PRE);
            }
            Graphics2D g = scratch.createGraphics();
            try {
                renderer.render(g, v, layers, cancelled);
            } finally {
                g.dispose();
            }
        }
        Viewport ring = ring(now);
        if (TiledBasemap.count(ring) - TiledBasemap.count(now) <= room) {
            renderer.fillTiles(ring, layers, cancelled);
        }
    }

    /** {@code vp} grown by a tile on every side: its tiles are the view's and the ring round them. */
    static Viewport ring(Viewport vp) {
        return new Viewport(vp.centerX(), vp.centerY(), vp.metresPerPixel(), vp.width() + 2 * TileGrid.SIZE,
                vp.height() + 2 * TileGrid.SIZE, vp.projection());
    }
}
