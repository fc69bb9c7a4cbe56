package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Places labels of all layers together so that none overlaps another or a drawn marker: the highest
 * priority first (larger cities before smaller ones), each trying the side of its point the style
 * asks for and then the other sides. A label that finds no free place is left out, as in QGIS.
 */
final class LabelPlacer {

    /** Gap kept between labels, in pixels. */
    private static final double PADDING = 2;

    private final List<LabelCandidate> candidates = new ArrayList<>();
    private final BoxGrid obstacles = new BoxGrid();
    private final List<PlacedLabel> placed = new ArrayList<>();
    /** The boxes of {@link #placed}, padded, for the overlap test. */
    private final BoxGrid placedBoxes = new BoxGrid();
    private final List<LabelCandidate> onSymbol = new ArrayList<>();
    /** The obstacles as offered, in order, so that they can be offered again ({@link #offers}). */
    private final List<Rectangle2D> obstacleList = new ArrayList<>();
    private final Rectangle2D frame;
    private final LineLabelPlacer lineLabels = new LineLabelPlacer();

    /** A placer for labels anywhere. */
    private LabelSprites sprites;

    LabelPlacer() {
        this(null);
    }

    /** A placer that keeps labels wholly inside {@code frame} (pixels): none is cut by the frame's edge. */
    LabelPlacer(Rectangle2D frame) {
        this.frame = frame;
    }

    /** Labels are to be copied from {@code kept} where they were painted before (a raster frame seen one to one). */
    void paintFrom(LabelSprites kept) {
        this.sprites = kept;
    }

    void offer(LabelCandidate c) {
        if (c.text() != null && !c.text().isBlank()) {
            candidates.add(c);
        }
    }

    /**
     * A label that sits on its own symbol (the count on a cluster): always drawn, before all others,
     * and an obstacle for them, but not kept off by the marker it belongs to.
     */
    void offerOnSymbol(LabelCandidate c) {
        if (c.text() != null && !c.text().isBlank()) {
            onSymbol.add(c);
        }
    }

    /** A label along a line (a street name); placed after the point labels, around them. */
    void offerLine(LineLabelCandidate c) {
        lineLabels.offer(c);
    }

    /** Marks an area (a drawn marker) that labels must not cover. */
    void obstacle(Rectangle2D area) {
        obstacles.add(area);
        obstacleList.add(area);
    }

    /**
     * What layers offered this placer: the labels and obstacles of a basemap drawn once, offered again
     * to the placer of each frame that reuses its pixels ({@link BaseFrames}).
     */
    record Offers(List<LabelCandidate> points, List<LabelCandidate> onSymbol, List<LineLabelCandidate> lines,
            List<Rectangle2D> obstacles) {
    }

    /** A copy of everything offered so far. */
    Offers offers() {
        return new Offers(List.copyOf(candidates), List.copyOf(onSymbol), lineLabels.candidates(), List.copyOf(obstacleList));
    }

    /** Offers {@code o} again, as the layers that made it would. */
    void offerAll(Offers o) {
        o.points().forEach(this::offer);
        o.onSymbol().forEach(this::offerOnSymbol);
        o.lines().forEach(this::offerLine);
        o.obstacles().forEach(this::obstacle);
    }

    /** Resolves the candidates and draws the winners; returns what was drawn. */
    List<PlacedLabel> draw(Graphics2D g) {
        return draw(g, null);
    }

    /**
     * The same, the winners painted on this thread and {@code secondCore} when it is not null
     * ({@link LabelInk}): only for a raster frame seen one to one.
     */
    List<PlacedLabel> draw(Graphics2D g, ExecutorService secondCore) {
        FontRenderContext frc = g.getFontRenderContext();
        LabelInk ink = new LabelInk();
        for (LabelCandidate c : onSymbol) {
            GlyphVector gv = c.font().createGlyphVector(frc, c.text());
            Rectangle2D logical = gv.getLogicalBounds();
            double left = c.x() - logical.getWidth() / 2;
            double top = c.y() - logical.getHeight() / 2;
            Rectangle2D box = new Rectangle2D.Double(left, top, logical.getWidth(), logical.getHeight());
            ink.add(box, c.text().length(), paint(c, gv, left - logical.getX(), top - logical.getY(), box));
            place(new PlacedLabel(c.text(), box));
        }
        List<LabelCandidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparingDouble(LabelCandidate::priority).reversed()
                .thenComparing(LabelCandidate::text));
        for (LabelCandidate c : order) {
            GlyphVector gv = c.font().createGlyphVector(frc, c.text());
            Rectangle2D logical = gv.getLogicalBounds();
            for (double[] anchor : anchors(c)) {
                double left = c.x() + anchor[2] - anchor[0] * logical.getWidth();
                double top = c.y() - anchor[3] - (1 - anchor[1]) * logical.getHeight();
                Rectangle2D box = new Rectangle2D.Double(left, top, logical.getWidth(), logical.getHeight());
                if (isFree(box)) {
                    ink.add(box, c.text().length(), paint(c, gv, left - logical.getX(), top - logical.getY(), box));
                    place(new PlacedLabel(c.text(), box));
                    break;
                }
            }
        }
        placed.addAll(lineLabels.place(frc, ink, this::isFree, sprites));
        ink.draw(g, secondCore, frame == null ? 0 : (int) frame.getHeight());
        return List.copyOf(placed);
    }

    private void place(PlacedLabel p) {
        placed.add(p);
        Rectangle2D b = p.box();
        placedBoxes.add(new Rectangle2D.Double(b.getX() - PADDING, b.getY() - PADDING, b.getWidth() + 2 * PADDING,
                b.getHeight() + 2 * PADDING));
    }

    /** The positions to try: {anchorX, anchorY, dx, dy}, the style's own first. */
    private static List<double[]> anchors(LabelCandidate c) {
        List<double[]> list = new ArrayList<>();
        list.add(new double[] {c.anchorX(), c.anchorY(), c.dx(), c.dy()});
        if (c.movable()) {
            double off = Math.max(Math.abs(c.dx()), Math.abs(c.dy()));
            // Near then far: a marker drawn on the point may push its label a little farther out.
            for (double d : new double[] {off, off * 2.5}) {
                if (d != off) {
                    list.add(new double[] {c.anchorX(), c.anchorY(), Math.signum(c.dx()) * d, Math.signum(c.dy()) * d});
                }
                list.add(new double[] {1, 0.5, -d, 0});
                list.add(new double[] {0.5, 0, 0, d});
                list.add(new double[] {0.5, 1, 0, -d});
            }
        }
        return list;
    }

    private boolean isFree(Rectangle2D box) {
        if (frame != null && !frame.contains(box)) {
            return false;
        }
        // A placed label's box grown by the padding meets this box exactly when its own box meets this one grown.
        return !placedBoxes.intersects(box) && !obstacles.intersects(box);
    }

    /** The painting of a placed label; its outline made here, on the placing thread (a glyph vector is not shared). */
    private Consumer<Graphics2D> paint(LabelCandidate c, GlyphVector gv, double baseX, double baseY, Rectangle2D box) {
        Consumer<Graphics2D> paint = paint(c, gv, baseX, baseY);
        if (sprites == null) {
            return paint;
        }
        LabelSprites.Look look = new LabelSprites.Look(c.text(), c.font(), c.fill(), c.halo(), c.haloRadius(),
                LabelSprites.phase(baseX) + "," + LabelSprites.phase(baseY));
        return sprites.painting(look, (int) Math.floor(baseX), (int) Math.floor(baseY), box, paint);
    }

    private static Consumer<Graphics2D> paint(LabelCandidate c, GlyphVector gv, double baseX, double baseY) {
        Shape outline = c.halo() != null && c.haloRadius() > 0 ? gv.getOutline((float) baseX, (float) baseY) : null;
        return g -> {
            if (outline != null) {
                g.setColor(c.halo());
                g.setStroke(new BasicStroke((float) (2 * c.haloRadius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(outline);
            }
            // Letters as text, not outlines, so that SVG and PDF exports keep searchable, sharp text.
            g.setColor(c.fill());
            g.setFont(c.font());
            g.drawString(c.text(), (float) baseX, (float) baseY);
        };
    }
}
