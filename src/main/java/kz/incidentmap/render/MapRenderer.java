package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Symbolizer;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws map layers — GeoTools feature sources styled by GeoTools {@link org.geotools.api.style.Style}s —
 * into any {@link Graphics2D}: the screen image, a PNG, an export. It knows nothing of the UI.
 *
 * <p>Called on a worker thread, never the JavaFX thread. Stateless; each call draws one frame.
 */
public final class MapRenderer {

    /** Colour of everything no layer covers (reads as water: the Caspian and Aral seas). */
    public static final Color BACKGROUND = new Color(0xC9DDEB);

    /** How far beyond the frame features are fetched, in pixels, so that symbols at the edge are whole. */
    private static final int FETCH_MARGIN_PX = 40;

    private final FilterFactory ff = CommonFactoryFinder.getFilterFactory();

    /**
     * Draws {@code layers} (bottom first) as seen through {@code viewport}, then their labels.
     *
     * @param cancelled polled while drawing; when it turns true the call stops with a
     *                  {@link CancellationException}
     * @return the labels that were placed, in pixels
     */
    public List<PlacedLabel> render(Graphics2D g, Viewport viewport, List<MapLayer> layers,
            BooleanSupplier cancelled) throws IOException {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, viewport.width(), viewport.height());
        LabelPlacer labels = new LabelPlacer(new Rectangle2D.Double(0, 0, viewport.width(), viewport.height()));
        SymbolizerPainter painter = new SymbolizerPainter(g, viewport, labels);
        double scale = viewport.scaleDenominator();
        Future<List<IndexClusterer.Group>> aside = null;
        MapLayer asideLayer = null;
        if (SECOND_CORE != null) {
            asideLayer = layers.stream().filter(l -> l.visible() && l.presentation() != LayerPresentation.HEATMAP
                    && IncidentLayer.indexed(l).isPresent()).findFirst().orElse(null);
        }
        if (asideLayer != null) {
            MapLayer layer = asideLayer;
            aside = SECOND_CORE.submit(() -> IncidentFramePainter.groups(viewport, layer,
                    IncidentLayer.indexed(layer).orElseThrow()));
        }
        try {
            for (MapLayer layer : layers) {
                if (!layer.visible()) {
                    continue;
                }
                Composite keep = LayerOpacity.apply(g, layer);
                Optional<IncidentFeatureSource> indexed = IncidentLayer.indexed(layer);
                if (layer == asideLayer) {
                    IncidentFramePainter.paint(g, viewport, layer, indexed.orElseThrow(), painter, labels, cancelled,
                            await(aside));
                } else if (layer.presentation() == LayerPresentation.HEATMAP) {
                    HeatmapPainter.paint(g, viewport, layer);
                } else if (indexed.isPresent()) {
                    IncidentFramePainter.paint(g, viewport, layer, indexed.get(), painter, labels, cancelled);
                } else {
                    drawLayer(layer, viewport, scale, painter, cancelled);
                }
                g.setComposite(keep);
            }
        } finally {
            if (aside != null) {
                aside.cancel(true);
            }
        }
        checkCancelled(cancelled);
        return labels.draw(g);
    }

    /**
     * The second core: the incident layer's groups for a frame (clustering a million incidents) are
     * found there while this thread draws the basemap; null on a one-core machine.
     */
    private static final ExecutorService SECOND_CORE = Runtime.getRuntime().availableProcessors() < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "frame-incidents");
                t.setDaemon(true);
                return t;
            });

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

    private void drawLayer(MapLayer layer, Viewport viewport, double scale, SymbolizerPainter painter,
            BooleanSupplier cancelled) throws IOException {
        for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
            List<Rule> active = RuleSelector.active(fts, scale);
            if (active.isEmpty()) {
                continue;
            }
            int n = 0;
            try (SimpleFeatureIterator it = layer.source().getFeatures(query(layer, viewport)).features()) {
                while (it.hasNext()) {
                    if ((++n & 0xFF) == 0) {
                        checkCancelled(cancelled);
                    }
                    SimpleFeature f = it.next();
                    Geometry geom = (Geometry) f.getDefaultGeometry();
                    if (geom != null) {
                        drawFeature(active, f, geom, painter);
                    }
                }
            }
        }
    }

    private static void drawFeature(List<Rule> rules, SimpleFeature f, Geometry geom, SymbolizerPainter painter) {
        for (Rule r : RuleSelector.matching(rules, f)) {
            for (Symbolizer s : r.symbolizers()) {
                painter.paint(s, f, geom);
            }
        }
    }

    private Query query(MapLayer layer, Viewport viewport) {
        Envelope env = viewport.bounds();
        env.expandBy(viewport.metresPerPixel() * FETCH_MARGIN_PX);
        String geomName = layer.source().getSchema().getGeometryDescriptor().getLocalName();
        ReferencedEnvelope ref = new ReferencedEnvelope(env, layer.source().getSchema().getCoordinateReferenceSystem());
        return new Query(layer.source().getSchema().getTypeName(), ff.bbox(ff.property(geomName), ref));
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("frame superseded");
        }
    }
}
