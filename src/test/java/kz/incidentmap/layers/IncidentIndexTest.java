package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class IncidentIndexTest {

    /** Points in a few tight clusters plus a thin spread, like incidents around cities. */
    private static List<IncidentIndex.Entry> clustered(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] centres = {{0, 0}, {50_000, 20_000}, {-800_000, 400_000}};
        List<IncidentIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            if (rnd.nextInt(10) == 0) {
                x = rnd.nextDouble() * 2_000_000 - 1_000_000;
                y = rnd.nextDouble() * 1_000_000 - 500_000;
            } else {
                double[] c = centres[rnd.nextInt(centres.length)];
                x = c[0] + rnd.nextGaussian() * 3_000;
                y = c[1] + rnd.nextGaussian() * 3_000;
            }
            IncidentType type = IncidentType.values()[rnd.nextInt(IncidentType.values().length)];
            entries.add(new IncidentIndex.Entry(1000 + i, x, y, type, rnd.nextInt(5), 15_000 + rnd.nextInt(9000)));
        }
        return entries;
    }

    private static long bruteCount(List<IncidentIndex.Entry> entries, Envelope box) {
        return entries.stream().filter(e -> box.covers(e.x(), e.y())).count();
    }

    @Test
    void countsInABoxAgreeWithAPlainScan() {
        List<IncidentIndex.Entry> entries = clustered(20_000, 1);
        IncidentIndex index = IncidentIndex.of(entries);
        Random rnd = new Random(2);
        for (int k = 0; k < 200; k++) {
            double x = rnd.nextDouble() * 2_400_000 - 1_200_000;
            double y = rnd.nextDouble() * 1_200_000 - 600_000;
            double w = Math.pow(10, 2 + rnd.nextDouble() * 4);
            Envelope box = new Envelope(x, x + w, y, y + w * 0.6);
            assertEquals(bruteCount(entries, box), index.countWithin(box), "box " + box);
        }
        Envelope all = new Envelope(-1e7, 1e7, -1e7, 1e7);
        assertEquals(entries.size(), index.countWithin(all));
    }

    @Test
    void aFilteredIndexHoldsExactlyTheRowsKeptEachFoundByIdAndInItsBox() {
        List<IncidentIndex.Entry> entries = clustered(20_000, 7);
        IncidentIndex index = IncidentIndex.of(entries);
        IncidentIndex kept = index.filtered(row -> index.epochDay(row) % 3 == 0);
        List<IncidentIndex.Entry> expected = entries.stream().filter(e -> e.epochDay() % 3 == 0).toList();
        assertEquals(expected.size(), kept.size());
        for (IncidentIndex.Entry e : expected) {
            int row = kept.rowOf(e.fid()).orElseThrow();
            assertEquals(e.x(), kept.x(row));
            assertEquals(e.epochDay(), kept.epochDay(row));
        }
        Envelope box = new Envelope(-2_000, 30_000, -5_000, 25_000);
        assertEquals(expected.stream().filter(e -> box.contains(e.x(), e.y())).count(), kept.countWithin(box));
        assertTrue(kept.rowOf(entries.stream().filter(e -> e.epochDay() % 3 != 0).findFirst().orElseThrow().fid())
                .isEmpty(), "a row left out is not found");
    }

    @Test
    void aBoxCountsPointsOnItsEdges() {
        IncidentIndex index = IncidentIndex.of(List.of(
                new IncidentIndex.Entry(1, 0, 0, IncidentType.EXPLOSION, 1, 0),
                new IncidentIndex.Entry(2, 100, 50, IncidentType.EXPLOSION, 1, 0)));
        assertEquals(2, index.countWithin(new Envelope(0, 100, 0, 50)));
        assertEquals(1, index.countWithin(new Envelope(0, 99.999, 0, 50)));
    }

    @Test
    void theNearestWithinARadiusAndTheirCountAgreeWithAPlainScan() {
        List<IncidentIndex.Entry> entries = clustered(5_000, 3);
        IncidentIndex index = IncidentIndex.of(entries);
        double x = 100;
        double y = -50;
        double radius = 1_500;
        IncidentIndex.Nearby nearby = index.nearby(x, y, radius, 25);
        long[] expected = entries.stream()
                .filter(e -> Math.hypot(e.x() - x, e.y() - y) <= radius)
                .sorted(Comparator.comparingDouble((IncidentIndex.Entry e) -> Math.hypot(e.x() - x, e.y() - y))
                        .thenComparingLong(IncidentIndex.Entry::fid))
                .mapToLong(IncidentIndex.Entry::fid).toArray();
        assertTrue(expected.length > 100, "the test needs a dense spot");
        assertEquals(expected.length, nearby.count());
        long[] actual = new long[nearby.nearest().length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = index.fid(nearby.nearest()[i]);
        }
        assertArrayEquals(Arrays.copyOf(expected, 25), actual);
        assertEquals(expected.length, index.nearby(x, y, radius, 1_000_000).nearest().length);
    }

    @Test
    void everyColumnOfARowComesBackAsItWentIn() {
        IncidentIndex.Entry e = new IncidentIndex.Entry(42, 123.5, -77.25, IncidentType.SUICIDE_BOMBING, 7, 15_290);
        IncidentIndex index = IncidentIndex.of(List.of(e));
        int row = index.rowOf(42).orElseThrow();
        assertEquals(e, index.entry(row));
        assertFalse(index.rowOf(43).isPresent());
    }

    @Test
    void anAddedIncidentIsFoundAtOnceAndAMovedOneOnlyAtItsNewPlace() {
        IncidentIndex index = IncidentIndex.of(clustered(1_000, 4));
        Envelope far = new Envelope(5_000_000, 5_000_010, 5_000_000, 5_000_010);
        assertEquals(0, index.countWithin(far));

        IncidentIndex added = index.with(new IncidentIndex.Entry(1, 5_000_005, 5_000_005, IncidentType.THREAT, 0, 0));
        assertEquals(1_001, added.size());
        assertEquals(1, added.countWithin(far));
        assertEquals(0, index.countWithin(far), "the old index is unchanged");

        IncidentIndex moved = added.with(new IncidentIndex.Entry(1, 0, 0, IncidentType.THREAT, 0, 0));
        assertEquals(1_001, moved.size());
        assertEquals(0, moved.countWithin(far));
        assertEquals(0, moved.x(moved.rowOf(1).orElseThrow()));

        IncidentIndex removed = moved.without(1);
        assertEquals(1_000, removed.size());
        assertFalse(removed.rowOf(1).isPresent());
        assertSame(removed, removed.without(1));
    }

    @Test
    void anEmptyIndexAnswersEveryQuery() {
        IncidentIndex index = IncidentIndex.of(List.of());
        assertEquals(0, index.size());
        assertEquals(0, index.countWithin(new Envelope(-1, 1, -1, 1)));
        assertEquals(0, index.nearby(0, 0, 10, 5).count());
        assertEquals(1, index.with(new IncidentIndex.Entry(9, 3, 4, IncidentType.CLAIM, 0, 0)).size());
    }

    @Test
    void refusesTwoIncidentsWithOneIdAndPositionsThatAreNotNumbers() {
        IncidentIndex.Entry a = new IncidentIndex.Entry(5, 0, 0, IncidentType.CLAIM, 0, 0);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> IncidentIndex.of(List.of(a, a)));
        assertTrue(twice.getMessage().contains("5"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new IncidentIndex.Entry(6, Double.NaN, 0, IncidentType.CLAIM, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new IncidentIndex.Entry(-1, 0, 0, IncidentType.CLAIM, 0, 0));
    }

    @Test
    void aChangeRemovesOneRowAndAddsAnotherInOnePass() {
        List<IncidentIndex.Entry> entries = clustered(2_000, 5);
        IncidentIndex index = IncidentIndex.of(entries);
        IncidentIndex.Entry first = entries.get(0);
        IncidentIndex.Entry moved = new IncidentIndex.Entry(first.fid(), 123_456, -7_000, IncidentType.EXPLOSION, 9, 20_000);
        IncidentIndex updated = index.changed(first.fid(), moved);
        assertEquals(index.size(), updated.size(), "an update keeps the count");
        assertEquals(moved, updated.entry(updated.rowOf(first.fid()).orElseThrow()));
        IncidentIndex.Entry readded = new IncidentIndex.Entry(9_999_999, first.x(), first.y(), first.type(), 1, 1);
        IncidentIndex undone = updated.changed(first.fid(), readded);
        assertEquals(index.size(), undone.size());
        assertTrue(undone.rowOf(first.fid()).isEmpty(), "the old row id is gone");
        assertEquals(readded, undone.entry(undone.rowOf(9_999_999).orElseThrow()));
        assertEquals(index.size() - 1, undone.changed(9_999_999, null).size(), "a deletion");
        assertEquals(index.size() + 1, index.changed(-1, readded).size(), "an addition");
        assertEquals(1, undone.countWithin(new org.locationtech.jts.geom.Envelope(first.x(), first.x(), first.y(), first.y()))
                - (int) entries.stream().filter(e -> e != first && e.x() == first.x() && e.y() == first.y()).count(),
                "found at its place at once");
    }
}
