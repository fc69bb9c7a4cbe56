package kz.incidentmap.view;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/** The background threads the window gives its data work (loading, identify, export) to. */
final class Workers implements AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-worker");
        t.setDaemon(true);
        return t;
    });

    void run(Task<?> task) {
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
