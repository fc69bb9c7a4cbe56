package kz.incidentmap.exchange;

import java.util.HashSet;
import java.util.Set;

/**
 * A set of record ids that stays small at a million: an id written as a UUID in lower case (as the app
 * writes them) is kept as its 128 bits in an open-addressing table (16 bytes, against about 100 for a
 * String in a HashSet); any other text is kept as it is. Ids are compared as text, as the store compares
 * them: "ABC…" and "abc…" are two ids.
 */
final class IdSet {

    private long[] table = new long[2 * 1024];
    private boolean[] used = new boolean[1024];
    private int size;
    private final Set<String> others = new HashSet<>();

    /** Adds the id; false when it was there already. */
    boolean add(String id) {
        if (!isLowerCaseUuid(id)) {
            return others.add(id);
        }
        long hi = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
        long lo = hex(id, 19, 23) << 48 | hex(id, 24, 36);
        if (size * 2 >= used.length) {
            grow();
        }
        return put(hi, lo);
    }

    int size() {
        return size + others.size();
    }

    private boolean put(long hi, long lo) {
        int mask = used.length - 1;
        int slot = (int) mix(hi ^ lo * 0x9E3779B97F4A7C15L) & mask;
        while (used[slot]) {
            if (table[2 * slot] == hi && table[2 * slot + 1] == lo) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        table[2 * slot] = hi;
        table[2 * slot + 1] = lo;
        size++;
        return true;
    }

    private void grow() {
        long[] oldTable = table;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int s = 0; s < oldUsed.length; s++) {
            if (oldUsed[s]) {
                put(oldTable[2 * s], oldTable[2 * s + 1]);
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    private static boolean isLowerCaseUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }
}
