package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.Fill;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.Stroke;

/**
 * Evaluates the expressions of a GeoTools style against one feature and turns them into Java2D
 * values (colours, strokes, fonts). Missing or unevaluable values fall back to the SLD defaults.
 */
public final class StyleValues {

    private StyleValues() {
    }

    /**
     * The size in pixels a point graphic is drawn at for {@code f}: 6, the SLD default, when it gives
     * none or one that is not a number. Drawing and hit-testing both use it, so what is drawn is what a
     * click finds.
     */
    public static double pointSize(Graphic graphic, SimpleFeature f) {
        return number(graphic.getSize(), f, 6);
    }

    static double number(Expression e, SimpleFeature f, double fallback) {
        if (e == null) {
            return fallback;
        }
        Double d = e.evaluate(f, Double.class);
        return d == null || d.isNaN() ? fallback : d;
    }

    static String text(Expression e, SimpleFeature f) {
        if (e == null) {
            return null;
        }
        Object v = e.evaluate(f);
        return v == null ? null : v.toString();
    }

    static Color colour(Expression colour, Expression opacity, SimpleFeature f, Color fallback) {
        Color c = colour == null ? null : colour.evaluate(f, Color.class);
        if (c == null) {
            c = fallback;
        }
        double alpha = number(opacity, f, 1.0);
        if (alpha >= 1.0) {
            return c;
        }
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * Math.max(0, alpha)));
    }

    static Color fillColour(Fill fill, SimpleFeature f) {
        return fill == null ? null : colour(fill.getColor(), fill.getOpacity(), f, new Color(0x808080));
    }

    static Color strokeColour(Stroke stroke, SimpleFeature f) {
        return stroke == null ? null : colour(stroke.getColor(), stroke.getOpacity(), f, Color.BLACK);
    }

    /** A Java2D stroke for an SLD stroke; {@code widthScale} lets exports thicken lines for print. */
    static BasicStroke basicStroke(Stroke stroke, SimpleFeature f, double widthScale) {
        float width = (float) (number(stroke.getWidth(), f, 1.0) * widthScale);
        int cap = switch (String.valueOf(text(stroke.getLineCap(), f))) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (String.valueOf(text(stroke.getLineJoin(), f))) {
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            case "mitre" -> BasicStroke.JOIN_MITER;
            default -> BasicStroke.JOIN_ROUND;
        };
        float[] dash = dashArray(stroke.dashArray(), f, widthScale);
        return new BasicStroke(Math.max(0.1f, width), cap, join, 4f, dash, 0f);
    }

    private static float[] dashArray(List<Expression> dashes, SimpleFeature f, double scale) {
        if (dashes == null || dashes.isEmpty()) {
            return null;
        }
        float[] d = new float[dashes.size()];
        float total = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (number(dashes.get(i), f, 0) * scale);
            total += d[i];
        }
        return total > 0 ? d : null;
    }

    /** The first font family of an SLD font; Java falls back to its logical fonts for unknown names. */
    static Font font(org.geotools.api.style.Font sld, SimpleFeature f) {
        String family = "SansSerif";
        if (sld != null && !sld.getFamily().isEmpty()) {
            String fam = text(sld.getFamily().get(0), f);
            family = fam == null ? family : fam;
        }
        int style = Font.PLAIN;
        if (sld != null && "bold".equalsIgnoreCase(text(sld.getWeight(), f))) {
            style |= Font.BOLD;
        }
        if (sld != null && "italic".equalsIgnoreCase(text(sld.getStyle(), f))) {
            style |= Font.ITALIC;
        }
        float size = (float) (sld == null ? 10 : number(sld.getSize(), f, 10));
        return new Font(family, style, 1).deriveFont(size);
    }
}
