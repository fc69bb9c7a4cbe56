package kz.incidentmap.layers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.UnaryOperator;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreStamp;

/**
 * The incident index of a store, read on a thread of its own from the moment the store's file is
 * known: a cached copy of the index (see {@link IncidentIndexCache}) needs no open store, so it is read
 * while the store is being opened and checked; without a copy the read waits for the store and asks
 * it. Started by a command or the window before it opens the store.
 */
public final class IncidentIndexLoad {

    private final CompletableFuture<IncidentStore> store = new CompletableFuture<>();
    private final FutureTask<IncidentIndex> task;
    /** The thread writing the cached copy of what was read, if one is being written. */
    private volatile Thread copyWriter;

    private IncidentIndexLoad(Path file, UnaryOperator<IncidentIndex> keep) {
        task = new FutureTask<>(() -> keep.apply(read(file)));
    }

    private IncidentIndexLoad(Callable<IncidentIndex> read) {
        task = new FutureTask<>(read);
        store.cancel(false); // no store is waited for
    }

    /**
     * Starts {@code read} on a thread of its own: the index of a record that is not a file (one on a
     * server), read while the basemap is, as a file's is.
     */
    public static IncidentIndexLoad reading(Callable<IncidentIndex> read) {
        IncidentIndexLoad load = new IncidentIndexLoad(read);
        Thread t = new Thread(load.task, "incident-index");
        t.setDaemon(true);
        t.start();
        return load;
    }

    /**
     * Starts reading the cached copy of the index of the store in {@code file} alone: its index as it was
     * when last read, or null when there is no copy made from the file as it is now. The store is never
     * opened: for a preview of a store another part of the program is still bringing up to date.
     */
    public static IncidentIndexLoad cachedCopy(Path file) {
        return reading(() -> StoreStamp.of(file).flatMap(s -> IncidentIndexCache.read(file, s)).orElse(null));
    }

    /**
     * The whole index: the cached copy if it was made from the file as it is now, else read from the
     * store once it is open (and a copy made for next time). The stamp is taken before the read: a change
     * committed meanwhile leaves a copy that no longer matches the file, which is then read again.
     */
    private IncidentIndex read(Path file) throws Exception {
        Optional<StoreStamp> stamp = StoreStamp.of(file);
        Optional<IncidentIndex> cached = stamp.flatMap(s -> IncidentIndexCache.read(file, s));
        if (cached.isPresent()) {
            return cached.get();
        }
        IncidentIndex index = IncidentIndex.of(store.get().points(), MapProjection.kazakhstan());
        copyWriter = stamp.flatMap(s -> IncidentIndexCache.writeLater(file, s, index)).orElse(null);
        return index;
    }

    /**
     * Starts reading the index of the store in {@code file}, narrowed by {@code keep} (a date range, or
     * all of it).
     */
    public static IncidentIndexLoad start(Path file, UnaryOperator<IncidentIndex> keep) {
        IncidentIndexLoad load = new IncidentIndexLoad(file, keep);
        Thread t = new Thread(load.task, "incident-index");
        t.setDaemon(true);
        t.start();
        return load;
    }

    /** Waits up to {@code ms} for the cached copy of the index read to be written, if one is being written. */
    void awaitCopy(long ms) throws InterruptedException {
        Thread writing = copyWriter;
        if (writing != null) {
            writing.join(ms);
        }
    }

    /** The store is open: the read may ask it, when there was no cached copy. */
    public void opened(IncidentStore open) {
        store.complete(open);
    }

    /** The store could not be opened: a read that waits for it gives up (the opening's error is reported). */
    public void failed(Exception e) {
        // Cancelled first: the waiting read then always ends as cancelled, never with this error
        // passed through it when it happens to wake before the cancel.
        task.cancel(true);
        store.completeExceptionally(e);
    }

    /** The index, once read; its read's failure as an IOException naming the store. */
    public IncidentIndex index() throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the incident index");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExecutionException inner && inner.getCause() != null
                    ? inner.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
