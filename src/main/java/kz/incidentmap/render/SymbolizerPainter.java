package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.layers.ClusterStyles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.AnchorPoint;
import org.geotools.api.style.Displacement;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.GraphicalSymbol;
import org.geotools.api.style.LinePlacement;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointPlacement;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.PolygonSymbolizer;
import org.geotools.api.style.Stroke;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.geometry.jts.GeometryClipper;
import org.geotools.geometry.jts.LiteShape2;
import org.geotools.referencing.operation.transform.AffineTransform2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Draws one feature with one symbolizer into a {@link Graphics2D} for one frame: polygons and lines
 * through GeoTools' {@link LiteShape2}, point marks from {@link MarkShapes}, and text handed to the
 * frame's {@link LabelPlacer}. Not thread-safe: one instance per frame.
 */
final class SymbolizerPainter {

    private final Graphics2D g;
    private final Viewport viewport;
    private final AffineTransform2D worldToScreen;
    private final GeometryClipper clipper;
    private final LabelPlacer labels;

    SymbolizerPainter(Graphics2D g, Viewport viewport, LabelPlacer labels) {
        this.g = g;
        this.viewport = viewport;
        this.worldToScreen = new AffineTransform2D(viewport.worldToScreen());
        // Shapes are clipped as far out as features are read: the edge a clip cuts, drawn with the widest
        // stroke, stays off screen.
        this.clipper = new GeometryClipper(FrameMargin.symbols(viewport));
        this.labels = labels;
    }

    void paint(Symbolizer s, SimpleFeature f, Geometry geom) {
        if (s instanceof PolygonSymbolizer ps) {
            polygon(ps, f, geom);
        } else if (s instanceof LineSymbolizer ls) {
            line(ls, f, geom);
        } else if (s instanceof PointSymbolizer pt) {
            point(pt, f, geom);
        } else if (s instanceof TextSymbolizer ts) {
            text(ts, f, geom);
        }
    }

    private void polygon(PolygonSymbolizer ps, SimpleFeature f, Geometry geom) {
        Shape shape = screenShape(geom);
        if (shape == null) {
            return;
        }
        fillAndOutline(shape, StyleValues.fillColour(ps.getFill(), f), ps.getStroke(), f);
    }

    /** Fills {@code shape} (when {@code fill} is given), then strokes it (when {@code stroke} is). */
    private void fillAndOutline(Shape shape, Color fill, Stroke stroke, SimpleFeature f) {
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        if (stroke != null) {
            g.setColor(StyleValues.strokeColour(stroke, f));
            g.setStroke(StyleValues.basicStroke(stroke, f, 1));
            g.draw(shape);
        }
    }

    private void line(LineSymbolizer ls, SimpleFeature f, Geometry geom) {
        if (ls.getStroke() == null) {
            return;
        }
        if (ls.getStroke().getGraphicStroke() != null) {
            marksAlong(ls.getStroke(), f, geom);
            return;
        }
        Geometry lines = geom instanceof Polygonal ? geom.getBoundary() : geom;
        Shape shape = screenShape(lines);
        if (shape == null) {
            return;
        }
        g.setColor(StyleValues.strokeColour(ls.getStroke(), f));
        g.setStroke(StyleValues.basicStroke(ls.getStroke(), f, 1));
        g.draw(shape);
    }

    /**
     * A graphic stroke: its mark repeated along each on-screen part of a line, turned with the line, as
     * SLD's dash array spaces it ({mark length, gap}, one period per mark); a part shorter than a period
     * gets none, and the marks of a longer one are centred on it.
     */
    private void marksAlong(Stroke stroke, SimpleFeature f, Geometry geom) {
        Graphic graphic = stroke.getGraphicStroke();
        Mark mark = graphic.graphicalSymbols().stream().filter(Mark.class::isInstance).map(Mark.class::cast)
                .findFirst().orElse(null);
        if (mark == null || geom instanceof Polygonal) {
            return;
        }
        double size = StyleValues.pointSize(graphic, f);
        double period = 0;
        for (Expression e : stroke.dashArray() == null ? List.<Expression>of() : stroke.dashArray()) {
            period += StyleValues.number(e, f, 0);
        }
        period = Math.max(period, size * 2);
        String name = StyleValues.text(mark.getWellKnownName(), f);
        Color fill = StyleValues.fillColour(mark.getFill(), f);
        for (double[] xy : screenParts(geom)) {
            ScreenPolyline line = new ScreenPolyline(xy);
            int n = (int) Math.floor(line.length() / period);
            double first = (line.length() - n * period) / 2 + period / 2;
            for (int i = 0; i < n; i++) {
                double d = first + i * period;
                Point2D at = line.pointAt(d);
                fillAndOutline(MarkShapes.shape(name, at.getX(), at.getY(), size, line.angleAt(d)), fill,
                        mark.getStroke(), f);
            }
        }
    }

    private void point(PointSymbolizer pt, SimpleFeature f, Geometry geom) {
        Graphic graphic = pt.getGraphic();
        if (graphic == null) {
            return;
        }
        Point2D at = anchor(geom);
        double size = StyleValues.pointSize(graphic, f);
        for (GraphicalSymbol symbol : graphic.graphicalSymbols()) {
            if (symbol instanceof Mark mark) {
                Shape shape = MarkShapes.shape(StyleValues.text(mark.getWellKnownName(), f), at.getX(), at.getY(), size);
                fillAndOutline(shape, StyleValues.fillColour(mark.getFill(), f), mark.getStroke(), f);
                labels.obstacle(shape.getBounds2D());
                return;
            }
        }
    }

    private void text(TextSymbolizer ts, SimpleFeature f, Geometry geom) {
        String text = StyleValues.text(ts.getLabel(), f);
        if (text == null || text.isBlank()) {
            return;
        }
        Font font = StyleValues.font(ts.fonts().isEmpty() ? null : ts.fonts().get(0), f);
        Color fill = StyleValues.fillColour(ts.getFill(), f);
        Color halo = ts.getHalo() == null ? null : StyleValues.fillColour(ts.getHalo().getFill(), f);
        double haloRadius = ts.getHalo() == null ? 0 : StyleValues.number(ts.getHalo().getRadius(), f, 1);
        double priority = StyleValues.number(ts.getPriority(), f, 1000);
        if (ts.getLabelPlacement() instanceof LinePlacement && geom instanceof Lineal) {
            labels.offerLine(new LineLabelCandidate(text, font, fill, halo, haloRadius, priority, screenParts(geom)));
            return;
        }
        Point2D at = anchor(geom);
        if (!new Rectangle2D.Double(0, 0, viewport.width(), viewport.height()).contains(at)) {
            return;
        }
        double ax = 0.5;
        double ay = 0.5;
        double dx = 0;
        double dy = 0;
        if (ts.getLabelPlacement() instanceof PointPlacement pp) {
            AnchorPoint a = pp.getAnchorPoint();
            if (a != null) {
                ax = StyleValues.number(a.getAnchorPointX(), f, 0.5);
                ay = StyleValues.number(a.getAnchorPointY(), f, 0.5);
            }
            Displacement d = pp.getDisplacement();
            if (d != null) {
                dx = StyleValues.number(d.getDisplacementX(), f, 0);
                dy = StyleValues.number(d.getDisplacementY(), f, 0);
            }
        }
        boolean movable = geom instanceof Point;
        LabelCandidate candidate = new LabelCandidate(text, font, fill, halo, haloRadius, at.getX(), at.getY(), ax, ay,
                dx, dy, priority, movable);
        if ("true".equals(ts.getOptions().get(ClusterStyles.ON_SYMBOL))) {
            labels.offerOnSymbol(candidate);
        } else {
            labels.offer(candidate);
        }
    }

    /** The on-screen parts of a line, in pixels ({x0, y0, x1, y1, ...} each), for a label along it. */
    private List<double[]> screenParts(Geometry geom) {
        Geometry clipped = geom.getEnvelopeInternal().intersects(clipper.getBounds())
                ? clipper.clipSafe(geom, false, viewport.metresPerPixel()) : null;
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; clipped != null && i < clipped.getNumGeometries(); i++) {
            Coordinate[] cs = clipped.getGeometryN(i).getCoordinates();
            if (cs.length < 2) {
                continue;
            }
            double[] xy = new double[cs.length * 2];
            for (int k = 0; k < cs.length; k++) {
                Point2D p = viewport.toScreen(cs[k].x, cs[k].y);
                xy[2 * k] = p.getX();
                xy[2 * k + 1] = p.getY();
            }
            parts.add(xy);
        }
        return parts;
    }

    /** Where a point symbol or label of this geometry goes, in pixels. */
    private Point2D anchor(Geometry geom) {
        Point p = geom instanceof Polygonal ? geom.getInteriorPoint() : geom.getCentroid();
        return viewport.toScreen(p.getX(), p.getY());
    }

    private Shape screenShape(Geometry geom) {
        Geometry clipped = geom.getEnvelopeInternal().intersects(clipper.getBounds())
                ? clipper.clipSafe(geom, true, viewport.metresPerPixel()) : null;
        if (clipped == null || clipped.isEmpty()) {
            return null;
        }
        try {
            return new LiteShape2(clipped, worldToScreen, null, false);
        } catch (Exception e) {
            // Malformed geometry: skip it rather than lose the whole frame.
            return null;
        }
    }
}
