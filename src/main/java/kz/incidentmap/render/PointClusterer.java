package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Screen-space grid clustering: points that fall in the same grid cell of {@code cellPx} pixels are
 * merged, then clusters whose centres are still closer than a cell are merged too (largest first), so
 * no two symbols on the frame sit on top of each other. The grid is anchored to map coordinates, not
 * to the frame, so panning does not reshuffle the clusters.
 *
 * <p>GeoTools' {@code PointStackerProcess} does the same gridding but returns only a count and an
 * envelope per stack; a click on a cluster must list its incidents, so the members are kept here.
 */
final class PointClusterer {

    /** A point to cluster: its map position and an index into the caller's list. */
    record Item(double x, double y, int index) {
    }

    /** A group of items: the mean position of its members and their indexes, in input order. */
    record Group(Coordinate centre, List<Integer> members) {
    }

    private PointClusterer() {
    }

    static List<Group> cluster(List<Item> items, double metresPerPixel, double cellPx) {
        double cell = metresPerPixel * cellPx;
        Map<Long, List<Item>> cells = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (Item it : items) {
            long key = (long) Math.floor(it.x() / cell) * 4_000_003L + (long) Math.floor(it.y() / cell);
            cells.computeIfAbsent(key, k -> {
                keys.add(k);
                return new ArrayList<>();
            }).add(it);
        }
        List<Acc> groups = new ArrayList<>();
        for (Long k : keys) {
            Acc a = new Acc();
            cells.get(k).forEach(a::add);
            groups.add(a);
        }
        mergeClose(groups, cell);
        return groups.stream().map(Acc::group).sorted(Comparator.comparingInt(g -> g.members().get(0))).toList();
    }

    /**
     * One pass, largest first: each group absorbs the later ones whose centres are closer than
     * {@code minDist} to its own. Groups number at most the grid cells on the frame (about a thousand).
     */
    private static void mergeClose(List<Acc> groups, double minDist) {
        groups.sort(Comparator.comparingInt((Acc a) -> -a.members.size()).thenComparingInt(a -> a.members.get(0)));
        for (int i = 0; i < groups.size(); i++) {
            Acc a = groups.get(i);
            for (int j = groups.size() - 1; j > i; j--) {
                Acc b = groups.get(j);
                if (Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) < minDist) {
                    a.absorb(b);
                    groups.remove(j);
                }
            }
        }
    }

    private static final class Acc {
        private double sx;
        private double sy;
        private final List<Integer> members = new ArrayList<>();

        void add(Item it) {
            sx += it.x();
            sy += it.y();
            members.add(it.index());
        }

        void absorb(Acc other) {
            sx += other.sx;
            sy += other.sy;
            members.addAll(other.members);
        }

        double cx() {
            return sx / members.size();
        }

        double cy() {
            return sy / members.size();
        }

        /** Sorted once here, not on every merge: a group may absorb many others. */
        Group group() {
            members.sort(Integer::compare);
            return new Group(new Coordinate(cx(), cy()), List.copyOf(members));
        }
    }
}
