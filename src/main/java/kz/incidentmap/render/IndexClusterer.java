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
    /** Up to this many cells in the frame, incidents are summed straight into per-cell arrays. */
    private static final long SUMMED_CELLS = 1 << 16;
    /** Above this many cells in the frame, the rows are sorted into cells rather than counted in an array. */
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

    /**
     * The cells {@code frame} touches, as an area: from the first cell's lower edge to just below the
     * last cell's upper edge, so that no incident of a further cell falls in.
     */
    public static Envelope wholeCells(Envelope frame, double cell) {
        double x1 = (cellOf(frame.getMaxX(), cell) + 1) * cell;
        double y1 = (cellOf(frame.getMaxY(), cell) + 1) * cell;
        return new Envelope(cellOf(frame.getMinX(), cell) * cell, Math.nextDown(x1),
                cellOf(frame.getMinY(), cell) * cell, Math.nextDown(y1));
    }

    /** No cells: a single incident is its own group and needs none to find its members. */
    private static final long[] NO_CELLS = {};

    /** A group of one: the incident at {@code row}. */
    public static Group single(IncidentIndex index, int row) {
        return new Group(index.x(row), index.y(row), 1, index.type(row), index.casualties(row), row, NO_CELLS);
    }

    /**
     * Every incident in {@code area} as a group of its own, the fewest casualties first so that the most
     * are drawn on top (a counting sort: a plain view of a million incidents is sorted in one pass).
     */
    public static List<Group> singles(IncidentIndex index, Envelope area) {
        int buckets = 64;
        Gathered g = new Gathered();
        index.forEachWithin(area, row -> g.add(row, Math.min(buckets - 1, index.casualties(row))));
        int[] start = new int[buckets + 1];
        for (int k = 0; k < g.size; k++) {
            start[(int) g.cells[k] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        Group[] out = new Group[g.size];
        for (int k = 0; k < g.size; k++) {
            out[start[(int) g.cells[k]]++] = single(index, g.rows[k]);
        }
        return Arrays.asList(out);
    }

    /** The grid column (or row) of a coordinate: the one formula binning and member walks share. */
    static long cellOf(double v, double cell) {
        return (long) Math.floor(v / cell);
    }

    /** The groups of the incidents inside {@code area}, with cells of {@code cell} metres. */
    public static List<Group> cluster(IncidentIndex index, Envelope frame, double cell) {
        // Whole cells: a group's members are then exactly the incidents of its cells (see forEachMember).
        Envelope area = wholeCells(frame, cell);
        long c0 = cellOf(area.getMinX(), cell);
        long r0 = cellOf(area.getMinY(), cell);
        long nc = cellOf(area.getMaxX(), cell) - c0 + 1;
        long nr = cellOf(area.getMaxY(), cell) - r0 + 1;
        List<Acc> groups = nc * nr <= SUMMED_CELLS ? summed(index, area, cell, c0, r0, (int) nc, (int) nr)
                : binned(index, area, cell, c0, r0, nc, nr);
        mergeClose(groups, cell, c0, r0, nc, nr);
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

    /**
     * Country and oblast views: a few thousand cells, so each incident is added straight into its cell's
     * sums in one pass over the index, in row order — no per-incident list is made.
     */
    private static List<Acc> summed(IncidentIndex index, Envelope area, double cell, long c0, long r0, int nc, int nr) {
        int cells = nc * nr;
        int[] count = new int[cells];
        double[] sx = new double[cells];
        double[] sy = new double[cells];
        long[] casualties = new long[cells];
        int[] first = new int[cells];
        int[] types = new int[cells * TYPES];
        index.forEachRun(area, (from, to, inside) -> {
            // Cells are tested one by one below, whether or not the index cell lies inside.
            for (int row = from; row < to; row++) {
                double x = index.x(row);
                double y = index.y(row);
                long c = cellOf(x, cell) - c0;
                long r = cellOf(y, cell) - r0;
                if (c < 0 || c >= nc || r < 0 || r >= nr) {
                    continue;
                }
                int at = (int) r * nc + (int) c;
                if (count[at]++ == 0) {
                    first[at] = row;
                }
                sx[at] += x;
                sy[at] += y;
                casualties[at] += index.casualties(row);
                types[at * TYPES + index.typeOrdinal(row)]++;
            }
        });
        List<Acc> groups = new ArrayList<>();
        for (int at = 0; at < cells; at++) {
            if (count[at] > 0) {
                Acc a = new Acc(key(c0 + at % nc, r0 + at / nc));
                a.count = count[at];
                a.sx = sx[at];
                a.sy = sy[at];
                a.casualties = casualties[at];
                a.firstRow = first[at];
                System.arraycopy(types, at * TYPES, a.types, 0, TYPES);
                groups.add(a);
            }
        }
        return groups;
    }

    /** Street views: cells are a few pixels, too many to sum into, so the incidents are sorted into them. */
    private static List<Acc> binned(IncidentIndex index, Envelope area, double cell, long c0, long r0, long nc, long nr) {
        Bins bins = bins(index, area, cell, c0, r0, nc, nr);
        List<Acc> groups = new ArrayList<>(bins.runs());
        for (int run = 0; run < bins.runs(); run++) {
            Acc a = new Acc(bins.keys()[run]);
            for (int k = bins.start()[run]; k < bins.start()[run + 1]; k++) {
                int row = bins.rows()[k];
                a.sx += index.x(row);
                a.sy += index.y(row);
                a.casualties += index.casualties(row);
                a.firstRow = Math.min(a.firstRow, row);
                a.types[index.typeOrdinal(row)]++;
            }
            a.count = bins.start()[run + 1] - bins.start()[run];
            groups.add(a);
        }
        return groups;
    }

    /** Whether {@code row} is one of {@code group}'s incidents, binned with cells of {@code cell} metres. */
    public static boolean isMember(IncidentIndex index, Group group, double cell, int row) {
        long k = key(cellOf(index.x(row), cell), cellOf(index.y(row), cell));
        for (long c : group.cells()) {
            if (c == k) {
                return true;
            }
        }
        return false;
    }

    /** The map extent of a group's cells: its members lie inside. */
    public static Envelope cellExtent(Group group, double cell) {
        Envelope env = new Envelope();
        for (long k : group.cells()) {
            long col = k >> 32;
            long row = (int) k;
            env.expandToInclude(col * cell, row * cell);
            env.expandToInclude((col + 1) * cell, (row + 1) * cell);
        }
        return env;
    }

    /** Calls {@code action} with every row of {@code group}, as {@link #cluster} with the same cell size binned it. */
    public static void forEachMember(IncidentIndex index, Group group, double cell, IntConsumer action) {
        for (long k : group.cells()) {
            long col = k >> 32;
            long row = (int) k;
            Envelope box = new Envelope(col * cell, (col + 1) * cell, row * cell, (row + 1) * cell);
            index.forEachWithin(box, r -> {
                if (cellOf(index.x(r), cell) == col && cellOf(index.y(r), cell) == row) {
                    action.accept(r);
                }
            });
        }
    }

    /** Index rows grouped by cell: the rows of run {@code i} are {@code rows[start[i]..start[i+1])}. */
    private record Bins(int runs, long[] keys, int[] start, int[] rows) {
    }

    /**
     * The rows of the frame grouped by cell: a counting sort over an array of the frame's cells when the
     * rows are many for the cells, else a sort of the rows themselves.
     */
    private static Bins bins(IncidentIndex index, Envelope area, double cell, long c0, long r0, long nc, long nr) {
        Gathered g = new Gathered();
        index.forEachWithin(area, row -> {
            long c = cellOf(index.x(row), cell) - c0;
            long r = cellOf(index.y(row), cell) - r0;
            if (c >= 0 && c < nc && r >= 0 && r < nr) {
                g.add(row, r * nc + c);
            }
        });
        if (nc * nr > DENSE_CELLS || (long) g.size * 16 < nc * nr) {
            return sortedRuns(g, c0, r0, nc);
        }
        int cells = (int) (nc * nr);
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

    /**
     * Few rows over many cells (a street view): each row's cell and its place in the gathered list are
     * packed into one long, and a primitive sort brings the rows of a cell together.
     */
    private static Bins sortedRuns(Gathered g, long c0, long r0, long nc) {
        long[] packed = new long[g.size];
        for (int k = 0; k < g.size; k++) {
            packed[k] = g.cells[k] << 24 | k;
        }
        Arrays.sort(packed);
        int[] rows = new int[g.size];
        long[] keys = new long[g.size];
        int[] runStart = new int[g.size + 1];
        int runs = 0;
        for (int k = 0; k < g.size; k++) {
            long local = packed[k] >>> 24;
            rows[k] = g.rows[(int) (packed[k] & 0xFF_FFFF)];
            if (k == 0 || local != packed[k - 1] >>> 24) {
                keys[runs] = key(c0 + local % nc, r0 + local / nc);
                runStart[runs++] = k;
            }
        }
        runStart[runs] = g.size;
        return new Bins(runs, keys, runStart, rows);
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
     * Largest first, each group absorbs the smaller groups whose centres are closer than {@code minDist}
     * to its own. A group's centre lies within a few cells of the cells it gathers, so only groups whose
     * home cell is within three cells of it are looked at. A centre moves when its group absorbs others,
     * so the groups that moved look again (and the larger of two groups that came too close absorbs the
     * other) until none moves.
     *
     * @param c0 first column of the frame's grid, {@code r0} its first row, {@code nc} x {@code nr} its
     *           size: home cells are found in an array over it when it is not too large
     */
    private static void mergeClose(List<Acc> groups, double minDist, long c0, long r0, long nc, long nr) {
        groups.sort(Comparator.comparingInt((Acc a) -> -a.count).thenComparingInt(a -> a.firstRow));
        HomeCells homes = new HomeCells(groups, c0, r0, nc, nr);
        double min2 = minDist * minDist;
        List<Acc> look = groups;
        for (int pass = 0; !look.isEmpty() && pass < 16; pass++) {
            List<Acc> moved = new ArrayList<>();
            for (Acc a : look) {
                if (!a.alive) {
                    continue;
                }
                long col = cellOf(a.cx(), minDist);
                long row = cellOf(a.cy(), minDist);
                for (long dc = -3; dc <= 3 && a.alive; dc++) {
                    for (long dr = -3; dr <= 3 && a.alive; dr++) {
                        int j = homes.at(col + dc, row + dr);
                        Acc b = j < 0 ? null : groups.get(j);
                        if (b == null || !b.alive || b == a) {
                            continue;
                        }
                        double dx = a.cx() - b.cx();
                        double dy = a.cy() - b.cy();
                        if (dx * dx + dy * dy < min2) {
                            Acc keeper = a.rank < b.rank ? a : b;
                            keeper.absorb(keeper == a ? b : a);
                            moved.add(keeper);
                        }
                    }
                }
            }
            look = moved;
        }
    }

    /** The group whose home is each cell: an array over the frame's grid, or a map for huge grids. */
    private static final class HomeCells {
        private static final long ARRAY_LIMIT = 4_000_000;
        private final long c0;
        private final long r0;
        private final long nc;
        private final long nr;
        private final int[] dense;
        private final Map<Long, Integer> sparse;

        HomeCells(List<Acc> groups, long c0, long r0, long nc, long nr) {
            this.c0 = c0;
            this.r0 = r0;
            this.nc = nc;
            this.nr = nr;
            if (nc * nr <= ARRAY_LIMIT) {
                dense = new int[(int) (nc * nr)];
                Arrays.fill(dense, -1);
                sparse = null;
            } else {
                dense = null;
                sparse = new HashMap<>(groups.size() * 2);
            }
            for (int i = 0; i < groups.size(); i++) {
                Acc a = groups.get(i);
                a.rank = i;
                long col = a.home >> 32;
                long row = (int) a.home;
                if (dense != null) {
                    dense[(int) ((row - r0) * nc + (col - c0))] = i;
                } else {
                    sparse.put(spread(a.home), i);
                }
            }
        }

        int at(long col, long row) {
            if (dense != null) {
                long c = col - c0;
                long r = row - r0;
                return c < 0 || c >= nc || r < 0 || r >= nr ? -1 : dense[(int) (r * nc + c)];
            }
            Integer i = sparse.get(spread(key(col, row)));
            return i == null ? -1 : i;
        }
    }

    /**
     * A cell key with its bits mixed (multiplying by an odd constant is one-to-one): {@link Long#hashCode}
     * of a plain key is column XOR row, the same for whole diagonals of cells, which piles a frame's
     * cells into a few hash buckets.
     */
    private static long spread(long key) {
        return key * 0x9E37_79B9_7F4A_7C15L;
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
