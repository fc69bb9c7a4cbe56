package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import org.locationtech.jts.geom.Geometry;

/**
 * The one layout of every snapshot, drawn into any {@link Graphics2D} in layout units (1/96 inch):
 * title and subtitle on top, the map, a panel with north arrow, scale bar and legend (beside the map
 * on a landscape page, under it on a portrait one), and a footer with the data attribution, the
 * incidents' date range, the print scale and the time of export. PNG, SVG and PDF writers only set up
 * the Graphics2D and call {@link #draw}. Called off the JavaFX thread.
 */
final class PageLayout {

    /** Where each part of the page goes, in layout units. */
    record Frames(Rectangle2D page, Rectangle2D title, Rectangle2D map, Rectangle2D panel, Rectangle2D footer) {
    }

    private static final double TITLE_H = 58;
    /** Room for the line that says what the filter lets through, under the subtitle. */
    private static final double FILTER_LINE_H = 17;
    private static final double FOOTER_H = 34;
    private static final double GAP = 10;
    private static final double PANEL_W = 230;
    static final double PANEL_H = 190;
    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final Color INK = new Color(0x202020);
    private static final Color MUTED = new Color(0x555555);

    private final MapRenderer renderer;
    private final EventRoute route;

    PageLayout(RenderContext context, EventRoute route) {
        this.renderer = new MapRenderer(context);
        this.route = route;
    }

    static Frames frames(ExportRequest r) {
        double w = r.widthUnits();
        double h = r.heightUnits();
        double m = r.marginMm() / 25.4 * ExportRequest.UNITS_PER_INCH;
        double titleH = notes(r).isBlank() ? TITLE_H : TITLE_H + FILTER_LINE_H;
        Rectangle2D title = new Rectangle2D.Double(m, m, w - 2 * m, titleH);
        Rectangle2D footer = new Rectangle2D.Double(m, h - m - FOOTER_H, w - 2 * m, FOOTER_H);
        double top = m + titleH + GAP / 2;
        double bodyH = footer.getY() - GAP / 2 - top;
        Rectangle2D map;
        Rectangle2D panel;
        if (r.portrait()) {
            map = new Rectangle2D.Double(m, top, w - 2 * m, bodyH - PANEL_H - GAP);
            panel = new Rectangle2D.Double(m, map.getMaxY() + GAP, w - 2 * m, PANEL_H);
        } else {
            map = new Rectangle2D.Double(m, top, w - 2 * m - PANEL_W - GAP, bodyH);
            panel = new Rectangle2D.Double(map.getMaxX() + GAP, top, PANEL_W, bodyH);
        }
        return new Frames(new Rectangle2D.Double(0, 0, w, h), title, map, panel, footer);
    }

    /** The map's viewport: the request's extent fitted into the map frame, one pixel per layout unit. */
    static Viewport mapViewport(ExportRequest r) {
        Rectangle2D map = frames(r).map();
        return Viewport.fitting(r.extent(), (int) Math.round(map.getWidth()), (int) Math.round(map.getHeight()), 0);
    }

    /** Draws the whole page; {@code g} is in layout units. */
    void draw(Graphics2D g, MapModel model, ExportRequest r) throws IOException {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Frames f = frames(r);
        Viewport vp = mapViewport(r);
        g.setColor(Color.WHITE);
        g.fill(f.page());
        drawMap(g, model, vp, f.map(), r.filterArea());
        title(g, r, f.title());
        panel(g, model, vp, f.panel(), r.portrait(), r.texts());
        footer(g, model, r, vp, f.footer());
    }

    private void drawMap(Graphics2D g, MapModel model, Viewport vp, Rectangle2D frame, Geometry area) throws IOException {
        Graphics2D mg = (Graphics2D) g.create();
        try {
            mg.translate(frame.getX(), frame.getY());
            mg.clip(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
            renderer.render(mg, vp, model.visibleLayers(), () -> false);
            if (area != null) {
                FilterAreaOutline.draw(mg, vp, area);
            }
            if (route != null) {
                EventRoutePainter.paint(mg, vp, route);
            }
        } finally {
            mg.dispose();
        }
        g.setColor(new Color(0x606060));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(frame.getX(), frame.getY(), vp.width(), vp.height()));
    }

    /** The line under the subtitle: the redaction, then the filter in words; blank when neither. */
    private static String notes(ExportRequest r) {
        String filter = r.filterLine().isBlank() ? "" : r.texts().format("page.filter", r.filterLine());
        return r.redaction().isEmpty() || filter.isEmpty() ? r.redaction() + filter : r.redaction() + " \u00b7 " + filter;
    }

    private static void title(Graphics2D g, ExportRequest r, Rectangle2D box) {
        g.setColor(INK);
        g.setFont(fitted(g, new Font("SansSerif", Font.BOLD, 22), r.title(), box.getWidth()));
        g.drawString(r.title(), (float) box.getX(), (float) (box.getY() + 24));
        if (!r.subtitle().isBlank()) {
            g.setColor(MUTED);
            g.setFont(fitted(g, new Font("SansSerif", Font.PLAIN, 13), r.subtitle(), box.getWidth()));
            g.drawString(r.subtitle(), (float) box.getX(), (float) (box.getY() + 46));
        }
        if (!notes(r).isBlank()) {
            String line = notes(r);
            g.setColor(INK);
            g.setFont(fitted(g, new Font("SansSerif", Font.PLAIN, 11), line, box.getWidth()));
            g.drawString(line, (float) box.getX(), (float) (box.getY() + 46 + FILTER_LINE_H));
        }
        g.setColor(new Color(0xB0B0B0));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Line2D.Double(box.getX(), box.getMaxY() - 2, box.getMaxX(), box.getMaxY() - 2));
    }

    /** North arrow and scale bar first, then the legend in the space left. */
    static void panel(Graphics2D g, MapModel model, Viewport vp, Rectangle2D p, boolean portrait, Texts texts) {
        if (portrait) {
            double right = p.getMaxX() - 40;
            NorthArrow.draw(g, vp, right, p.getY() + 40, 1, texts);
            ScaleBar.draw(g, vp, p.getMaxX() - 230, p.getY() + 120, 200, 1, texts);
            Legend.draw(g, drawnAt(model, vp), vp, p.getX(), p.getY(), p.getWidth() - 260, p.getHeight(), texts);
        } else {
            NorthArrow.draw(g, vp, p.getX() + 30, p.getY() + 38, 1, texts);
            ScaleBar.draw(g, vp, p.getX() + 70, p.getY() + 40, p.getWidth() - 80, 1, texts);
            double top = p.getY() + 88;
            Legend.draw(g, drawnAt(model, vp), vp, p.getX() + 4, top, p.getWidth() - 4, p.getMaxY() - top, texts);
        }
    }

    /**
     * The visible layers that draw something at the page's scale: street layers stay out of the
     * country's legend and credits, and the credit for the schematic streets appears where they show.
     */
    static List<MapLayer> drawnAt(MapModel model, Viewport vp) {
        double scale = vp.scaleDenominator();
        return model.visibleLayers().stream().filter(l -> l.style().featureTypeStyles().stream()
                .anyMatch(fts -> !RuleSelector.active(fts, scale).isEmpty())).toList();
    }

    private static void footer(Graphics2D g, MapModel model, ExportRequest r, Viewport vp, Rectangle2D box)
            throws IOException {
        List<String> credits = new MapModel(drawnAt(model, vp)).attributions();
        Texts texts = r.texts();
        String data = texts.format("page.data", String.join(" \u00b7 ", credits));
        double printScale = vp.metresPerPixel() / (0.0254 / ExportRequest.UNITS_PER_INCH);
        // A redacted page tells months only: its incidents' and the time it was made.
        String info = texts.format("page.footer", IncidentDates.in(model, vp.bounds()).describe(texts, r.redacted()),
                texts.number(Math.round(printScale)), r.page().label(),
                r.redacted() ? texts.datePattern("MMM yyyy").format(r.exportedAt()) : EXPORTED.format(r.exportedAt()));
        g.setColor(MUTED);
        g.setFont(fitted(g, new Font("SansSerif", Font.PLAIN, 10), data, box.getWidth()));
        g.drawString(data, (float) box.getX(), (float) (box.getY() + 13));
        g.setColor(INK);
        g.setFont(fitted(g, new Font("SansSerif", Font.PLAIN, 10), info, box.getWidth()));
        g.drawString(info, (float) box.getX(), (float) (box.getY() + 28));
    }

    /** {@code font}, made smaller (down to 6) until {@code text} fits in {@code width}. */
    private static Font fitted(Graphics2D g, Font font, String text, double width) {
        Font f = font;
        while (f.getSize2D() > 6) {
            FontMetrics fm = g.getFontMetrics(f);
            if (fm.stringWidth(text) <= width) {
                break;
            }
            f = f.deriveFont(f.getSize2D() - 0.5f);
        }
        return f;
    }
}
