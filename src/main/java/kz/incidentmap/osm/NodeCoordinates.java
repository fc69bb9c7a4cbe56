package kz.incidentmap.osm;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The coordinates of every node of a file, kept off the Java heap: 16 bytes per node (id, then
 * longitude and latitude as 1e-7 degree integers) in a temporary file mapped into memory in 64 MiB
 * segments, so that the operating system pages them in and out as needed. On the heap there is only
 * a sparse index, one id per {@value #SPARSE_STEP} nodes (a whole-country extract of 40 million nodes:
 * 640 MB on disk, 1.25 MB of heap).
 *
 * <p>Nodes arrive sorted by id, as every extract and the OSM API write them; lookups are a binary
 * search of the sparse index and then of one small stretch of the file. Small files that are not
 * sorted (hand-edited ones) are sorted in memory when the first lookup comes.
 */
final class NodeCoordinates implements AutoCloseable {

    private static final int ENTRY = 16;
    private static final int PER_SEGMENT = 4 * 1024 * 1024;
    private static final int SPARSE_STEP = 512;
    /** Unsorted input up to this many nodes is sorted on the heap; beyond it the import refuses. */
    static final int MAX_UNSORTED = 2_000_000;

    private final Path tempFile;
    private final FileChannel channel;
    private final List<MappedByteBuffer> segments = new ArrayList<>();
    private long[] sparse = new long[1024];
    private long size;
    private long lastId = Long.MIN_VALUE;
    private boolean sorted = true;
    private long firstUnsorted;

    NodeCoordinates() throws IOException {
        tempFile = Files.createTempFile("kim-osm-nodes-", ".bin");
        channel = FileChannel.open(tempFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    void add(long id, double lon, double lat) throws IOException {
        if (id <= lastId) {
            if (sorted) {
                firstUnsorted = id;
            }
            sorted = false;
        }
        lastId = Math.max(lastId, id);
        int seg = (int) (size / PER_SEGMENT);
        if (seg == segments.size()) {
            MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_WRITE, (long) seg * PER_SEGMENT * ENTRY,
                    (long) PER_SEGMENT * ENTRY);
            b.order(ByteOrder.nativeOrder());
            segments.add(b);
        }
        int at = (int) (size % PER_SEGMENT) * ENTRY;
        MappedByteBuffer b = segments.get(seg);
        b.putLong(at, id);
        b.putInt(at + 8, (int) Math.round(lon * 1e7));
        b.putInt(at + 12, (int) Math.round(lat * 1e7));
        if (size % SPARSE_STEP == 0) {
            int k = (int) (size / SPARSE_STEP);
            if (k == sparse.length) {
                sparse = Arrays.copyOf(sparse, k * 2);
            }
            sparse[k] = id;
        }
        size++;
    }

    long size() {
        return size;
    }

    /**
     * The coordinates {lon, lat} of node {@code id} written into {@code out}; false when the file has no
     * such node.
     */
    boolean find(long id, double[] out) throws OsmFormatException {
        if (!sorted) {
            sortInPlace();
        }
        int blocks = (int) ((size + SPARSE_STEP - 1) / SPARSE_STEP);
        int k = Arrays.binarySearch(sparse, 0, blocks, id);
        if (k < 0) {
            k = -k - 2;
        }
        if (k < 0) {
            return false;
        }
        long lo = (long) k * SPARSE_STEP;
        long hi = Math.min(size, lo + SPARSE_STEP) - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = idAt(mid);
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                MappedByteBuffer b = segments.get((int) (mid / PER_SEGMENT));
                int at = (int) (mid % PER_SEGMENT) * ENTRY;
                out[0] = b.getInt(at + 8) / 1e7;
                out[1] = b.getInt(at + 12) / 1e7;
                return true;
            }
        }
        return false;
    }

    private long idAt(long i) {
        return segments.get((int) (i / PER_SEGMENT)).getLong((int) (i % PER_SEGMENT) * ENTRY);
    }

    private void sortInPlace() throws OsmFormatException {
        if (size > MAX_UNSORTED) {
            throw new OsmFormatException("nodes are not sorted by id (node " + firstUnsorted + " comes after a higher id)"
                    + " and there are too many (" + size + ") to sort in memory; sort the file first, for example"
                    + " with 'osmium sort'");
        }
        int n = (int) size;
        long[] ids = new long[n];
        int[] lons = new int[n];
        int[] lats = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            MappedByteBuffer b = segments.get(i / PER_SEGMENT);
            int at = (i % PER_SEGMENT) * ENTRY;
            ids[i] = b.getLong(at);
            lons[i] = b.getInt(at + 8);
            lats[i] = b.getInt(at + 12);
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Long.compare(ids[a], ids[c]));
        for (int i = 0; i < n; i++) {
            MappedByteBuffer b = segments.get(i / PER_SEGMENT);
            int at = (i % PER_SEGMENT) * ENTRY;
            b.putLong(at, ids[order[i]]);
            b.putInt(at + 8, lons[order[i]]);
            b.putInt(at + 12, lats[order[i]]);
            if (i % SPARSE_STEP == 0) {
                sparse[i / SPARSE_STEP] = ids[order[i]];
            }
        }
        sorted = true;
    }

    @Override
    public void close() throws IOException {
        segments.clear();
        channel.close();
        Files.deleteIfExists(tempFile);
    }
}
