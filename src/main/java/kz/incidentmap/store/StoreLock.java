package kz.incidentmap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock that says "this store is open for editing": an operating-system lock on
 * {@code FILE-lock} beside the store, held while the store is open. A second copy of the application
 * (or a second store object in this one) cannot take it and is told so. The lock goes away with the
 * process, so a crash never leaves a store locked; the empty lock file itself is harmless.
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
