package kz.incidentmap.osm;

import java.util.Arrays;

/** A growable list of primitive longs (node references, member ids) without boxing. */
final class LongList {

    private long[] values = new long[16];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The values sorted and without repeats, for binary search. */
    long[] toSortedSet() {
        long[] a = toArray();
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }
}
