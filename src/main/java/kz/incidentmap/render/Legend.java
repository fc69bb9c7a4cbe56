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
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.GraphicalSymbol;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.PolygonSymbolizer;
import org.geotools.api.style.Rule;
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
        List<Entry> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer layer = layers.get(i);
            List<Entry> titled = new ArrayList<>();
            Symbolizer first = null;
            for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
                for (Rule r : fts.rules()) {
                    Symbolizer s = r.symbolizers().stream().filter(x -> !(x instanceof TextSymbolizer))
                            .findFirst().orElse(null);
                    if (s == null) {
                        continue;
                    }
                    first = first == null ? s : first;
                    if (r.getDescription() != null && r.getDescription().getTitle() != null) {
                        titled.add(new Entry(r.getDescription().getTitle().toString(), s));
                    }
                }
            }
            if (!titled.isEmpty()) {
                out.addAll(titled);
            } else if (first != null) {
                out.add(new Entry(layer.title(), first));
            }
        }
        return out;
    }

    /** Draws the legend box with its top-right corner at (right, y); returns its bounds. */
    static Rectangle2D draw(Graphics2D g, List<MapLayer> layers, double right, double y, double uiScale) {
        List<Entry> entries = entries(layers);
        Font font = new Font("SansSerif", Font.PLAIN, (int) Math.round(12 * uiScale));
        Font head = font.deriveFont(Font.BOLD);
        g.setFont(font);
        double row = 18 * uiScale;
        double sw = 22 * uiScale;
        double width = 0;
        for (Entry e : entries) {
            width = Math.max(width, g.getFontMetrics().stringWidth(e.label()));
        }
        width += sw + 26 * uiScale;
        double height = (entries.size() + 1) * row + 12 * uiScale;
        double x = right - width;
        Rectangle2D box = new Rectangle2D.Double(x, y, width, height);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(box);
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke((float) uiScale));
        g.draw(box);
        g.setColor(Color.BLACK);
        g.setFont(head);
        g.drawString("Legend", (float) (x + 8 * uiScale), (float) (y + row));
        g.setFont(font);
        for (int i = 0; i < entries.size(); i++) {
            double cy = y + (i + 1.5) * row + 4 * uiScale;
            sample(g, entries.get(i).symbol(), x + 8 * uiScale, cy, sw, uiScale);
            g.setColor(Color.BLACK);
            g.drawString(entries.get(i).label(), (float) (x + 16 * uiScale + sw), (float) (cy + 4 * uiScale));
        }
        return box;
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
