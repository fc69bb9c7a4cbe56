package kz.incidentmap.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.HeatmapLayer;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.locationtech.jts.geom.Envelope;

/**
 * A map drawn as a PDF form a longer document places on its pages (the report's cover map and its
 * small locator maps): the same renderer, legend, scale bar and north arrow as the page export, in
 * vectors and embedded DejaVu text. Off the JavaFX thread.
 */
public final class MapFigure {

    /** A drawn form and the viewport it shows, to place marks on it (one pixel is {@code pointsPerPixel}). */
    public record Drawn(PDFormXObject form, Viewport viewport, double pointsPerPixel) {
    }

    private final MapRenderer renderer;

    public MapFigure(RenderContext context) {
        this.renderer = new MapRenderer(context);
    }

    /** The visible layers but the incidents and the heat map: the ground a locator map marks an incident on. */
    public static List<MapLayer> ground(MapModel model) {
        return model.visibleLayers().stream()
                .filter(l -> !l.name().equals(IncidentLayer.NAME) && !l.name().equals(HeatmapLayer.NAME)).toList();
    }

    /**
     * The map of {@code extent} with its incidents, and under it the north arrow, the scale bar and the
     * legend of what it draws; {@code widthPt}×{@code heightPt} points.
     */
    public PDFormXObject withLegend(PDDocument doc, MapModel model, Envelope extent, float widthPt, float heightPt,
            Texts texts) throws IOException {
        double w = widthPt / PdfWriter.POINTS_PER_UNIT;
        double h = heightPt / PdfWriter.POINTS_PER_UNIT;
        double mapH = h - PageLayout.PANEL_H - 10;
        Viewport vp = Viewport.fitting(extent, (int) Math.round(w), (int) Math.round(mapH), 0);
        return draw(doc, widthPt, heightPt, 1, g -> {
            map(g, vp, model.visibleLayers());
            PageLayout.panel(g, model, vp, new Rectangle2D.Double(0, mapH + 10, w, PageLayout.PANEL_H), true, texts);
        });
    }

    /**
     * The map of {@code extent} drawn from {@code layers} alone, {@code widthPt}×{@code heightPt} points,
     * with {@code pixelsPerPoint} pixels of the map to a point (more than one shows more of the ground
     * at once, in smaller symbols).
     */
    public Drawn plain(PDDocument doc, List<MapLayer> layers, Envelope extent, float widthPt, float heightPt,
            double pixelsPerPoint) throws IOException {
        Viewport vp = Viewport.fitting(extent, (int) Math.round(widthPt * pixelsPerPoint),
                (int) Math.round(heightPt * pixelsPerPoint), 0);
        double unitsPerPixel = 1 / (pixelsPerPoint * PdfWriter.POINTS_PER_UNIT);
        PDFormXObject form = draw(doc, widthPt, heightPt, unitsPerPixel, g -> map(g, vp, layers));
        return new Drawn(form, vp, 1 / pixelsPerPoint);
    }

    private interface Drawing {
        void on(Graphics2D g) throws IOException;
    }

    /** A form of the size asked, its Graphics2D in layout units scaled by {@code scale}. */
    private static PDFormXObject draw(PDDocument doc, float widthPt, float heightPt, double scale, Drawing drawing)
            throws IOException {
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, widthPt, heightPt);
        g.setFontTextDrawer(PageFonts.drawer());
        try {
            g.scale(PdfWriter.POINTS_PER_UNIT * scale, PdfWriter.POINTS_PER_UNIT * scale);
            drawing.on(g);
        } finally {
            g.dispose();
        }
        return g.getXFormObject();
    }

    private void map(Graphics2D g, Viewport vp, List<MapLayer> layers) throws IOException {
        Graphics2D mg = (Graphics2D) g.create();
        try {
            mg.clip(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
            renderer.render(mg, vp, layers, () -> false);
        } finally {
            mg.dispose();
        }
        // The frame's line lies inside the map's edge: a form clips what lies outside its box.
        g.setColor(new Color(0x606060));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(0.4, 0.4, vp.width() - 0.8, vp.height() - 0.8));
    }
}
