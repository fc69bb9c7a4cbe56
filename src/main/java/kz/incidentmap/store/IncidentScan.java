package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Vocabulary;

/**
 * A store's incidents in the order of {@link IncidentStore#all()}, read a page at a time as they are
 * iterated: what an export walks, so that a million incidents never sit in the heap at once (they took
 * 1.4 GB). Only the row ids are read up front, which fixes the order and the {@link #size()}. It is not
 * a snapshot: each page is read in a read transaction of its own, so an incident deleted before its
 * page is read is left out, and one edited in the meantime comes as it is then, in its old place.
 * <p>
 * Reading a page (its rows, then its sources and claims looked up by index) is most of an export's
 * work, so {@link #READERS} pages are read at once, each on a thread with a read-only connection of its
 * own, while the caller writes the page before. The iterator throws {@link ReadFailure} when a page
 * cannot be read, and again on every later call. A scan belongs to the thread that iterates it; close
 * it when done to stop its threads and connections.
 */
public final class IncidentScan extends AbstractCollection<Incident> implements AutoCloseable {

    /**
     * Incidents per read: the most for which {@link IncidentReader} still looks their sources and claims
     * up by index rather than scanning both tables whole.
     */
    static final int PAGE = IncidentReader.SCAN_LIMIT;
    /** Pages read at once: one per core of the machine we design for. */
    static final int READERS = 2;

    /** Which incidents a scan keeps, by position; NaN, NaN for an incident without one. */
    @FunctionalInterface
    public interface Where {
        Where ANYWHERE = (lon, lat) -> true;

        boolean test(double lon, double lat);
    }

    /** An incident with its store row id (the row ids of {@link IncidentPoints#fid}). */
    public record Row(long rowId, Incident incident) {
    }

    /** A page of the scan could not be read; the cause says why and where. */
    public static final class ReadFailure extends RuntimeException {
        ReadFailure(StoreException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized StoreException getCause() {
            return (StoreException) super.getCause();
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Path file;
    private final long[] rowIds;
    private final int pageSize;
    private final UnaryOperator<StoreException> explain;
    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<IncidentReader> readers = new ThreadLocal<>();
    private ExecutorService pool;
    private boolean closed;

    private final Vocabulary vocabulary;

    /** {@code explain} words a failed read, as damage when the file turns out to be damaged. */
    IncidentScan(Path file, Vocabulary vocabulary, long[] rowIds, int pageSize, UnaryOperator<StoreException> explain) {
        this.vocabulary = vocabulary;
        this.file = file;
        this.rowIds = rowIds;
        this.pageSize = pageSize;
        this.explain = explain;
    }

    /** The number of incidents the scan found; iterating gives fewer if some were deleted since. */
    @Override
    public int size() {
        return rowIds.length;
    }

    @Override
    public Iterator<Incident> iterator() {
        Iterator<Row> rows = rows();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Incident next() {
                return rows.next().incident();
            }
        };
    }

    /** The same incidents with their row ids: what a filter that keeps row ids walks. */
    public synchronized Iterator<Row> rows() {
        if (closed) {
            throw new IllegalStateException("the scan of " + file + " is closed");
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(READERS, r -> {
                Thread t = new Thread(r, "incident-scan-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return new Pages(pool);
    }

    /**
     * Stops the reading threads, waiting for a page being read (even when this thread was interrupted,
     * as a cancelled task is) so that no connection is closed under it, and closes their connections.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            for (Runnable queued : pool.shutdownNow()) {
                if (queued instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
            boolean interrupted = Thread.interrupted();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!pool.isTerminated() && System.nanoTime() < end) {
                try {
                    pool.awaitTermination(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // a read-only connection: nothing is lost by a failed close
                }
            }
            connections.clear();
        }
    }

    /**
     * On a reading thread: the incidents with these row ids, in their order, the deleted left out. One
     * read transaction, so that no change committed meanwhile pairs a row with another state's links.
     */
    private List<Row> read(long[] ids) throws StoreException {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                Map<Long, Incident> read = readers.get().byRowIds(ids);
                return Arrays.stream(ids).filter(read::containsKey).mapToObj(id -> new Row(id, read.get(id))).toList();
            } finally {
                c.rollback(); // only read: ends the transaction and lets writers in
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw explain.apply(StoreConnections.failure(file, "cannot read incidents by row id", e));
        } catch (StoreException e) {
            throw explain.apply(e);
        }
    }

    /** This reading thread's connection, opened on its first page. */
    private Connection connection() throws SQLException {
        IncidentReader reader = readers.get();
        if (reader != null) {
            return reader.connection();
        }
        Connection c = StoreConnections.openReadOnly(file);
        synchronized (connections) {
            if (closed) {
                c.close();
                throw new SQLException("the scan was closed");
            }
            connections.add(c);
        }
        readers.set(new IncidentReader(file, c, vocabulary));
        return c;
    }

    /** Hands out the pages in order while the next ones are being read. */
    private final class Pages implements Iterator<Row> {
        private final ExecutorService pool;
        private final Deque<Future<List<Row>>> coming = new ArrayDeque<>();
        private int next;
        private Iterator<Row> page = Collections.emptyIterator();
        private ReadFailure failed;

        Pages(ExecutorService pool) {
            this.pool = pool;
        }

        @Override
        public boolean hasNext() {
            if (failed != null) {
                throw failed; // the failed page is not skipped
            }
            while (!page.hasNext()) {
                // One more than the readers, so each has its next page ready when it finishes one.
                while (coming.size() <= READERS && next < rowIds.length) {
                    long[] ids = Arrays.copyOfRange(rowIds, next, Math.min(rowIds.length, next + pageSize));
                    next += ids.length;
                    try {
                        coming.add(pool.submit(() -> read(ids)));
                    } catch (RejectedExecutionException e) {
                        throw fail("the scan was closed");
                    }
                }
                if (coming.isEmpty()) {
                    return false;
                }
                page = take(coming.poll()).iterator();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private List<Row> take(Future<List<Row>> f) {
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failed = new ReadFailure(cause instanceof StoreException se ? se
                        : StoreException.of(file, "cannot read incidents: " + cause, cause));
                throw failed;
            } catch (CancellationException e) {
                throw fail("the scan was closed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("reading was interrupted");
            }
        }

        private ReadFailure fail(String why) {
            failed = new ReadFailure(StoreException.of(file, why));
            return failed;
        }
    }
}
