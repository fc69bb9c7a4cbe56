package kz.incidentmap.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import kz.incidentmap.model.StreetFeature;

/**
 * Passes the features an import makes to their sink on a thread of its own, in batches and in order, so
 * that reading the file and writing the store each have a core: on the generated town of a million nodes
 * the store's side (encoding and inserting 225,876 rows) takes longer than decoding the PBF file.
 *
 * <p>The sink sees every feature from that one thread, and nothing after {@link #close()} returns, which
 * waits for it: the caller may then commit or roll back what the sink wrote. A failure of the sink is
 * thrown, as it was thrown, to the reading thread at its next batch or at {@link #finish()}; the
 * features still queued are dropped.
 */
final class FeatureHandOff implements Consumer<StreetFeature>, AutoCloseable {

    private static final int BATCH = 1_024;
    /** Batches queued at most: the reader waits beyond that, so a slow store bounds the memory used. */
    private static final int QUEUED = 16;
    private static final List<StreetFeature> END = List.of();

    private final Consumer<StreetFeature> sink;
    private final BlockingQueue<List<StreetFeature>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    private List<StreetFeature> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failure;
    /** Set when the import stopped short: what is still queued is dropped. */
    private volatile boolean dropping;
    private boolean finished;
    private boolean ended;

    FeatureHandOff(Consumer<StreetFeature> sink, String name) {
        this.sink = sink;
        writer = new Thread(this::drain, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(StreetFeature f) {
        batch.add(f);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over what is left and waits until the sink has taken everything; throws its failure. */
    void finish() {
        hand(batch);
        batch = new ArrayList<>(0);
        finished = true;
        end();
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the sink's thread (dropping what is queued when {@link #finish()} was not reached) and waits for it. */
    @Override
    public void close() {
        dropping = !finished;
        end();
    }

    private void hand(List<StreetFeature> features) {
        if (failure != null) {
            throw failure;
        }
        if (!features.isEmpty()) {
            put(features);
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        boolean interrupted = false;
        // The sink's thread must be done with the store before the caller goes on: wait still when interrupted.
        while (!queue.offer(END)) {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            }
            break;
        }
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<StreetFeature> features) {
        try {
            queue.put(features);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    private void drain() {
        while (true) {
            List<StreetFeature> features;
            try {
                features = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (features == END) {
                return;
            }
            if (failure != null || dropping) {
                continue;
            }
            try {
                features.forEach(sink);
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
    }
}
