package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The labels a frame placed, painted once all are placed. Painting them (the halo stroked round every
 * letter) was most of a street frame's time, while placing them is quick and must be done in order; so
 * on two cores the frame is cut across at the row that shares the work evenly, and each core paints the
 * labels that reach into its part, clipped to it, into the same image. Each pixel is then painted by one
 * core, with the same labels in the same order as on one core.
 */
final class LabelInk {

    /** Beyond a label's box, how far its ink may reach (a halo, a letter's overhang), pixels. */
    private static final double INK_REACH_PX = 4;

    private record Piece(Rectangle2D box, int weight, Consumer<Graphics2D> paint) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /**
     * A label to paint, in the order given.
     *
     * @param box where it was placed, pixels
     * @param weight its share of the work (its letters)
     */
    void add(Rectangle2D box, int weight, Consumer<Graphics2D> paint) {
        pieces.add(new Piece(box, Math.max(1, weight), paint));
    }

    /**
     * Paints every label into {@code g}, on this thread and {@code secondCore} (null: this one alone).
     * Only for pixels seen one to one (a raster frame); a page or a vector file is painted in one go.
     */
    void draw(Graphics2D g, ExecutorService secondCore, int frameHeight) {
        int split = secondCore == null || pieces.size() < 2 ? -1 : splitRow(frameHeight);
        Future<?> other = null;
        if (split > 0) {
            Graphics2D below = (Graphics2D) g.create();
            below.clip(new Rectangle(-1_000_000, split, 2_000_000, 1_000_000));
            try {
                other = secondCore.submit(() -> paint(below, split, Double.POSITIVE_INFINITY));
            } catch (RejectedExecutionException closed) {
                below.dispose();
                other = null;
            }
        }
        if (other == null) {
            pieces.forEach(p -> p.paint().accept(g));
            return;
        }
        Graphics2D above = (Graphics2D) g.create();
        above.clip(new Rectangle(-1_000_000, split - 1_000_000, 2_000_000, 1_000_000));
        try {
            paint(above, Double.NEGATIVE_INFINITY, split);
        } finally {
            above.dispose();
            await(other);
        }
    }

    /** Paints, with {@code g} (clipped to rows from {@code top} to {@code bottom}), the labels reaching in. */
    private void paint(Graphics2D g, double top, double bottom) {
        try {
            for (Piece p : pieces) {
                double y0 = p.box().getMinY() - INK_REACH_PX;
                double y1 = p.box().getMaxY() + INK_REACH_PX;
                if (y1 > top && y0 < bottom) {
                    p.paint().accept(g);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** The row above which lies half the work, within the frame; -1 when that leaves one part empty. */
    private int splitRow(int frameHeight) {
        List<Piece> byRow = new ArrayList<>(pieces);
        byRow.sort(Comparator.comparingDouble(p -> p.box().getCenterY()));
        long total = byRow.stream().mapToLong(Piece::weight).sum();
        long sum = 0;
        for (Piece p : byRow) {
            sum += p.weight();
            if (2 * sum >= total) {
                int row = (int) Math.round(p.box().getCenterY());
                return row > 0 && row < frameHeight ? row : -1;
            }
        }
        return -1;
    }

    private static void await(Future<?> other) {
        try {
            other.get();
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
}
