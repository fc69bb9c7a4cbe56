package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.style.Fill;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.PolygonSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Stroke;
import org.geotools.api.style.Symbolizer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The lines and areas of one style pass, gathered per symbolizer into paths and drawn at the end of the
 * pass with one fill or stroke per path, instead of one per feature: a street frame has tens of
 * thousands of features but only a few dozen styles. Only symbolizers whose colours, widths and dashes
 * are the same for every feature (literals) are gathered; {@link #takes} says which, and the others are
 * drawn feature by feature. Within a pass, batches are drawn in the order of its rules, each polygon's
 * fill before its outline. A batch is one path per screen cell a feature lies in
 * ({@link ScreenPaths#cell}), not one for the frame: Java2D's rasteriser slows down on a path spanning
 * the whole frame (every scan line then crosses thousands of edges). One per pass of one frame.
 */
final class StyleBatches {

    private final ScreenPaths paths;
    private final Map<Symbolizer, Batch> batches = new LinkedHashMap<>();

    /** The batches of the in-scale {@code rules} of one pass. */
    StyleBatches(ScreenPaths paths, List<Rule> rules) {
        this.paths = paths;
        Map<Symbolizer, Boolean> seen = new IdentityHashMap<>();
        for (Rule r : rules) {
            for (Symbolizer s : r.symbolizers()) {
                if (seen.put(s, Boolean.TRUE) == null && isConstant(s)) {
                    batches.put(s, new Batch(s));
                }
            }
        }
    }

    /** Whether {@code s} is drawn through a batch (then {@link #add} it), not feature by feature. */
    boolean takes(Symbolizer s) {
        return batches.containsKey(s);
    }

    /** Adds a feature's geometry to the batch of {@code s}. */
    void add(Symbolizer s, Geometry geom) {
        Batch b = batches.get(s);
        Long cell = paths.cell(geom);
        if (cell == null) {
            return;
        }
        if (b.fill != null) {
            paths.appendAreas(b.areas.computeIfAbsent(cell, k -> newPath()), geom);
        }
        if (b.stroke != null) {
            // A polygon's outline is its closed rings; a line symbolizer draws a polygon's boundary as lines.
            paths.appendLines(b.lines.computeIfAbsent(cell, k -> newPath()),
                    b.fill == null && geom instanceof Polygonal ? geom.getBoundary() : geom);
        }
    }

    private static Path2D.Float newPath() {
        return new Path2D.Float(Path2D.WIND_NON_ZERO, 256);
    }

    /** Draws every batch, in the order of the rules. */
    void draw(Graphics2D g) {
        for (Batch b : batches.values()) {
            if (b.fill != null) {
                g.setColor(b.fill);
                for (Path2D.Float p : b.areas.values()) {
                    g.fill(p);
                }
            }
            if (b.stroke != null && !b.lines.isEmpty()) {
                g.setColor(b.strokeColour);
                g.setStroke(b.stroke);
                for (Path2D.Float p : b.lines.values()) {
                    g.draw(p);
                }
            }
        }
    }

    /** Whether a line or polygon symbolizer looks the same for every feature. */
    static boolean isConstant(Symbolizer s) {
        if (s.getGeometry() != null) {
            return false;
        }
        if (s instanceof PolygonSymbolizer ps) {
            return ps.getFill() != null && ps.getFill().getGraphicFill() == null && isConstant(ps.getFill())
                    && (ps.getStroke() == null || isConstant(ps.getStroke()))
                    && ps.getDisplacement() == null && isLiteral(ps.getPerpendicularOffset());
        }
        if (s instanceof LineSymbolizer ls) {
            return ls.getStroke() != null && isConstant(ls.getStroke()) && isLiteral(ls.getPerpendicularOffset());
        }
        return false;
    }

    private static boolean isConstant(Fill f) {
        return isLiteral(f.getColor()) && isLiteral(f.getOpacity());
    }

    private static boolean isConstant(Stroke s) {
        if (s.getGraphicFill() != null || s.getGraphicStroke() != null) {
            return false;
        }
        if (s.dashArray() != null && !s.dashArray().stream().allMatch(StyleBatches::isLiteral)) {
            return false;
        }
        return isLiteral(s.getColor()) && isLiteral(s.getOpacity()) && isLiteral(s.getWidth())
                && isLiteral(s.getLineCap()) && isLiteral(s.getLineJoin());
    }

    private static boolean isLiteral(Expression e) {
        return e == null || e instanceof Literal;
    }

    /** One symbolizer's paths by screen cell and its Java2D values, evaluated once. */
    private static final class Batch {
        final Color fill;
        final Color strokeColour;
        final BasicStroke stroke;
        final Map<Long, Path2D.Float> areas = new LinkedHashMap<>();
        final Map<Long, Path2D.Float> lines = new LinkedHashMap<>();

        Batch(Symbolizer s) {
            Stroke st = s instanceof PolygonSymbolizer ps ? ps.getStroke() : ((LineSymbolizer) s).getStroke();
            fill = s instanceof PolygonSymbolizer ps ? StyleValues.fillColour(ps.getFill(), null) : null;
            strokeColour = st == null ? null : StyleValues.strokeColour(st, null);
            stroke = st == null ? null : StyleValues.basicStroke(st, null, 1);
        }
    }
}
