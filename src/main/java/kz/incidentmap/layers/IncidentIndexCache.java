package kz.incidentmap.layers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.store.CacheFolder;
import kz.incidentmap.store.StoreStamp;

/**
 * A copy of a large store's {@link IncidentIndex}, as built, in the user's cache folder: opening the
 * store again reads one file of flat arrays (about a tenth of a second for a million incidents) instead
 * of a million rows through JDBC, a million projections and a sort. The copy is used only while the
 * store file is exactly as it was when the copy was made ({@link StoreStamp}) and the map projection is
 * the same; anything else means the store is read again.
 *
 * <p>Writing the copy is best effort, on a background thread; a missing, unreadable or damaged copy is
 * simply made again. It holds positions, types, days and casualty figures — never the only copy of
 * anything.
 */
final class IncidentIndexCache {

    /** "KZI2": version 2 added the facts a filter reads (day spans, casualty figures, sub-type, location precision). */
    private static final int MAGIC = 0x4B5A4932;
    private static final int HEADER = 4 + 8 + 8 + 8 + 8;
    /** Smaller stores are read from the file in a moment; they get no copy. */
    static final int MIN_SIZE = 10_000;
    /** The projection the copy's coordinates are in, as a number: a change of projection ignores old copies. */
    private static final long PROJECTION = MapProjection.WKT.hashCode();

    /** How long, at most, the end of the process waits for copies still being written. */
    private static final long FINISH_MS = 5_000;
    /**
     * The copies kept: the most recently used, up to this many and this many bytes in all (a million
     * incidents make 45 MB). Without a bound every store ever opened, deleted ones too, kept its copy.
     */
    static final int KEEP_COPIES = 8;
    static final long KEEP_BYTES = 1L << 30;

    private IncidentIndexCache() {
    }

    /** The cached index of {@code db} if it was made from the file as it is ({@code now}). */
    static Optional<IncidentIndex> read(Path db, StoreStamp now) {
        Path file = fileFor(db);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"); FileChannel ch = raf.getChannel()) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.size() < HEADER || b.getInt() != MAGIC || b.getLong() != PROJECTION
                    || b.getLong() != now.changeCounter() || b.getLong() != now.size() || b.getLong() != now.modified()) {
                return Optional.empty();
            }
            Optional<IncidentIndex> index = IncidentIndex.read(b.slice().order(ByteOrder.LITTLE_ENDIAN));
            if (index.isPresent()) {
                markUsed(file);
            }
            return index;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The copy's modification time is when it was last used: what {@link #prune} keeps the newest of. */
    private static void markUsed(Path copy) {
        try {
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache folder: the copy is merely pruned earlier
        }
    }

    /**
     * Deletes the copies in {@code folder} beyond the {@code copies} most recently used or beyond
     * {@code bytes} in all, newest first; {@code keep} (the copy just written) stays whatever its size.
     */
    static void prune(Path folder, Path keep, int copies, long bytes) {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> bins = Files.newDirectoryStream(folder, "*.bin")) {
            bins.forEach(all::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        Map<Path, Long> used = new HashMap<>();
        Map<Path, Long> size = new HashMap<>();
        for (Path p : all) {
            try {
                used.put(p, Files.getLastModifiedTime(p).toMillis());
                size.put(p, Files.size(p));
            } catch (IOException e) {
                used.put(p, Long.MIN_VALUE); // gone or unreadable: first to go
                size.put(p, 0L);
            }
        }
        all.sort(Comparator.comparing((Path p) -> !p.equals(keep)).thenComparing(used::get, Comparator.reverseOrder()));
        int kept = 0;
        long total = 0;
        for (Path p : all) {
            if (p.equals(keep) || (kept < copies && total + size.get(p) <= bytes)) {
                kept++;
                total += size.get(p);
            } else {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // tried again after the next write
                }
            }
        }
    }

    /**
     * Writes the copy of {@code index}, read from the file as it was at {@code stamp}, in the background.
     *
     * @return the thread writing it, none when the store is too small to get a copy
     */
    static Optional<Thread> writeLater(Path db, StoreStamp stamp, IncidentIndex index) {
        Path file = fileFor(db);
        if (file == null || index.size() < MIN_SIZE) {
            return Optional.empty();
        }
        // A command that ends soon after the read (identify) lets the copy be finished, not cut off: a
        // shutdown hook waits for this write, and the write takes the hook away once it is done.
        Thread[] finish = new Thread[1];
        Thread writer = new Thread(() -> {
            try {
                write(file, stamp, index);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(finish[0]);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it sees this thread end
                }
            }
        }, "incident-index-cache");
        writer.setDaemon(true);
        finish[0] = new Thread(() -> {
            try {
                writer.join(FINISH_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "incident-index-cache-finish");
        Runtime.getRuntime().addShutdownHook(finish[0]);
        writer.start();
        return Optional.of(writer);
    }

    private static void write(Path file, StoreStamp stamp, IncidentIndex index) {
        try {
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(HEADER + index.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(MAGIC).putLong(PROJECTION).putLong(stamp.changeCounter()).putLong(stamp.size())
                    .putLong(stamp.modified());
            index.write(b);
            Files.createDirectories(file.getParent());
            removeAbandoned(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, b.array());
                // Whole or not at all: a reader never sees half a copy.
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(file.getParent(), file, KEEP_COPIES, KEEP_BYTES);
        } catch (IOException | RuntimeException e) {
            // No copy this time: the store is read again next time, as if the cache were empty.
        }
    }

    /** Half-written copies an ended process left behind (killed while writing), an hour old or more. */
    private static void removeAbandoned(Path folder) {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(folder, "*.tmp")) {
            for (Path tmp : tmps) {
                if (Files.getLastModifiedTime(tmp).toMillis() < hourAgo) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next write to try
        }
    }

    /** The cache file of a store: named by a hash of its absolute path, so every store has its own. */
    static Path fileFor(Path db) {
        Path root = CacheFolder.root();
        if (root == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(db.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return root.resolve("index").resolve(HexFormat.of().formatHex(hash, 0, 16) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
