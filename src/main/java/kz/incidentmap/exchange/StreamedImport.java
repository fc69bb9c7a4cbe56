package kz.incidentmap.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Reads and checks a file on one thread while the store writes on the calling one: the two halves of a
 * large import take about the same time, and the machine has two cores. Records pass between them in
 * batches through a short queue, so memory stays flat however long the file is. The store's merge is
 * still one transaction: when the reading ends with a problem that refuses the file (a bad record
 * without {@code keepValid}, a broken file, a cancel), the merge is abandoned and rolled back, and the
 * reading's own exception is what the caller gets.
 */
final class StreamedImport {

    /** The reading half: fills the records it is given, throwing what refuses the file. */
    interface Reading {
        void read(ParsedRecords parsed) throws Exception;
    }

    /** Thrown through the merge to roll it back; the reason is kept in {@link StreamedImport#failure}. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("import abandoned", null, false, false);
        }
    }

    /**
     * Records per batch: small enough that a batch is written and dropped before the collector moves it
     * out of the young generation. Each batch is sorted by id before it is written, so that the store's id
     * indexes take its ids in order.
     */
    static final int BATCH = 4_096;
    private static final List<Incident> END = List.of();

    private static final Comparator<Incident> BY_ID = Comparator.comparing(Incident::id);

    private final BlockingQueue<List<Incident>> queue = new ArrayBlockingQueue<>(4);
    private final boolean keepValid;
    private final Progress progress;
    private final ParsedRecords parsed;
    private final int batchSize;
    private List<Incident> batch;
    private volatile Exception failure;
    private volatile boolean refused;

    StreamedImport(boolean keepValid, Progress progress, int batchSize) {
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.keepValid = keepValid;
        this.progress = progress;
        this.parsed = new ParsedRecords(this::pass);
    }

    /**
     * Runs {@code reading} on a new thread and merges what it passes, about {@code expected} incidents
     * (0: unknown; a disk too small for them is refused at once), into {@code store}. Returns what was
     * read (errors, warnings, the count) and merged; throws the reading's exception if it failed, a
     * {@link StoreException} if the store did.
     */
    Result run(Reading reading, IncidentStore store, long expected) throws Exception {
        Thread reader = new Thread(() -> {
            try {
                reading.read(parsed);
                if (!parsed.errors.isEmpty() && !keepValid) {
                    refused = true;
                }
                flush();
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the merge failed and stopped waiting for us
            } catch (Exception | Error e) {
                failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                queue.clear();
                queue.offer(END);
            }
        }, "import-reader");
        reader.setDaemon(true);
        reader.start();
        IncidentStore.MergeResult merged;
        try {
            merged = store.mergeAll(new Batches(), expected);
        } catch (Abandoned e) {
            drainUntilDone(reader);
            if (failure != null) {
                throw failure;
            }
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled; nothing was written");
            }
            return new Result(parsed, null);
        } catch (StoreException | RuntimeException e) {
            reader.interrupt();
            reader.join();
            throw e;
        }
        reader.join();
        return new Result(parsed, merged);
    }

    /** Lets a reader that is still putting batches finish, taking them away unused. */
    private void drainUntilDone(Thread reader) throws InterruptedException {
        while (reader.isAlive()) {
            queue.clear();
            reader.join(20);
        }
    }

    /**
     * What was read and, unless the file was refused, merged.
     *
     * @param merged null when nothing was written: the reading found errors and may not keep the rest
     */
    record Result(ParsedRecords parsed, IncidentStore.MergeResult merged) {
    }

    /** On the reading thread: a record passed every check. */
    private void pass(Incident incident) {
        if (!parsed.errors.isEmpty() && !keepValid) {
            return; // the file is refused: the rest is only checked, for the report
        }
        batch.add(incident);
        if (batch.size() == batchSize) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        batch.sort(BY_ID);
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import reading interrupted", e);
        }
        batch = new ArrayList<>(batchSize);
    }

    /** The records as the store's merge takes them, on the merging thread. */
    private final class Batches implements Iterator<Incident> {
        private Iterator<Incident> current = List.<Incident>of().iterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                List<Incident> next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Abandoned();
                }
                if (next == END) {
                    if (failure != null || refused || parsed.records == 0 || !progress.commit()) {
                        throw new Abandoned();
                    }
                    queue.offer(END); // later calls see the end too
                    return false;
                }
                if (progress.isCancelled()) {
                    throw new Abandoned(); // the reader sees it too and stops with CancelledException
                }
                current = next.iterator();
            }
            return true;
        }

        @Override
        public Incident next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
