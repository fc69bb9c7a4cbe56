package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import kz.incidentmap.layers.LayerKind;
import kz.incidentmap.layers.MapLayer;

/**
 * Draws map layers — GeoTools feature sources styled by GeoTools {@link org.geotools.api.style.Style}s —
 * into any {@link Graphics2D}: the screen image, a PNG, an export. It knows nothing of the UI, nor of
 * what each layer is: it asks a layer its kind and draws it with that kind's {@link LayerPainter}.
 *
 * <p>Called on a worker thread, never the JavaFX thread. Each call draws one frame; what frames share
 * (sprites, clustered styles, the second core) is the {@link RenderContext} it was made with.
 */
public final class MapRenderer {

    /** Colour of everything no layer covers (reads as water: the Caspian and Aral seas). */
    public static final Color BACKGROUND = new Color(0xC9DDEB);

    private final RenderContext context;
    private final LayerPainters painters = new LayerPainters();

    /** A renderer whose frames share {@code context}'s caches and second core. */
    public MapRenderer(RenderContext context) {
        this.context = context;
    }

    /** A renderer of its own, drawing each frame on the calling thread alone (tests, one-off pictures). */
    public MapRenderer() {
        this(RenderContext.singleThreaded());
    }

    /**
     * Draws {@code layers} (bottom first) as seen through {@code viewport}, then their labels.
     *
     * @param cancelled polled while drawing; when it turns true the call stops with a
     *                  {@link CancellationException}
     * @return the labels that were placed and the clusters that were drawn
     */
    public RenderedFrame render(Graphics2D g, Viewport viewport, List<MapLayer> layers,
            BooleanSupplier cancelled) throws IOException {
        hints(g);
        LabelPlacer labels = new LabelPlacer(new Rectangle2D.Double(0, 0, viewport.width(), viewport.height()));
        FrameDrawing frame = new FrameDrawing(g, viewport, new SymbolizerPainter(g, viewport, labels), labels,
                cancelled, context);
        MapLayer asideLayer = layers.stream().filter(l -> l.visible() && painters.of(l).groupsAside(l))
                .findFirst().orElse(null);
        Future<List<IndexClusterer.Group>> aside = asideLayer == null ? null : startAside(viewport, asideLayer);
        try {
            int from = drawBase(frame, layers);
            for (MapLayer layer : layers.subList(from, layers.size())) {
                if (!layer.visible()) {
                    continue;
                }
                Composite keep = LayerOpacity.apply(g, layer);
                painters.of(layer).paint(frame, layer, layer == asideLayer && aside != null ? await(aside) : null);
                g.setComposite(keep);
            }
        } finally {
            if (aside != null) {
                aside.cancel(true);
            }
        }
        frame.checkCancelled();
        // Labels are painted on both cores into a raster frame seen one to one; a page or a vector file on one.
        boolean split = IncidentFramePainter.isRaster(g) && g.getTransform().isIdentity();
        if (split && context.labelSprites() != null) {
            labels.paintFrom(context.labelSprites());
        }
        return new RenderedFrame(labels.draw(g, split ? context.secondCore() : null), frame.groups().build());
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /**
     * Draws the background and the plain feature layers under the first other layer (the basemap under
     * the incidents), from the context's kept copy when the view and those layers are the ones of the
     * frames before ({@link BaseFrames}); returns how many layers it drew. Only into pixels seen one to
     * one: a page scales its map, and a vector file wants every shape.
     */
    private int drawBase(FrameDrawing frame, List<MapLayer> layers) throws IOException {
        Graphics2D g = frame.graphics();
        Viewport vp = frame.viewport();
        int n = baseLayers(layers);
        BaseFrames.Key key = new BaseFrames.Key(vp, List.copyOf(layers.subList(0, n)), BufferedImage.TYPE_INT_ARGB_PRE);
        boolean keepable = n > 0 && n < layers.size() && IncidentFramePainter.isRaster(g) && g.getTransform().isIdentity();
        if (keepable && context.tiles() != null) {
            new TiledBasemap(context.tiles(), context.secondCore()).draw(g, vp, key.layers(), key.imageType(),
                    frame.labels(), tileView -> {
                        BaseFrames.Base drawn = drawnBase(tileView, key.layers(), key.imageType(), frame::isCancelled);
                        return new BaseTiles.Tile(drawn.image(), drawn.labels());
                    }, frame::isCancelled);
            return n;
        }
        BaseFrames.Base base = keepable ? context.baseFrames().get(key) : null;
        if (base == null && keepable && context.baseFrames().askedAgain(key)) {
            base = drawnBase(vp, key.layers(), key.imageType(), frame::isCancelled);
            context.baseFrames().keep(base);
        }
        if (base != null) {
            g.drawImage(base.image(), 0, 0, null);
            frame.labels().offerAll(base.labels());
            return n;
        }
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, vp.width(), vp.height());
        return 0;
    }

    /** How many of {@code layers}, from the bottom, are plain feature layers: the basemap under the incidents. */
    private static int baseLayers(List<MapLayer> layers) {
        int n = 0;
        while (n < layers.size() && layers.get(n).kind() == LayerKind.FEATURES) {
            n++;
        }
        return n;
    }

    /**
     * Draws into the context's kept tiles the tiles of the basemap of {@code layers} that {@code area} shows,
     * on this thread alone, the tiles a frame of {@code layers} would copy (nothing when it would draw its
     * basemap whole). Stops with a {@link java.util.concurrent.CancellationException} when {@code cancelled}
     * turns true, keeping the tiles already whole.
     */
    void fillTiles(Viewport area, List<MapLayer> layers, BooleanSupplier cancelled) throws IOException {
        int n = baseLayers(layers);
        if (context.tiles() == null || n == 0 || n == layers.size()) {
            return;
        }
        List<MapLayer> base = List.copyOf(layers.subList(0, n));
        new TiledBasemap(context.tiles(), null).fill(area, base, BufferedImage.TYPE_INT_ARGB_PRE, tileView -> {
            BaseFrames.Base drawn = drawnBase(tileView, base, BufferedImage.TYPE_INT_ARGB_PRE, cancelled);
            return new BaseTiles.Tile(drawn.image(), drawn.labels());
        }, cancelled);
    }

    /** {@code layers} seen through {@code vp} drawn into an image of their own, with what they offered the labels. */
    private BaseFrames.Base drawnBase(Viewport vp, List<MapLayer> layers, int imageType, BooleanSupplier cancelled)
            throws IOException {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), imageType);
        Graphics2D bg = img.createGraphics();
        try {
            hints(bg);
            bg.setColor(BACKGROUND);
            bg.fillRect(0, 0, vp.width(), vp.height());
            LabelPlacer labels = new LabelPlacer(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
            FrameDrawing base = new FrameDrawing(bg, vp, new SymbolizerPainter(bg, vp, labels), labels,
                    cancelled, context);
            for (MapLayer layer : layers) {
                if (layer.visible()) {
                    Composite keep = LayerOpacity.apply(bg, layer);
                    painters.of(layer).paint(base, layer, null);
                    bg.setComposite(keep);
                }
            }
            return new BaseFrames.Base(new BaseFrames.Key(vp, layers, imageType), img, labels.offers());
        } finally {
            bg.dispose();
        }
    }

    /**
     * The clusters a frame of {@code layers} in {@code viewport} draws, found without drawing: what a
     * click on a frame drawn elsewhere (the {@code identify} command's) hits.
     */
    public FrameGroups groups(Viewport viewport, List<MapLayer> layers) {
        FrameGroups.Builder found = new FrameGroups.Builder();
        for (MapLayer layer : layers) {
            LayerPainter painter = painters.of(layer);
            if (layer.visible() && painter.groupsAside(layer)) {
                painter.record(found, viewport, layer, painter.groups(viewport, layer));
            }
        }
        return found.build();
    }

    /**
     * The second core: the incident layer's groups for a frame (clustering a million incidents) are
     * found there while this thread draws the basemap; null on one core or once the context is closed.
     */
    private Future<List<IndexClusterer.Group>> startAside(Viewport viewport, MapLayer layer) {
        ExecutorService secondCore = context.secondCore();
        if (secondCore == null) {
            return null;
        }
        try {
            return secondCore.submit(() -> painters.of(layer).groups(viewport, layer));
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    private static List<IndexClusterer.Group> await(Future<List<IndexClusterer.Group>> aside) {
        try {
            return aside.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("frame interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
