package kz.incidentmap.osm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The coordinates of every node of a file, kept off the Java heap: 16 bytes per node (id, then
 * longitude and latitude as 1e-7 degree integers) in a temporary file, written through a buffer and
 * read back in blocks of {@value #BLOCK} nodes into a cache of {@value #CACHED_BLOCKS} blocks (64 MiB of
 * heap). On the heap besides there is only a sparse index, the first id of each block (a whole-country
 * extract of 40 million nodes: 640 MB on disk, 2.5 MB of index).
 *
 * <p>The file is read with ordinary reads rather than mapped into memory: mapped, every page of it a
 * lookup touched counted as the process's own memory, and a 40-million-node import stood at 1.5 GB
 * resident; read, the pages stay in the operating system's cache, which lets them go as it needs.
 *
 * <p>Nodes arrive sorted by id, as every extract and the OSM API write them; a lookup is a binary search
 * of the sparse index and then of one cached block. Small files that are not sorted (hand-edited ones)
 * are sorted in memory when the first lookup comes.
 */
final class NodeCoordinates implements AutoCloseable {

    private static final int ENTRY = 16;
    /** Nodes per block: a read of 2 KiB brings the nodes of a street or two. */
    private static final int BLOCK = 128;
    private static final int CACHED_BLOCKS = 32 * 1024;
    private static final int WRITE_BUFFER = 1 << 20;
    /** Unsorted input up to this many nodes is sorted on the heap; beyond it the import refuses. */
    static final int MAX_UNSORTED = 2_000_000;

    private final Path tempFile;
    private final FileChannel channel;
    private final ByteBuffer writes = ByteBuffer.allocateDirect(WRITE_BUFFER).order(ByteOrder.nativeOrder());
    private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK * ENTRY).order(ByteOrder.nativeOrder());
    private long[] sparse = new long[1024];
    private long size;
    private long written;
    private long lastId = Long.MIN_VALUE;
    private boolean sorted = true;
    private long firstUnsorted;
    /** The cache, direct-mapped: block k sits in slot k % CACHED_BLOCKS, which {@link #slotBlock} names. */
    private long[] cachedIds;
    private int[] cachedLons;
    private int[] cachedLats;
    private int[] slotBlock;

    NodeCoordinates() throws IOException {
        tempFile = Files.createTempFile("kim-osm-nodes-", ".bin");
        channel = FileChannel.open(tempFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    void add(long id, double lon, double lat) throws IOException {
        if (cachedIds != null) {
            // A node after a lookup (a hand-edited file with nodes after ways): the next lookup starts over.
            cachedIds = null;
        }
        if (id <= lastId) {
            if (sorted) {
                firstUnsorted = id;
            }
            sorted = false;
        }
        lastId = Math.max(lastId, id);
        if (!writes.hasRemaining()) {
            flush();
        }
        writes.putLong(id);
        writes.putInt((int) Math.round(lon * 1e7));
        writes.putInt((int) Math.round(lat * 1e7));
        if (size % BLOCK == 0) {
            int k = (int) (size / BLOCK);
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
        try {
            if (cachedIds == null) {
                startReading();
            }
            int blocks = (int) ((size + BLOCK - 1) / BLOCK);
            int k = Arrays.binarySearch(sparse, 0, blocks, id);
            if (k < 0) {
                k = -k - 2;
            }
            if (k < 0) {
                return false;
            }
            int slot = k % CACHED_BLOCKS;
            if (slotBlock[slot] != k) {
                load(k, slot);
            }
            int from = slot * BLOCK;
            int n = (int) Math.min(BLOCK, size - (long) k * BLOCK);
            int at = Arrays.binarySearch(cachedIds, from, from + n, id);
            if (at < 0) {
                return false;
            }
            out[0] = cachedLons[at] / 1e7;
            out[1] = cachedLats[at] / 1e7;
            return true;
        } catch (IOException e) {
            throw new OsmFormatException("cannot read back the node coordinates kept in " + tempFile + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first lookup: everything written goes to the file (sorted first if need be), the cache is made. */
    private void startReading() throws IOException, OsmFormatException {
        flush();
        if (!sorted) {
            sortInPlace();
        }
        int slots = (int) Math.min(CACHED_BLOCKS, (size + BLOCK - 1) / BLOCK);
        cachedIds = new long[Math.max(1, slots) * BLOCK];
        cachedLons = new int[cachedIds.length];
        cachedLats = new int[cachedIds.length];
        slotBlock = new int[CACHED_BLOCKS];
        Arrays.fill(slotBlock, -1);
    }

    private void load(int k, int slot) throws IOException {
        block.clear();
        long n = Math.min(BLOCK, size - (long) k * BLOCK);
        block.limit((int) n * ENTRY);
        long position = (long) k * BLOCK * ENTRY;
        while (block.hasRemaining()) {
            if (channel.read(block, position + block.position()) < 0) {
                throw new IOException("the file ends before node " + ((long) k * BLOCK + block.position() / ENTRY));
            }
        }
        block.flip();
        int base = slot * BLOCK;
        for (int i = 0; i < n; i++) {
            cachedIds[base + i] = block.getLong();
            cachedLons[base + i] = block.getInt();
            cachedLats[base + i] = block.getInt();
        }
        slotBlock[slot] = k;
    }

    private void flush() throws IOException {
        writes.flip();
        while (writes.hasRemaining()) {
            written += channel.write(writes, written);
        }
        writes.clear();
    }

    private void sortInPlace() throws IOException, OsmFormatException {
        if (size > MAX_UNSORTED) {
            throw new OsmFormatException("nodes are not sorted by id (node " + firstUnsorted + " comes after a higher id)"
                    + " and there are too many (" + size + ") to sort in memory; sort the file first, for example"
                    + " with 'osmium sort'");
        }
        int n = (int) size;
        ByteBuffer all = ByteBuffer.allocate(n * ENTRY).order(ByteOrder.nativeOrder());
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read until full
        }
        all.flip();
        long[] ids = new long[n];
        int[] lons = new int[n];
        int[] lats = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            ids[i] = all.getLong();
            lons[i] = all.getInt();
            lats[i] = all.getInt();
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Long.compare(ids[a], ids[c]));
        all.clear();
        for (int i = 0; i < n; i++) {
            all.putLong(ids[order[i]]);
            all.putInt(lons[order[i]]);
            all.putInt(lats[order[i]]);
            if (i % BLOCK == 0) {
                sparse[i / BLOCK] = ids[order[i]];
            }
        }
        all.flip();
        while (all.hasRemaining()) {
            channel.write(all, all.position());
        }
        sorted = true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(tempFile);
    }
}
