package kz.incidentmap.layers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentPoints;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What drawing and clicking need of every incident, in a few flat arrays: position in map metres,
 * store row id, type, casualties and date. A million incidents take about 30 MB here, against
 * gigabytes as feature objects, and a frame or a click reads only the grid cells it covers.
 *
 * <p>Rows are ordered by a uniform grid over the incidents' extent, so that the rows of one cell are
 * contiguous. Immutable and thread-safe: an edit makes a new index ({@link #with}, {@link #without}),
 * which costs one pass over the arrays and leaves frames that are drawing from the old one alone.
 */
public final class IncidentIndex {

    /** Day number of an incident without a date. */
    public static final int NO_DATE = IncidentPoints.NO_DAY;
    /**
     * Bytes per incident in {@link #write}'s format: row id, x, y, type, casualties, day, then the row ids
     * sorted and the row of each, then the facts a filter reads (day span, four casualty figures,
     * sub-type, location precision).
     */
    private static final int ROW_BYTES = 8 + 8 + 8 + 1 + 4 + 4 + 8 + 4 + 8 + 16 + 1 + 1;
    /** A casualty figure no source gives. */
    public static final int NO_FIGURE = -1;

    /** Aim for about this many incidents per occupied cell when the data are spread out. */
    private static final int ROWS_PER_CELL = 8;
    private static final int MAX_CELLS_PER_SIDE = 1024;
    private static final IncidentType[] TYPES = IncidentType.values();
    /** Bits of a row number; with the row id they must fit in a long, which bounds both. */
    private static final int ROW_BITS = 24;
    /** Most incidents one index holds: 16.7 million. */
    public static final int MAX_SIZE = 1 << ROW_BITS;
    /** Row ids are below this (2^39, far beyond what a store's row counter reaches). */
    public static final long MAX_FID = 1L << (63 - ROW_BITS);

    /**
     * One incident as the index holds it.
     *
     * @param fid the store's row id
     * @param x easting in map metres
     * @param y northing in map metres
     * @param type its type
     * @param casualties killed plus wounded, the largest any source reports (0 when unknown)
     * @param epochDay the date as days since 1970-01-01, or {@link #NO_DATE}
     */
    public record Entry(long fid, double x, double y, IncidentType type, int casualties, int epochDay, Facts facts) {
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(facts, "facts");
            if (fid < 0 || fid >= MAX_FID) {
                throw new IllegalArgumentException("incident row id " + fid + " is outside 0.." + (MAX_FID - 1));
            }
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("incident " + fid + ": position must be finite, not " + x + ", " + y);
            }
        }

        /** An entry whose facts are only its day: no casualty figures, sub-type or location precision. */
        public Entry(long fid, double x, double y, IncidentType type, int casualties, int epochDay) {
            this(fid, x, y, type, casualties, epochDay, Facts.ofDay(epochDay));
        }

        /** Incident {@code i} at row {@code row}, or null when it has no position to draw. */
        public static Entry of(long row, Incident i, MapProjection projection) {
            if (!IncidentPoints.hasPosition(i)) {
                return null;
            }
            Coordinate c = projection.toMap(i.lon(), i.lat());
            return new Entry(row, c.x, c.y, i.type(), IncidentPoints.casualties(i),
                    i.date() == null ? NO_DATE : (int) i.date().toEpochDay(), Facts.of(i));
        }
    }

    /**
     * What a filter reads of an incident beyond its type and day.
     *
     * @param spanStart the first day its date may stand for ({@link DateSpan}), or {@link #NO_DATE}
     * @param spanEnd the last such day, or {@link #NO_DATE}
     * @param killedMin the fewest killed a source gives, or {@link #NO_FIGURE}
     * @param killedMax the most killed a source gives, or {@link #NO_FIGURE}
     * @param woundedMin the fewest wounded, or {@link #NO_FIGURE}
     * @param woundedMax the most wounded, or {@link #NO_FIGURE}
     * @param subType the sub-type's ordinal, or -1
     * @param locationPrecision the location precision's ordinal, or -1
     */
    public record Facts(int spanStart, int spanEnd, int killedMin, int killedMax, int woundedMin, int woundedMax,
            int subType, int locationPrecision) {

        /** A day known to the day, and nothing else. */
        public static Facts ofDay(int day) {
            return new Facts(day, day, NO_FIGURE, NO_FIGURE, NO_FIGURE, NO_FIGURE, -1, -1);
        }

        public static Facts of(Incident i) {
            DateSpan span = DateSpan.of(i);
            return new Facts(span == null ? NO_DATE : (int) span.firstDay(), span == null ? NO_DATE : (int) span.lastDay(),
                    i.minKilled().orElse(NO_FIGURE), i.maxKilled().orElse(NO_FIGURE),
                    i.minWounded().orElse(NO_FIGURE), i.maxWounded().orElse(NO_FIGURE),
                    i.subType() == null ? -1 : i.subType().ordinal(),
                    i.locationPrecision() == null ? -1 : i.locationPrecision().ordinal());
        }
    }

    private final long[] fids;
    private final double[] xs;
    private final double[] ys;
    private final byte[] types;
    private final int[] casualties;
    private final int[] days;
    /** Two per row: first and last day of the span. */
    private final int[] spans;
    /** Four per row: killed min, killed max, wounded min, wounded max. */
    private final int[] figures;
    private final byte[] subTypes;
    private final byte[] locations;
    /** Grid origin, cell size and shape; {@code cellStart[c]..cellStart[c+1]} are the rows of cell c. */
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    /** Row ids sorted, and the row each one is at, for finding a row by id. */
    private final long[] sortedFids;
    private final int[] rowOfSorted;

    /** The columns of an index before they are ordered by cell: {@code n} rows in arrays at least that long. */
    private record Columns(int n, long[] fids, double[] xs, double[] ys, byte[] types, int[] casualties, int[] days,
            int[] spans, int[] figures, byte[] subTypes, byte[] locations) {

        static Columns of(int capacity) {
            return new Columns(0, new long[capacity], new double[capacity], new double[capacity], new byte[capacity],
                    new int[capacity], new int[capacity], new int[2 * capacity], new int[4 * capacity],
                    new byte[capacity], new byte[capacity]);
        }

        Columns withSize(int size) {
            return new Columns(size, fids, xs, ys, types, casualties, days, spans, figures, subTypes, locations);
        }

        void setFacts(int i, Facts f) {
            spans[2 * i] = f.spanStart();
            spans[2 * i + 1] = f.spanEnd();
            figures[4 * i] = f.killedMin();
            figures[4 * i + 1] = f.killedMax();
            figures[4 * i + 2] = f.woundedMin();
            figures[4 * i + 3] = f.woundedMax();
            subTypes[i] = (byte) f.subType();
            locations[i] = (byte) f.locationPrecision();
        }

        void set(int i, Entry e) {
            fids[i] = e.fid();
            xs[i] = e.x();
            ys[i] = e.y();
            types[i] = (byte) e.type().ordinal();
            casualties[i] = Math.max(0, e.casualties());
            days[i] = e.epochDay();
            setFacts(i, e.facts());
        }
    }

    /** An index from its parts exactly as {@link #write} gave them (read back from the cache folder). */
    private IncidentIndex(long[] fids, double[] xs, double[] ys, byte[] types, int[] casualties, int[] days,
            int[] spans, int[] figures, byte[] subTypes, byte[] locations, double originX, double originY, double cellSize, int cols, int rows, int[] cellStart, long[] sortedFids,
            int[] rowOfSorted) {
        this.fids = fids;
        this.xs = xs;
        this.ys = ys;
        this.types = types;
        this.casualties = casualties;
        this.days = days;
        this.spans = spans;
        this.figures = figures;
        this.subTypes = subTypes;
        this.locations = locations;
        this.originX = originX;
        this.originY = originY;
        this.cellSize = cellSize;
        this.cols = cols;
        this.rows = rows;
        this.cellStart = cellStart;
        this.sortedFids = sortedFids;
        this.rowOfSorted = rowOfSorted;
    }

    /** Bytes {@link #write} takes: a header and, per incident, its columns and its place in the two orders. */
    long byteSize() {
        return 8L * 4 + 4 * 3 + (long) size() * ROW_BYTES + 4L * cellStart.length;
    }

    /** Writes the whole index, little-endian, for {@link #read}. */
    void write(ByteBuffer b) {
        int n = size();
        b.putInt(n).putInt(cols).putInt(rows).putDouble(originX).putDouble(originY).putDouble(cellSize).putDouble(0);
        b.asLongBuffer().put(fids);
        b.position(b.position() + 8 * n);
        b.asDoubleBuffer().put(xs);
        b.position(b.position() + 8 * n);
        b.asDoubleBuffer().put(ys);
        b.position(b.position() + 8 * n);
        b.put(types);
        b.asIntBuffer().put(casualties);
        b.position(b.position() + 4 * n);
        b.asIntBuffer().put(days);
        b.position(b.position() + 4 * n);
        b.asIntBuffer().put(cellStart);
        b.position(b.position() + 4 * cellStart.length);
        b.asLongBuffer().put(sortedFids);
        b.position(b.position() + 8 * n);
        b.asIntBuffer().put(rowOfSorted);
        b.position(b.position() + 4 * n);
        b.asIntBuffer().put(spans);
        b.position(b.position() + 8 * n);
        b.asIntBuffer().put(figures);
        b.position(b.position() + 16 * n);
        b.put(subTypes);
        b.put(locations);
    }

    /**
     * An index as {@link #write} wrote it; empty when the bytes do not hold one (a damaged file), as far
     * as sizes, type numbers and the cell table show.
     */
    static Optional<IncidentIndex> read(ByteBuffer b) {
        try {
            int n = b.getInt();
            int cols = b.getInt();
            int rows = b.getInt();
            double originX = b.getDouble();
            double originY = b.getDouble();
            double cellSize = b.getDouble();
            b.getDouble();
            if (n < 0 || n > MAX_SIZE || cols < 1 || rows < 1 || (long) cols * rows > (long) MAX_CELLS_PER_SIDE * MAX_CELLS_PER_SIDE * 2
                    || !(cellSize > 0) || b.remaining() != (long) n * ROW_BYTES + 4L * (cols * rows + 1)) {
                return Optional.empty();
            }
            long[] fids = new long[n];
            double[] xs = new double[n];
            double[] ys = new double[n];
            byte[] types = new byte[n];
            int[] casualties = new int[n];
            int[] days = new int[n];
            int[] cellStart = new int[cols * rows + 1];
            long[] sortedFids = new long[n];
            int[] rowOfSorted = new int[n];
            int[] spans = new int[2 * n];
            int[] figures = new int[4 * n];
            byte[] subTypes = new byte[n];
            byte[] locations = new byte[n];
            b.asLongBuffer().get(fids);
            b.position(b.position() + 8 * n);
            b.asDoubleBuffer().get(xs);
            b.position(b.position() + 8 * n);
            b.asDoubleBuffer().get(ys);
            b.position(b.position() + 8 * n);
            b.get(types);
            b.asIntBuffer().get(casualties);
            b.position(b.position() + 4 * n);
            b.asIntBuffer().get(days);
            b.position(b.position() + 4 * n);
            b.asIntBuffer().get(cellStart);
            b.position(b.position() + 4 * cellStart.length);
            b.asLongBuffer().get(sortedFids);
            b.position(b.position() + 8 * n);
            b.asIntBuffer().get(rowOfSorted);
            b.position(b.position() + 4 * n);
            b.asIntBuffer().get(spans);
            b.position(b.position() + 8 * n);
            b.asIntBuffer().get(figures);
            b.position(b.position() + 16 * n);
            b.get(subTypes);
            b.get(locations);
            for (byte t : types) {
                if (t < 0 || t >= TYPES.length) {
                    return Optional.empty();
                }
            }
            if (cellStart[0] != 0 || cellStart[cellStart.length - 1] != n) {
                return Optional.empty();
            }
            for (int c = 1; c < cellStart.length; c++) {
                if (cellStart[c] < cellStart[c - 1]) {
                    return Optional.empty();
                }
            }
            for (int r : rowOfSorted) {
                if (r < 0 || r >= n) {
                    return Optional.empty();
                }
            }
            return Optional.of(new IncidentIndex(fids, xs, ys, types, casualties, days, spans, figures, subTypes,
                    locations, originX, originY, cellSize, cols,
                    rows, cellStart, sortedFids, rowOfSorted));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private IncidentIndex(Columns in) {
        int n = in.n();
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException(n + " incidents: an index holds at most " + MAX_SIZE);
        }
        Envelope extent = new Envelope();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(in.xs()[i]) || !Double.isFinite(in.ys()[i])) {
                throw new IllegalArgumentException("incident " + in.fids()[i] + ": position must be finite, not "
                        + in.xs()[i] + ", " + in.ys()[i]);
            }
            extent.expandToInclude(in.xs()[i], in.ys()[i]);
        }
        double side = extent.isNull() ? 1 : Math.max(Math.max(extent.getWidth(), extent.getHeight()), 1);
        int perSide = (int) Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.ceil(Math.sqrt((double) n / ROWS_PER_CELL))));
        // A hair larger than the extent, so that the far edge falls inside the last cell.
        cellSize = side / perSide * (1 + 1e-9);
        originX = extent.isNull() ? 0 : extent.getMinX();
        originY = extent.isNull() ? 0 : extent.getMinY();
        cols = extent.isNull() ? 1 : Math.max(1, (int) Math.ceil(extent.getWidth() / cellSize));
        rows = extent.isNull() ? 1 : Math.max(1, (int) Math.ceil(extent.getHeight() / cellSize));

        // Counting sort by cell: count, prefix sums, place.
        int[] cellOf = new int[n];
        cellStart = new int[cols * rows + 1];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(col(in.xs()[i]), row(in.ys()[i]));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] next = Arrays.copyOf(cellStart, cols * rows);
        fids = new long[n];
        xs = new double[n];
        ys = new double[n];
        types = new byte[n];
        casualties = new int[n];
        days = new int[n];
        spans = new int[2 * n];
        figures = new int[4 * n];
        subTypes = new byte[n];
        locations = new byte[n];
        // Where each input row went; the store hands rows over in row-id order, which then needs no sort.
        int[] placed = cellOf;
        boolean ascending = true;
        for (int i = 0; i < n; i++) {
            int r = next[cellOf[i]]++;
            placed[i] = r;
            ascending &= i == 0 || in.fids()[i] > in.fids()[i - 1];
            fids[r] = in.fids()[i];
            xs[r] = in.xs()[i];
            ys[r] = in.ys()[i];
            types[r] = in.types()[i];
            casualties[r] = Math.max(0, in.casualties()[i]);
            days[r] = in.days()[i];
            System.arraycopy(in.spans(), 2 * i, spans, 2 * r, 2);
            System.arraycopy(in.figures(), 4 * i, figures, 4 * r, 4);
            subTypes[r] = in.subTypes()[i];
            locations[r] = in.locations()[i];
        }

        for (int i = 0; i < n; i++) {
            if (fids[i] < 0 || fids[i] >= MAX_FID) {
                throw new IllegalArgumentException("incident row id " + fids[i] + " is outside 0.." + (MAX_FID - 1));
            }
        }
        sortedFids = new long[n];
        rowOfSorted = new int[n];
        if (ascending) {
            System.arraycopy(in.fids(), 0, sortedFids, 0, n);
            System.arraycopy(placed, 0, rowOfSorted, 0, n);
            return;
        }
        // Row ids sorted with their rows: both packed into one long, so a primitive sort does it.
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = fids[i] << ROW_BITS | i;
        }
        Arrays.parallelSort(packed);
        for (int i = 0; i < n; i++) {
            sortedFids[i] = packed[i] >>> ROW_BITS;
            rowOfSorted[i] = (int) (packed[i] & ((1L << ROW_BITS) - 1));
            if (i > 0 && sortedFids[i] == sortedFids[i - 1]) {
                throw new IllegalArgumentException("incident " + sortedFids[i] + " appears twice");
            }
        }
    }

    /** An index of these incidents; row ids must be unique. */
    public static IncidentIndex of(List<Entry> entries) {
        Columns c = Columns.of(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            c.set(i, entries.get(i));
        }
        return new IncidentIndex(c.withSize(entries.size()));
    }

    /**
     * The index of the points a store holds, projected to map metres by {@code projection} in one batch.
     * Row ids are the store's.
     */
    public static IncidentIndex of(IncidentPoints points, MapProjection projection) {
        int n = points.size();
        double[] lonLat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            lonLat[2 * i] = points.lon(i);
            lonLat[2 * i + 1] = points.lat(i);
        }
        projection.toMap(lonLat, n);
        Columns c = Columns.of(n);
        for (int i = 0; i < n; i++) {
            c.fids()[i] = points.fid(i);
            c.xs()[i] = lonLat[2 * i];
            c.ys()[i] = lonLat[2 * i + 1];
            c.types()[i] = (byte) points.type(i).ordinal();
            c.casualties()[i] = points.casualties(i);
            c.days()[i] = points.day(i) == IncidentPoints.NO_DAY ? NO_DATE : points.day(i);
            c.setFacts(i, new Facts(orNoDate(points.spanStart(i)), orNoDate(points.spanEnd(i)), points.killedMin(i),
                    points.killedMax(i), points.woundedMin(i), points.woundedMax(i), points.subType(i),
                    points.locationPrecision(i)));
        }
        return new IncidentIndex(c.withSize(n));
    }

    private static int orNoDate(int day) {
        return day == IncidentPoints.NO_DAY ? NO_DATE : day;
    }

    /** The rows for which {@code keep} is true, as a new index (a date range, a type). */
    public IncidentIndex filtered(IntPredicate keep) {
        Columns c = Columns.of(size());
        int n = 0;
        // In row-id order, so that the new index finds its rows already sorted by id and skips that sort,
        // most of the cost of a new filter on a million incidents.
        for (int k = 0; k < size(); k++) {
            int row = rowOfSorted[k];
            if (keep.test(row)) {
                copyRow(row, c, n++);
            }
        }
        return new IncidentIndex(c.withSize(n));
    }

    private void copyRow(int row, Columns to, int at) {
        to.fids()[at] = fids[row];
        to.xs()[at] = xs[row];
        to.ys()[at] = ys[row];
        to.types()[at] = types[row];
        to.casualties()[at] = casualties[row];
        to.days()[at] = days[row];
        System.arraycopy(spans, 2 * row, to.spans(), 2 * at, 2);
        System.arraycopy(figures, 4 * row, to.figures(), 4 * at, 4);
        to.subTypes()[at] = subTypes[row];
        to.locations()[at] = locations[row];
    }

    /** The first and last day of the dated incidents, or null when none has a date. */
    public int[] dayRange() {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int d : days) {
            if (d != NO_DATE) {
                first = Math.min(first, d);
                last = Math.max(last, d);
            }
        }
        return first > last ? null : new int[] {first, last};
    }

    /**
     * What a style can read of a row — its type, its sub-type, its casualties and, with {@code withDay},
     * its day — packed in one number: rows with the same look are drawn alike, so a marker is worked out
     * once per look, not once per incident. Casualties are capped at a million (a marker's size stops
     * growing far below that).
     */
    public long look(int row, boolean withDay) {
        long casualty = Math.min(casualties[row], (1 << 20) - 1);
        long day = withDay ? days[row] & 0xFFFF_FFFFL : 0;
        return types[row] | (long) (subTypes[row] + 1) << 5 | casualty << 12 | day << 32;
    }

    /** The type's {@link IncidentType#ordinal()}, for loops that count by type without an enum lookup. */
    public int typeOrdinal(int row) {
        return types[row];
    }

    public int size() {
        return fids.length;
    }

    public long fid(int row) {
        return fids[row];
    }

    public double x(int row) {
        return xs[row];
    }

    public double y(int row) {
        return ys[row];
    }

    public IncidentType type(int row) {
        return TYPES[types[row]];
    }

    public int casualties(int row) {
        return casualties[row];
    }

    public int epochDay(int row) {
        return days[row];
    }

    public Entry entry(int row) {
        return new Entry(fids[row], xs[row], ys[row], type(row), casualties[row], days[row], facts(row));
    }

    /** What a filter reads of a row beyond its type and day. */
    public Facts facts(int row) {
        return new Facts(spans[2 * row], spans[2 * row + 1], figures[4 * row], figures[4 * row + 1],
                figures[4 * row + 2], figures[4 * row + 3], subTypes[row], locations[row]);
    }

    /** First day the row's date may stand for ({@link DateSpan}), or {@link #NO_DATE}. */
    public int spanStart(int row) {
        return spans[2 * row];
    }

    /** Last day the row's date may stand for, or {@link #NO_DATE}. */
    public int spanEnd(int row) {
        return spans[2 * row + 1];
    }

    /** Killed min, killed max, wounded min, wounded max ({@code which} 0..3), or {@link #NO_FIGURE}. */
    public int figure(int row, int which) {
        return figures[4 * row + which];
    }

    /** The sub-type's ordinal, or -1. */
    public int subTypeOrdinal(int row) {
        return subTypes[row];
    }

    /** The location precision's ordinal, or -1. */
    public int locationPrecisionOrdinal(int row) {
        return locations[row];
    }

    /** The row holding this incident, if the index has it. */
    public OptionalInt rowOf(long fid) {
        int i = Arrays.binarySearch(sortedFids, fid);
        return i >= 0 ? OptionalInt.of(rowOfSorted[i]) : OptionalInt.empty();
    }

    /** Calls {@code action} with every row whose position lies in {@code box} (edges included). */
    public void forEachWithin(Envelope box, IntConsumer action) {
        if (box.isNull() || fids.length == 0) {
            return;
        }
        int c0 = Math.max(0, col(box.getMinX()));
        int c1 = Math.min(cols - 1, col(box.getMaxX()));
        int r0 = Math.max(0, row(box.getMinY()));
        int r1 = Math.min(rows - 1, row(box.getMaxY()));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                // A cell wholly inside the box needs no test per row.
                boolean inside = c > c0 && c < c1 && r > r0 && r < r1;
                for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
                    if (inside || box.covers(xs[i], ys[i])) {
                        action.accept(i);
                    }
                }
            }
        }
    }

    /** A run of consecutive rows of one grid cell. */
    @FunctionalInterface
    public interface RunConsumer {
        /**
         * @param from the first row
         * @param to one past the last row
         * @param inside whether the whole cell lies in the box (else each row must be tested)
         */
        void accept(int from, int to, boolean inside);
    }

    /**
     * Calls {@code action} with the runs of rows of the grid cells {@code box} touches: a loop over a
     * million rows then reads the columns in order, with one call per cell instead of one per row.
     */
    public void forEachRun(Envelope box, RunConsumer action) {
        if (box.isNull() || fids.length == 0) {
            return;
        }
        int c0 = Math.max(0, col(box.getMinX()));
        int c1 = Math.min(cols - 1, col(box.getMaxX()));
        int r0 = Math.max(0, row(box.getMinY()));
        int r1 = Math.min(rows - 1, row(box.getMaxY()));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                if (cellStart[cell] < cellStart[cell + 1]) {
                    action.accept(cellStart[cell], cellStart[cell + 1], c > c0 && c < c1 && r > r0 && r < r1);
                }
            }
        }
    }

    /** Number of incidents in {@code box}. */
    public int countWithin(Envelope box) {
        int[] n = {0};
        forEachWithin(box, row -> n[0]++);
        return n[0];
    }

    /**
     * The incidents within {@code radius} metres of (x, y): how many there are, and the {@code limit}
     * nearest of them, nearest first (ties by row id). Only the nearest are sorted, so a click where
     * tens of thousands of incidents lie answers in a few milliseconds.
     */
    public Nearby nearby(double x, double y, double radius, int limit) {
        return nearby(x, y, radius, limit, row -> true);
    }

    /** {@link #nearby(double, double, double, int)} among the rows {@code wanted} accepts. */
    public Nearby nearby(double x, double y, double radius, int limit, IntPredicate wanted) {
        Envelope box = new Envelope(x - radius, x + radius, y - radius, y + radius);
        double r2 = radius * radius;
        NearestRows nearest = new NearestRows(Math.max(0, limit));
        int[] count = {0};
        forEachWithin(box, row -> {
            double dx = xs[row] - x;
            double dy = ys[row] - y;
            double d2 = dx * dx + dy * dy;
            if (d2 <= r2 && wanted.test(row)) {
                count[0]++;
                nearest.offer(d2, fids[row], row);
            }
        });
        return new Nearby(count[0], nearest.sorted());
    }

    /**
     * What lies near a point.
     *
     * @param count how many incidents lie within the radius
     * @param nearest rows of the nearest of them, nearest first
     */
    public record Nearby(int count, int[] nearest) {
    }

    /** A new index with this incident added, or replacing the one with the same row id. */
    public IncidentIndex with(Entry entry) {
        Columns c = except(entry.fid(), 1);
        c.set(c.n(), entry);
        return new IncidentIndex(c.withSize(c.n() + 1));
    }

    /**
     * A new index without the incident {@code removed} (a row id, or -1 for none) and with {@code added}
     * (or not, when null): an edit that moves or re-files an incident costs one pass, not two.
     */
    public IncidentIndex changed(long removed, Entry added) {
        if (added == null) {
            return removed < 0 ? this : without(removed);
        }
        // The added row id replaces any row it already has, as with(); the removed one goes too.
        Columns c = except(added.fid(), removed, 1);
        c.set(c.n(), added);
        return new IncidentIndex(c.withSize(c.n() + 1));
    }

    /** A new index without this incident (the same index if it is not there). */
    public IncidentIndex without(long fid) {
        return rowOf(fid).isPresent() ? new IncidentIndex(except(fid, 0)) : this;
    }

    /** Every row but {@code fid}'s, with room for {@code spare} more. */
    private Columns except(long fid, int spare) {
        return except(fid, fid, spare);
    }

    /** Every row but those of {@code fid} and {@code other}, with room for {@code spare} more. */
    private Columns except(long fid, long other, int spare) {
        Columns c = Columns.of(size() + spare);
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (fids[i] != fid && fids[i] != other) {
                copyRow(i, c, n++);
            }
        }
        return c.withSize(n);
    }

    private int col(double x) {
        return clampedIndex((x - originX) / cellSize, cols);
    }

    private int row(double y) {
        return clampedIndex((y - originY) / cellSize, rows);
    }

    /** Cell index along one axis; positions beyond the grid land one step outside it (-1 or n). */
    private static int clampedIndex(double cells, int n) {
        if (cells < 0) {
            return -1;
        }
        return cells >= n ? n : (int) cells;
    }

    private int cell(int col, int row) {
        return row * cols + col;
    }
}
