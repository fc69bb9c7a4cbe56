package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.model.IncidentType;
import org.locationtech.jts.geom.Envelope;

/**
 * Screen-grid clustering straight from an {@link IncidentIndex}: the incidents in a frame fall into
 * square cells of {@code cell} metres anchored to map coordinates (so panning does not reshuffle
 * them); each occupied cell is a group, and a group absorbs the smaller groups whose centres lie closer
 * than a cell (largest first), so no two symbols sit on top of each other. Only primitive arrays are
 * touched per incident: a million incidents are binned in a few milliseconds.
 *
 * <p>A group remembers its cells, not its members, so a click on a cluster with ninety thousand
 * incidents lists them by walking those cells ({@link #forEachMember}) instead of carrying them.
 */
public final class IndexClusterer {

    private static final int TYPES = IncidentType.values().length;
    /** Above this many cells in the frame, the bins are found by sorting instead of in a dense array. */
    private static final long DENSE_CELLS = 4_000_000;

    /**
     * A group of incidents: a cluster, or one incident on its own.
     *
     * @param x mean easting of the members
     * @param y mean northing of the members
     * @param count how many incidents
     * @param topType the most frequent type among them (the lowest ordinal on a tie)
     * @param casualties the sum of their casualties
     * @param firstRow the lowest index row among them; the row of the incident itself when alone
     * @param cells the grid cells it gathers, as {@link #key} values
     */
    public record Group(double x, double y, int count, IncidentType topType, long casualties, int firstRow, long[] cells) {
    }

    private IndexClusterer() {
    }

    /** Grid cell key of (col, row). */
    static long key(long col, long row) {
        return col << 32 | (row & 0xFFFF_FFFFL);
    }

    /** The groups of the incidents inside {@code area}, with cells of {@code cell} metres. */
    public static List<Group> cluster(IncidentIndex index, Envelope area, double cell) {
        long c0 = (long) Math.floor(area.getMinX() / cell);
        long r0 = (long) Math.floor(area.getMinY() / cell);
        long nc = (long) Math.floor(area.getMaxX() / cell) - c0 + 1;
        long nr = (long) Math.floor(area.getMaxY() / cell) - r0 + 1;
        Bins bins = nc * nr <= DENSE_CELLS ? denseBins(index, area, cell, c0, r0, (int) nc, (int) (nc * nr))
                : sortedBins(index, area, cell);
        List<Acc> groups = new ArrayList<>(bins.runs());
        for (int run = 0; run < bins.runs(); run++) {
            Acc a = new Acc(bins.keys()[run]);
            for (int k = bins.start()[run]; k < bins.start()[run + 1]; k++) {
                int row = bins.rows()[k];
                a.sx += index.x(row);
                a.sy += index.y(row);
                a.casualties += index.casualties(row);
                a.firstRow = Math.min(a.firstRow, row);
                a.types[index.type(row).ordinal()]++;
            }
            a.count = bins.start()[run + 1] - bins.start()[run];
            groups.add(a);
        }
        mergeClose(groups, cell);
        List<Group> out = new ArrayList<>();
        for (Acc a : groups) {
            if (a.alive) {
                out.add(a.group());
            }
        }
        // Drawn in this order: the most casualties end up on top.
        out.sort(Comparator.comparingLong(Group::casualties).thenComparingInt(Group::firstRow));
        return out;
    }

    /** Calls {@code action} with every row of {@code group}, as {@link #cluster} with the same cell size binned it. */
    public static void forEachMember(IncidentIndex index, Group group, double cell, IntConsumer action) {
        for (long k : group.cells()) {
            long col = k >> 32;
            long row = (int) k;
            Envelope box = new Envelope(col * cell, (col + 1) * cell, row * cell, (row + 1) * cell);
            index.forEachWithin(box, r -> {
                if ((long) Math.floor(index.x(r) / cell) == col && (long) Math.floor(index.y(r) / cell) == row) {
                    action.accept(r);
                }
            });
        }
    }

    /** Index rows grouped by cell: the rows of run {@code i} are {@code rows[start[i]..start[i+1])}. */
    private record Bins(int runs, long[] keys, int[] start, int[] rows) {
    }

    /** Counting sort by cell over a dense array of the frame's cells. */
    private static Bins denseBins(IncidentIndex index, Envelope area, double cell, long c0, long r0, int nc, int cells) {
        Gathered g = new Gathered();
        index.forEachWithin(area, row -> {
            long c = (long) Math.floor(index.x(row) / cell) - c0;
            long r = (long) Math.floor(index.y(row) / cell) - r0;
            g.add(row, r * nc + c);
        });
        int[] start = new int[cells + 1];
        for (int k = 0; k < g.size; k++) {
            start[(int) g.cells[k] + 1]++;
        }
        int runs = 0;
        for (int c = 0; c < cells; c++) {
            runs += start[c + 1] > 0 ? 1 : 0;
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, cells);
        int[] rows = new int[g.size];
        for (int k = 0; k < g.size; k++) {
            rows[next[(int) g.cells[k]]++] = g.rows[k];
        }
        long[] keys = new long[runs];
        int[] runStart = new int[runs + 1];
        int run = 0;
        for (int c = 0; c < cells; c++) {
            if (start[c + 1] > start[c]) {
                keys[run] = key(c0 + c % nc, r0 + c / nc);
                runStart[run++] = start[c];
            }
        }
        runStart[runs] = g.size;
        return new Bins(runs, keys, runStart, rows);
    }

    /** For frames with more cells than a dense array should hold (huge exports at street scale). */
    private static Bins sortedBins(IncidentIndex index, Envelope area, double cell) {
        Gathered g = new Gathered();
        index.forEachWithin(area, row -> g.add(row,
                key((long) Math.floor(index.x(row) / cell), (long) Math.floor(index.y(row) / cell))));
        Integer[] order = new Integer[g.size];
        for (int k = 0; k < g.size; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingLong(k -> g.cells[k]));
        int[] rows = new int[g.size];
        List<Long> keys = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < g.size; k++) {
            rows[k] = g.rows[order[k]];
            if (k == 0 || g.cells[order[k]] != g.cells[order[k - 1]]) {
                keys.add(g.cells[order[k]]);
                starts.add(k);
            }
        }
        starts.add(g.size);
        return new Bins(keys.size(), keys.stream().mapToLong(Long::longValue).toArray(),
                starts.stream().mapToInt(Integer::intValue).toArray(), rows);
    }

    /** Rows gathered from the index with the cell each falls in; grows as it goes. */
    private static final class Gathered {
        int[] rows = new int[1024];
        long[] cells = new long[1024];
        int size;

        void add(int row, long cell) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                cells = Arrays.copyOf(cells, size * 2);
            }
            rows[size] = row;
            cells[size++] = cell;
        }
    }

    /**
     * One pass, largest first: each group absorbs the smaller groups whose centres are closer than
     * {@code minDist} to its own. A centre lies in its own cell, and stays within a cell of it after
     * absorbing neighbours, so only groups within two cells are looked at.
     */
    private static void mergeClose(List<Acc> groups, double minDist) {
        groups.sort(Comparator.comparingInt((Acc a) -> -a.count).thenComparingInt(a -> a.firstRow));
        Map<Long, Integer> byCell = new HashMap<>(groups.size() * 2);
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).rank = i;
            byCell.put(groups.get(i).home, i);
        }
        for (Acc a : groups) {
            if (!a.alive) {
                continue;
            }
            long col = a.home >> 32;
            long row = (int) a.home;
            for (long dc = -2; dc <= 2; dc++) {
                for (long dr = -2; dr <= 2; dr++) {
                    Integer j = byCell.get(key(col + dc, row + dr));
                    Acc b = j == null ? null : groups.get(j);
                    if (b != null && b.alive && b.rank > a.rank && Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) < minDist) {
                        a.absorb(b);
                    }
                }
            }
        }
    }

    private static final class Acc {
        final long home;
        double sx;
        double sy;
        int count;
        long casualties;
        int firstRow = Integer.MAX_VALUE;
        final int[] types = new int[TYPES];
        long[] cells;
        int rank;
        boolean alive = true;

        Acc(long home) {
            this.home = home;
            this.cells = new long[] {home};
        }

        void absorb(Acc other) {
            sx += other.sx;
            sy += other.sy;
            count += other.count;
            casualties += other.casualties;
            firstRow = Math.min(firstRow, other.firstRow);
            for (int t = 0; t < TYPES; t++) {
                types[t] += other.types[t];
            }
            long[] merged = Arrays.copyOf(cells, cells.length + other.cells.length);
            System.arraycopy(other.cells, 0, merged, cells.length, other.cells.length);
            cells = merged;
            other.alive = false;
        }

        double cx() {
            return sx / count;
        }

        double cy() {
            return sy / count;
        }

        Group group() {
            int top = 0;
            for (int t = 1; t < TYPES; t++) {
                top = types[t] > types[top] ? t : top;
            }
            return new Group(cx(), cy(), count, IncidentType.values()[top], casualties, firstRow, cells);
        }
    }
}
