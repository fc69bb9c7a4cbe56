package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.GraphicalSymbol;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.PolygonSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;

/**
 * The legend of the visible layers, read from their GeoTools styles: a rule with a title is an entry
 * of its own (incident types); a layer whose rules have none is one entry with its first symbol.
 */
final class Legend {

    private record Entry(String label, Symbolizer symbol) {
    }

    private Legend() {
    }

    private static List<Entry> entries(List<MapLayer> layers) {
        return entries(layers, null, Texts.ENGLISH);
    }

    /** The entries of {@code layers}; with a frame {@code vp}, only the classes drawn in it. */
    private static List<Entry> entries(List<MapLayer> layers, Viewport vp, Texts texts) {
        List<Entry> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer layer = layers.get(i);
            // One copy of the style for both: the rules drawn are told apart by identity.
            Style style = FrameLayers.legendStyle(layer);
            Predicate<Rule> shown = vp == null ? r -> true : LegendClasses.drawnIn(layer, style, vp);
            List<Entry> titled = new ArrayList<>();
            boolean classed = false;
            Symbolizer first = null;
            for (FeatureTypeStyle fts : style.featureTypeStyles()) {
                for (Rule r : fts.rules()) {
                    Symbolizer s = r.symbolizers().stream().filter(x -> !(x instanceof TextSymbolizer))
                            .findFirst().orElse(null);
                    if (s == null) {
                        continue;
                    }
                    first = first == null ? s : first;
                    boolean isClass = r.getDescription() != null && r.getDescription().getTitle() != null;
                    classed |= isClass;
                    String title = isClass ? LegendWords.of(r, r.getDescription().getTitle().toString(), texts) : null;
                    if (isClass && shown.test(r) && titled.stream().noneMatch(e -> e.label().equals(title))) {
                        titled.add(new Entry(title, s));
                    }
                }
            }
            if (!titled.isEmpty()) {
                // A class two layers share (the main roads of the schematic centre and of an import) is
                // listed once.
                titled.stream().filter(e -> out.stream().noneMatch(o -> o.label().equals(e.label()))).forEach(out::add);
            } else if (first != null && !classed) {
                // A layer drawn by classes of which none shows in the frame has no entry.
                out.add(new Entry(LayerTitles.of(layer, texts), first));
            }
        }
        return out;
    }

    /**
     * Draws the legend of {@code layers} in the box (x, y, width, height): a heading, then one row per
     * entry, flowing into as many columns as the height needs. Rows that fit nowhere are left out and
     * counted in a last line, so the legend never runs over the page.
     */
    static void draw(Graphics2D g, List<MapLayer> layers, double x, double y, double width, double height) {
        draw(g, layers, null, x, y, width, height, Texts.ENGLISH);
    }

    /**
     * The same for the frame {@code vp} (null: every class): an incident layer lists only the classes of
     * the symbols drawn in it, as an exported page does.
     */
    static void draw(Graphics2D g, List<MapLayer> layers, Viewport vp, double x, double y, double width,
            double height, Texts texts) {
        List<Entry> entries = entries(layers, vp, texts);
        Font font = new Font("SansSerif", Font.PLAIN, 11);
        double row = 17;
        double sw = 22;
        g.setColor(Color.BLACK);
        g.setFont(font.deriveFont(Font.BOLD, 12f));
        g.drawString(texts.text("legend.title"), (float) x, (float) (y + 12));
        g.setFont(font);
        int perColumn = Math.max(1, (int) ((height - 22) / row));
        double widest = 0;
        for (Entry e : entries) {
            widest = Math.max(widest, g.getFontMetrics().stringWidth(e.label()));
        }
        // A label wider than the box gets a smaller font (down to 8 pt), then is cut short with "…".
        double room = width - sw - 8 - 2;
        if (widest > room && room > 0) {
            font = font.deriveFont((float) Math.max(8, 11 * room / widest));
            g.setFont(font);
            widest = Math.min(room, widest * font.getSize2D() / 11);
        }
        double colWidth = sw + 8 + widest + 14;
        int columns = Math.max(1, (int) (width / Math.max(1, colWidth)));
        int shown = Math.min(entries.size(), perColumn * columns);
        for (int i = 0; i < shown; i++) {
            double cx = x + (i / perColumn) * colWidth;
            double cy = y + 22 + (i % perColumn) * row + row / 2;
            sample(g, entries.get(i).symbol(), cx, cy, sw, 1);
            g.setColor(Color.BLACK);
            g.drawString(fitted(g, entries.get(i).label(), room), (float) (cx + sw + 8), (float) (cy + 4));
        }
        if (shown < entries.size()) {
            g.drawString(texts.format("legend.more", entries.size() - shown), (float) x, (float) (y + height - 2));
        }
    }

    /** The height {@link #draw} needs to show every entry of {@code layers} in one column. */
    static double height(List<MapLayer> layers) {
        return height(layers, null);
    }

    /** The same for the frame {@code vp} (null: every class). */
    static double height(List<MapLayer> layers, Viewport vp) {
        return 22 + entries(layers, vp, Texts.ENGLISH).size() * 17.0 + 6;
    }

    /** {@code text} as it fits in {@code room} pixels in the current font, cut short with "…" if needed. */
    private static String fitted(Graphics2D g, String text, double room) {
        if (room <= 0 || g.getFontMetrics().stringWidth(text) <= room) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && g.getFontMetrics().stringWidth(cut + "\u2026") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "\u2026";
    }

    /** The symbol of {@code layer} as the legend shows it, drawn in a w×h box at (x, y). */
    static void swatch(Graphics2D g, MapLayer layer, double x, double y, double w, double h) {
        List<Entry> own = entries(List.of(layer));
        if (!own.isEmpty()) {
            sample(g, own.get(0).symbol(), x + 1, y + h / 2, w - 2, Math.min(w, h) / 16);
        }
    }

    private static void sample(Graphics2D g, Symbolizer s, double x, double cy, double w, double uiScale) {
        if (s instanceof PolygonSymbolizer ps) {
            Shape r = new Rectangle2D.Double(x, cy - 6 * uiScale, w, 12 * uiScale);
            Color fill = StyleValues.fillColour(ps.getFill(), null);
            if (fill != null) {
                g.setColor(fill);
                g.fill(r);
            }
            if (ps.getStroke() != null) {
                g.setColor(StyleValues.strokeColour(ps.getStroke(), null));
                g.setStroke(StyleValues.basicStroke(ps.getStroke(), null, uiScale));
                g.draw(r);
            }
        } else if (s instanceof LineSymbolizer ls && ls.getStroke() != null) {
            g.setColor(StyleValues.strokeColour(ls.getStroke(), null));
            g.setStroke(StyleValues.basicStroke(ls.getStroke(), null, uiScale));
            g.draw(new Line2D.Double(x, cy, x + w, cy));
        } else if (s instanceof PointSymbolizer pt && pt.getGraphic() != null) {
            for (GraphicalSymbol gs : pt.getGraphic().graphicalSymbols()) {
                if (gs instanceof Mark m) {
                    Shape shape = MarkShapes.shape(StyleValues.text(m.getWellKnownName(), null), x + w / 2, cy, 12 * uiScale);
                    g.setColor(StyleValues.fillColour(m.getFill(), null));
                    g.fill(shape);
                    if (m.getStroke() != null) {
                        g.setColor(Color.DARK_GRAY);
                        g.setStroke(new BasicStroke((float) (0.8 * uiScale)));
                        g.draw(shape);
                    }
                    return;
                }
            }
        }
    }
}
