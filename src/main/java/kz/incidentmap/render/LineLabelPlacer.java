package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Places labels along lines (street names): each glyph sits on the line and turns with it; text
 * always reads left to right, never upside down; a long street gets its name again every
 * {@value #REPEAT_PX} pixels or so; no glyph overlaps another label, a point label or a marker. Parts
 * of a street that share a name and meet end to end (OpenStreetMap splits streets at crossings) are
 * joined first, so that a name can run across a crossing. Bends sharper than
 * {@value #MAX_BEND_DEGREES}° between neighbouring glyphs are avoided. Not thread-safe: one per frame.
 */
final class LineLabelPlacer {

    /** Distance between repeats of one name along a long line, in pixels. */
    static final double REPEAT_PX = 360;
    static final double MAX_BEND_DEGREES = 30;
    private static final double PADDING = 2;
    /** How far apart the positions tried along a line are, in pixels. */
    private static final double SEARCH_STEP_PX = 6;

    private final List<LineLabelCandidate> candidates = new ArrayList<>();
    /** The glyphs placed so far, each grown by the padding. */
    private final BoxGrid glyphBoxes = new BoxGrid();
    private final GeometryFactory gf = new GeometryFactory();

    void offer(LineLabelCandidate c) {
        if (c.text() != null && !c.text().isBlank() && !c.parts().isEmpty()) {
            candidates.add(c);
        }
    }

    /** The candidates offered so far, in order. */
    List<LineLabelCandidate> candidates() {
        return List.copyOf(candidates);
    }

    /**
     * Places the candidates, most important first, and hands those placed to {@code ink} to be painted.
     *
     * @param free whether a box is clear of the labels and markers placed before
     * @return one entry per placed label, with the bounds of its glyphs
     */
    List<PlacedLabel> place(FontRenderContext frc, LabelInk ink, Predicate<Rectangle2D> free, LabelSprites sprites) {
        List<PlacedLabel> placed = new ArrayList<>();
        List<Group> groups = new ArrayList<>(group(candidates).values());
        groups.sort(Comparator.comparingDouble((Group gr) -> gr.first.priority()).reversed()
                .thenComparing(gr -> gr.first.text()));
        for (Group gr : groups) {
            LineLabelCandidate c = gr.first;
            GlyphVector gv = c.font().createGlyphVector(frc, c.text());
            double width = gv.getLogicalBounds().getWidth();
            LineMetrics lm = c.font().getLineMetrics(c.text(), frc);
            for (ScreenPolyline line : merged(gr.parts)) {
                placeAlong(ink, c, gv, width, lm, line, free, placed, sprites);
            }
        }
        return placed;
    }

    private void placeAlong(LabelInk ink, LineLabelCandidate c, GlyphVector gv, double width, LineMetrics lm,
            ScreenPolyline line, Predicate<Rectangle2D> free, List<PlacedLabel> placed, LabelSprites sprites) {
        double length = line.length();
        if (length < width + 8) {
            return;
        }
        int repeats = Math.max(1, (int) Math.floor(length / REPEAT_PX));
        for (int k = 0; k < repeats; k++) {
            double centre = length * (k + 0.5) / repeats;
            // From the preferred spot outwards, a few pixels at a time, within this repeat's stretch.
            double reach = length / repeats / 2;
            for (int step = 0; Math.abs(step) * SEARCH_STEP_PX <= reach; step = step <= 0 ? 1 - step : -step) {
                double shift = step * SEARCH_STEP_PX;
                double start = centre + shift - width / 2;
                if (start < 2 || start + width > length - 2) {
                    continue;
                }
                Layout layout = layout(c, gv, lm, line, start, width);
                if (layout != null && layout.fits(free)) {
                    List<Shape> glyphs = glyphs(gv, layout);
                    Consumer<Graphics2D> paint = g -> paint(g, c, glyphs);
                    ink.add(layout.bounds(), gv.getNumGlyphs(), sprites == null ? paint : copied(sprites, c, layout, paint));
                    for (Rectangle2D box : layout.boxes) {
                        // A padded box meets another exactly when the other meets it padded.
                        glyphBoxes.add(new Rectangle2D.Double(box.getX() - PADDING, box.getY() - PADDING,
                                box.getWidth() + 2 * PADDING, box.getHeight() + 2 * PADDING));
                    }
                    placed.add(new PlacedLabel(c.text(), layout.bounds()));
                    break;
                }
            }
        }
    }

    /** Where each glyph goes for a label starting {@code start} pixels along the line; null at a sharp bend. */
    private Layout layout(LineLabelCandidate c, GlyphVector gv, LineMetrics lm, ScreenPolyline line, double start,
            double width) {
        Point2D a = line.pointAt(start);
        Point2D b = line.pointAt(start + width);
        if (b.getX() < a.getX()) {
            // Read left to right: run the line the other way.
            double length = line.length();
            line = line.reversed();
            start = length - start - width;
        }
        int n = gv.getNumGlyphs();
        Layout layout = new Layout(n);
        double previous = Double.NaN;
        double lift = (lm.getAscent() - lm.getDescent()) / 2;
        for (int i = 0; i < n; i++) {
            Point2D pos = gv.getGlyphPosition(i);
            double advance = gv.getGlyphMetrics(i).getAdvance();
            double mid = start + pos.getX() + advance / 2;
            double angle = line.angleAt(mid);
            if (!Double.isNaN(previous) && Math.abs(Math.toDegrees(wrap(angle - previous))) > MAX_BEND_DEGREES) {
                return null;
            }
            previous = angle;
            Point2D at = line.pointAt(mid);
            AffineTransform t = new AffineTransform();
            t.translate(at.getX(), at.getY());
            t.rotate(angle);
            t.translate(-(pos.getX() + advance / 2), lift);
            layout.transforms[i] = t;
            Rectangle2D cell = new Rectangle2D.Double(pos.getX(), -lm.getAscent(), Math.max(advance, 1),
                    lm.getAscent() + lm.getDescent());
            layout.boxes.add(t.createTransformedShape(cell).getBounds2D());
        }
        return layout;
    }

    /** The painting of a placed label through {@code sprites}, its look told by where each glyph stands. */
    private static Consumer<Graphics2D> copied(LabelSprites sprites, LineLabelCandidate c, Layout layout,
            Consumer<Graphics2D> paint) {
        int x = (int) Math.floor(layout.transforms[0].getTranslateX());
        int y = (int) Math.floor(layout.transforms[0].getTranslateY());
        StringBuilder shape = new StringBuilder();
        for (AffineTransform t : layout.transforms) {
            shape.append(Math.round((t.getTranslateX() - x) * LabelSprites.STEPS)).append(',')
                    .append(Math.round((t.getTranslateY() - y) * LabelSprites.STEPS)).append(',')
                    .append(Math.round(t.getScaleX() * 4096)).append(',').append(Math.round(t.getShearY() * 4096)).append(';');
        }
        LabelSprites.Look look = new LabelSprites.Look(c.text(), c.font(), c.fill(), c.halo(), c.haloRadius(), shape.toString());
        return sprites.painting(look, x, y, layout.bounds(), paint);
    }

    private static double wrap(double radians) {
        while (radians > Math.PI) {
            radians -= 2 * Math.PI;
        }
        while (radians < -Math.PI) {
            radians += 2 * Math.PI;
        }
        return radians;
    }

    /** The glyphs of a placed label, turned into place: made on the placing thread (a glyph vector is not shared). */
    private static List<Shape> glyphs(GlyphVector gv, Layout layout) {
        List<Shape> glyphs = new ArrayList<>();
        for (int i = 0; i < layout.transforms.length; i++) {
            glyphs.add(layout.transforms[i].createTransformedShape(gv.getGlyphOutline(i)));
        }
        return glyphs;
    }

    private static void paint(Graphics2D g, LineLabelCandidate c, List<Shape> glyphs) {
        if (c.halo() != null && c.haloRadius() > 0) {
            g.setColor(c.halo());
            g.setStroke(new BasicStroke((float) (2 * c.haloRadius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            glyphs.forEach(g::draw);
        }
        g.setColor(c.fill());
        glyphs.forEach(g::fill);
    }

    /** The glyph transforms and boxes of one label position. */
    private final class Layout {
        final AffineTransform[] transforms;
        final List<Rectangle2D> boxes = new ArrayList<>();

        Layout(int n) {
            transforms = new AffineTransform[n];
        }

        boolean fits(Predicate<Rectangle2D> free) {
            for (Rectangle2D box : boxes) {
                if (!free.test(box)) {
                    return false;
                }
                if (glyphBoxes.intersects(box)) {
                    return false;
                }
            }
            return true;
        }

        Rectangle2D bounds() {
            Rectangle2D r = boxes.get(0).getBounds2D();
            boxes.forEach(r::add);
            return r;
        }
    }

    /** Candidates of one name and style, with all their parts. */
    private static final class Group {
        final LineLabelCandidate first;
        final List<double[]> parts = new ArrayList<>();

        Group(LineLabelCandidate first) {
            this.first = first;
        }
    }

    private static Map<String, Group> group(List<LineLabelCandidate> all) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (LineLabelCandidate c : all) {
            String key = c.text() + "\u0000" + c.font() + "\u0000" + c.fill();
            Group gr = groups.computeIfAbsent(key, k -> new Group(c));
            gr.parts.addAll(c.parts());
        }
        return groups;
    }

    /** Joins parts that meet end to end into the longest lines they make. */
    private List<ScreenPolyline> merged(List<double[]> parts) {
        LineMerger merger = new LineMerger();
        for (double[] xy : parts) {
            Coordinate[] cs = new Coordinate[xy.length / 2];
            for (int i = 0; i < cs.length; i++) {
                // Rounded to a tenth of a pixel so that shared end nodes meet exactly.
                cs[i] = new Coordinate(Math.round(xy[2 * i] * 10) / 10.0, Math.round(xy[2 * i + 1] * 10) / 10.0);
            }
            if (cs.length >= 2) {
                merger.add(gf.createLineString(cs));
            }
        }
        List<ScreenPolyline> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<LineString> lines = merger.getMergedLineStrings();
        for (LineString l : lines) {
            double[] xy = new double[l.getNumPoints() * 2];
            for (int i = 0; i < l.getNumPoints(); i++) {
                xy[2 * i] = l.getCoordinateN(i).x;
                xy[2 * i + 1] = l.getCoordinateN(i).y;
            }
            out.add(new ScreenPolyline(xy));
        }
        out.sort(Comparator.comparingDouble(ScreenPolyline::length).reversed());
        return out;
    }
}
