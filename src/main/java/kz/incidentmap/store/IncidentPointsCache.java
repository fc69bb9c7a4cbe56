package kz.incidentmap.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A copy of a store's {@link IncidentPoints} in the user's cache folder, so that opening a large store
 * again reads one file of flat arrays (a few tens of milliseconds for a million incidents) instead of a
 * million rows through JDBC. The copy is used only while the store file is exactly as it was when the
 * copy was made: SQLite counts every committed change in the file's header (offset 24, in the rollback
 * journal mode our stores use), and the copy records that count, the file's size and its last-modified
 * time. Any change, by this app or another program, makes the store be read again.
 *
 * <p>Writing the copy is best effort, after the read, on a background thread; a missing, unreadable or
 * damaged copy is simply read from the store again. The copy holds positions, types, days and casualty
 * figures only — never the only copy of anything.
 */
final class IncidentPointsCache {

    private static final int MAGIC = 0x4B5A5031; // "KZP1"
    /** Smaller stores are read from the file in a moment; they get no copy. */
    static final int MIN_POINTS = 10_000;
    private static final int HEADER = 4 + 8 + 8 + 8 + 4;

    private IncidentPointsCache() {
    }

    /** What identifies a state of the store file. */
    record Stamp(long changeCounter, long size, long modified) {

        /**
         * The store file's stamp now, or empty when its header cannot be read or another program keeps
         * it in write-ahead-log mode (whose commits go to the log, not the file's header).
         */
        static Optional<Stamp> of(Path db) {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            if (Files.exists(wal)) {
                return Optional.empty();
            }
            try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(28);
                if (ch.read(header, 0) < 28) {
                    return Optional.empty();
                }
                long counter = header.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xFFFF_FFFFL;
                return Optional.of(new Stamp(counter, ch.size(), Files.getLastModifiedTime(db).toMillis()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The cached points of {@code db} if the copy was made from the file as it is ({@code now}). */
    static Optional<IncidentPoints> read(Path db, Stamp now) {
        Path file = fileFor(db);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"); FileChannel ch = raf.getChannel()) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != MAGIC || b.getLong() != now.changeCounter() || b.getLong() != now.size()
                    || b.getLong() != now.modified()) {
                return Optional.empty();
            }
            int n = b.getInt();
            if (n < 0 || ch.size() != HEADER + (long) n * IncidentPoints.BYTES_PER_POINT) {
                return Optional.empty();
            }
            long[] fids = new long[n];
            double[] lons = new double[n];
            double[] lats = new double[n];
            byte[] types = new byte[n];
            int[] casualties = new int[n];
            int[] days = new int[n];
            b.asLongBuffer().get(fids);
            b.position(b.position() + 8 * n);
            b.asDoubleBuffer().get(lons);
            b.position(b.position() + 8 * n);
            b.asDoubleBuffer().get(lats);
            b.position(b.position() + 8 * n);
            b.get(types);
            b.asIntBuffer().get(casualties);
            b.position(b.position() + 4 * n);
            b.asIntBuffer().get(days);
            return IncidentPoints.of(fids, lons, lats, types, casualties, days);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the copy of {@code points}, read from the file as it was at {@code stamp}, in the background. */
    static void writeLater(Path db, Stamp stamp, IncidentPoints points) {
        Path file = fileFor(db);
        if (file == null || points.size() < MIN_POINTS) {
            return;
        }
        Thread t = new Thread(() -> write(file, stamp, points), "incident-points-cache");
        t.setDaemon(true);
        lastWriter = t;
        t.start();
    }

    /** The copy being written last, for tests that must wait for it. */
    private static volatile Thread lastWriter;

    /** Waits until the copy written last is on disk (or given up). */
    static void awaitWrites() throws InterruptedException {
        Thread t = lastWriter;
        if (t != null) {
            t.join(20_000);
        }
    }

    private static void write(Path file, Stamp stamp, IncidentPoints p) {
        int n = p.size();
        ByteBuffer b = ByteBuffer.allocate(HEADER + n * IncidentPoints.BYTES_PER_POINT).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putLong(stamp.changeCounter()).putLong(stamp.size()).putLong(stamp.modified()).putInt(n);
        for (int i = 0; i < n; i++) {
            b.putLong(p.fid(i));
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(p.lon(i));
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(p.lat(i));
        }
        for (int i = 0; i < n; i++) {
            b.put((byte) p.type(i).ordinal());
        }
        for (int i = 0; i < n; i++) {
            b.putInt(p.casualties(i));
        }
        for (int i = 0; i < n; i++) {
            b.putInt(p.day(i));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, b.array());
                // Whole or not at all: a reader never sees half a copy.
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // No copy this time: the store is read again next time, as if the cache were empty.
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
            return root.resolve("points").resolve(HexFormat.of().formatHex(hash, 0, 16) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
