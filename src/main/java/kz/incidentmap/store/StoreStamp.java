package kz.incidentmap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What identifies one state of a store file, for copies kept elsewhere of what was read from it (see
 * {@code layers.IncidentIndexCache}): SQLite counts every committed change in the file's header
 * (offset 24, in the rollback journal mode our stores use), and with the file's size and last-modified
 * time that tells whether anything, by this app or another program, has changed it since.
 *
 * @param changeCounter SQLite's file change counter
 * @param size the file's length in bytes
 * @param modified the file's last-modified time, milliseconds
 */
public record StoreStamp(long changeCounter, long size, long modified) {

    /**
     * The store file's stamp now; empty when its header cannot be read, when another program keeps it
     * in write-ahead-log mode (whose commits go to the log, not to the file's header), or when a write
     * is under way or was interrupted (its journal has pages to play back: the file may hold half of it).
     */
    public static Optional<StoreStamp> of(Path db) {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        if (Files.exists(wal) || InterruptedWrite.pending(db)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(28);
            if (ch.read(header, 0) < 28) {
                return Optional.empty();
            }
            long counter = header.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xFFFF_FFFFL;
            return Optional.of(new StoreStamp(counter, ch.size(), Files.getLastModifiedTime(db).toMillis()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
