package kz.incidentmap.osm;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Finds an element that appears twice in a file (two extracts put together, a history file), which
 * would otherwise reach the store as two features with one id. In a file sorted by id, as extracts and
 * the OpenStreetMap API write them, the copies of an element come one after the other: the first
 * reading sees them at the cost of a comparison. Only for a kind of element whose ids come out of order
 * are the ids collected, in one more reading of the ids alone, and sorted. The copies found are then
 * located by reading the file up to the second of them, so that the message names both places.
 */
final class DuplicateElements {

    /** An element found twice. */
    record Duplicate(char type, long id) {
    }

    private static final String TYPES = "nwr";
    private static final String[] NAMES = {"node", "way", "relation"};

    private final long[] last = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    private final boolean[] unsorted = new boolean[3];
    private Duplicate found;

    /** Takes note of one element; called for every element in file order during one reading. */
    void see(char type, long id) {
        int k = TYPES.indexOf(type);
        if (id == last[k] && found == null) {
            found = new Duplicate(type, id);
        } else if (id < last[k]) {
            unsorted[k] = true;
        }
        last[k] = id;
    }

    /**
     * After a reading that saw every element: the first element found twice, or null. Reads the ids of
     * the file once more if some kind of element came out of order.
     */
    Duplicate find(OsmFileReader reader, LongConsumer bytesRead) throws IOException {
        if (found != null || !(unsorted[0] || unsorted[1] || unsorted[2])) {
            return found;
        }
        LongList[] ids = {new LongList(), new LongList(), new LongList()};
        reader.read(new OsmHandler() {
            @Override
            public boolean relationsOnly() {
                return true; // ids are all this reading needs
            }

            @Override
            public void element(char type, long id) {
                int k = TYPES.indexOf(type);
                if (unsorted[k]) {
                    ids[k].add(id);
                }
            }
        }, bytesRead);
        for (int k = 0; k < 3; k++) {
            long[] sorted = ids[k].toArray();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return new Duplicate(TYPES.charAt(k), sorted[i]);
                }
            }
        }
        return null;
    }

    /** The error for {@code d}, naming the file, the element and where its first two copies are. */
    static OsmFormatException error(OsmFileReader reader, Duplicate d) throws IOException {
        String[] places = new String[2];
        try {
            reader.read(new OsmHandler() {
                private int seen;

                @Override
                public boolean relationsOnly() {
                    return true;
                }

                @Override
                public void element(char type, long id) {
                    if (type == d.type() && id == d.id()) {
                        places[seen++] = reader.place();
                        if (seen == 2) {
                            throw new Located();
                        }
                    }
                }
            }, bytes -> { });
        } catch (Located e) {
            // both copies found; the rest of the file is not read
        }
        String name = NAMES[TYPES.indexOf(d.type())];
        // Two copies in one PBF block share its place.
        String where = places[0].equals(places[1]) ? "both in " + places[0] : "at " + places[0] + " and at " + places[1];
        return new OsmFormatException(reader.file + ": " + name + " " + d.id() + " appears twice in the file, " + where
                + "; an extract holds each element once (join overlapping extracts with 'osmium merge', not by"
                + " putting one after the other)");
    }

    /** Ends the reading that looks for the copies once both are found. */
    private static final class Located extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Located() {
            super(null, null, false, false);
        }
    }
}
