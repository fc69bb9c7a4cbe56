package kz.incidentmap.render;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rectangles in screen pixels, bucketed in square cells, so that asking whether a box meets any of
 * them looks only at the few in the cells it covers: a street view has thousands of markers that every
 * label must keep off.
 */
final class BoxGrid {

    private static final double CELL_PX = 64;

    private final Map<Long, List<Rectangle2D>> cells = new HashMap<>();

    void add(Rectangle2D box) {
        forCells(box, key -> cells.computeIfAbsent(key, k -> new ArrayList<>(4)).add(box));
    }

    /** Whether {@code box} meets any rectangle added (touching edges do not count, as with {@link Rectangle2D#intersects}). */
    boolean intersects(Rectangle2D box) {
        long c0 = cell(box.getMinX());
        long c1 = cell(box.getMaxX());
        long r0 = cell(box.getMinY());
        long r1 = cell(box.getMaxY());
        for (long r = r0; r <= r1; r++) {
            for (long c = c0; c <= c1; c++) {
                List<Rectangle2D> in = cells.get(key(c, r));
                if (in != null) {
                    for (Rectangle2D o : in) {
                        if (o.intersects(box)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static void forCells(Rectangle2D box, java.util.function.LongConsumer action) {
        for (long r = cell(box.getMinY()); r <= cell(box.getMaxY()); r++) {
            for (long c = cell(box.getMinX()); c <= cell(box.getMaxX()); c++) {
                action.accept(key(c, r));
            }
        }
    }

    private static long cell(double px) {
        return (long) Math.floor(px / CELL_PX);
    }

    /** The key of cell (c, r), its bits mixed so that cells do not share hash buckets by diagonals. */
    private static long key(long c, long r) {
        return (c << 32 | (r & 0xFFFF_FFFFL)) * 0x9E37_79B9_7F4A_7C15L;
    }
}
