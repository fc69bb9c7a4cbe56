package kz.incidentmap.filter;

import java.util.BitSet;
import java.util.function.IntPredicate;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The rows of an {@link IncidentIndex} that pass a filter: what the map draws, clusters and hits when a
 * filter is set. The parts the index holds are tested on its columns, a million rows in a few
 * milliseconds; the parts that need the full records come from one scan of them ({@link RecordMatches}).
 * Immutable once made; made off the JavaFX thread.
 */
public final class RowMask implements IntPredicate {

    /** Map metres added around an area's projected box, so that no row on its curved edge is missed. */
    private static final double AREA_MARGIN_M = 1_000;

    private final BitSet rows;
    private final int size;

    private RowMask(BitSet rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    /**
     * The rows of {@code index} that pass {@code filter}. {@code records} must answer the filter's
     * record parts ({@link RecordMatches#answers}) when it has any; it is not read otherwise.
     */
    public static RowMask of(IncidentFilter filter, IncidentIndex index, RecordMatches records,
            MapProjection projection) {
        int n = index.size();
        BitSet keep = new BitSet(n);
        IncidentFilter facts = filter.indexedPart().toBuilder().area(null).build();
        FactTest test = facts.isEmpty() ? null : new FactTest(facts);
        if (filter.area() == null) {
            if (test == null) {
                keep.set(0, n);
            } else {
                // Bits set one by one as rows pass: clearing them one by one costs a scan of the words each time.
                for (int row = 0; row < n; row++) {
                    if (passes(test, index, row)) {
                        keep.set(row);
                    }
                }
            }
        } else {
            keepInArea(filter.area(), index, projection, keep);
            if (test != null) {
                for (int row = keep.nextSetBit(0); row >= 0; row = keep.nextSetBit(row + 1)) {
                    if (!passes(test, index, row)) {
                        keep.clear(row);
                    }
                }
            }
        }
        if (filter.needsRecords()) {
            if (records == null || !records.answers(filter)) {
                throw new IllegalArgumentException("the filter's text, names, sources, tags or expression need the"
                        + " records scanned for it");
            }
            for (int row = keep.nextSetBit(0); row >= 0; row = keep.nextSetBit(row + 1)) {
                if (!records.contains(index.fid(row))) {
                    keep.clear(row);
                }
            }
        }
        return new RowMask(keep, n);
    }

    private static boolean passes(FactTest f, IncidentIndex index, int row) {
        int first = index.spanStart(row);
        boolean dated = first != IncidentIndex.NO_DATE;
        return f.passes(index.typeOrdinal(row), index.subTypeOrdinal(row),
                dated ? first : FactTest.UNDATED, dated ? index.spanEnd(row) : FactTest.UNDATED,
                index.figure(row, 0), index.figure(row, 1), index.figure(row, 2), index.figure(row, 3),
                index.locationPrecisionOrdinal(row));
    }

    /** Sets the rows whose position, back in longitude/latitude, lies in {@code area}. */
    private static void keepInArea(Area area, IncidentIndex index, MapProjection projection, BitSet keep) {
        Envelope box = projection.toMap(area.bounds());
        box.expandBy(AREA_MARGIN_M);
        index.forEachWithin(box, row -> {
            Coordinate lonLat = projection.toLonLat(index.x(row), index.y(row));
            if (area.contains(lonLat.x, lonLat.y)) {
                keep.set(row);
            }
        });
    }

    /** Whether row {@code row} passes. */
    @Override
    public boolean test(int row) {
        return rows.get(row);
    }

    /** How many rows pass. */
    public int count() {
        return rows.cardinality();
    }

    /** How many rows the index has. */
    public int size() {
        return size;
    }
}
