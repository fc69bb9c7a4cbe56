package kz.incidentmap.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** The background threads the window gives its data work (loading, identify, export) to. */
final class Workers implements AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-worker");
        t.setDaemon(true);
        return t;
    });

    /** Runs a JavaFX task; its callbacks come back on the JavaFX thread. Once closed, work is dropped. */
    void run(Task<?> task) {
        if (pool.isShutdown()) {
            return; // the window is closing: nothing would show the result
        }
        pool.execute(task);
    }

    /**
     * Runs {@code work} on a worker thread; then, on the JavaFX thread, {@code done} takes its result or
     * {@code failed} what it threw.
     */
    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        run(new Task<T>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }

            @Override
            protected void succeeded() {
                done.accept(getValue());
            }

            @Override
            protected void failed() {
                failed.accept(getException());
            }
        });
    }

    /** Runs work that may start before the JavaFX toolkit does. */
    <T> CompletableFuture<T> supply(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
