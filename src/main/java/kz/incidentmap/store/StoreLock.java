package kz.incidentmap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An exclusive lock that says "this store is open for editing": an operating-system lock on
 * {@code FILE-lock} beside the store, held while the store is open. A second copy of the application
 * (or a second store object in this one) cannot take it and is told so. The lock goes away with the
 * process, so a crash never leaves a store locked; the empty lock file itself is harmless.
 *
 * <p>While a write is under way its holder keeps a one-line note of it in the lock file ("an import of
 * incidents, begun …"), emptied when the write ends: a crash in the middle of a write leaves the note
 * behind, and the next opening can say what it rolled back (see {@link InterruptedWrite}).
 */
final class StoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path store) {
        return store.resolveSibling(store.getFileName() + "-lock");
    }

    /** Takes the lock or throws {@link StoreLockedException}. */
    static StoreLock acquire(Path store) throws StoreException {
        Path lockFile = lockFile(store);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw StoreException.of(store, "cannot create the lock file " + lockFile, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw StoreException.of(store, "cannot lock " + lockFile, e);
        }
        if (lock == null) {
            closeQuietly(ch);
            throw new StoreLockedException(store + ": the store is open for editing in another running copy of"
                    + " the application; close it there, or open the store for viewing only");
        }
        return new StoreLock(ch, lock);
    }

    /**
     * Notes that a write is beginning: {@code what} is how a user would name it ("an import of
     * incidents"). Not synced to disk: a note lost in a power cut only makes the recovery message vaguer.
     */
    void noteWrite(String what) {
        String note = what + ", begun " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by process "
                + ProcessHandle.current().pid();
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // The note only words a later recovery message; the write itself does not depend on it.
        }
    }

    /** The write noted by {@link #noteWrite} has ended, committed or rolled back. */
    void clearNote() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // see noteWrite
        }
    }

    /** The note a write left in the lock file beside {@code store}, if there is one. */
    static Optional<String> note(Path store) {
        try {
            String note = Files.readString(lockFile(store), StandardCharsets.UTF_8).strip();
            return note.isEmpty() ? Optional.empty() : Optional.of(note);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not text: the recovery message just says less
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was written through the channel
        }
    }
}
