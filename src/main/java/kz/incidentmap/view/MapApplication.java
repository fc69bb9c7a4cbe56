package kz.incidentmap.view;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;

/**
 * Starts the window. Loading the store and the maps (about two seconds, most of it GeoTools'
 * referencing set-up) begins on a worker thread before the JavaFX toolkit starts, so the two overlap;
 * the window opens at once and shows the map when the load finishes. Nothing is written to the store
 * by viewing, except that a missing default store is created from the curated records.
 */
public final class MapApplication {

    /** What the loader hands to the window. */
    record Loaded(LoadedMap map, List<Incident> incidents) {
    }

    private MapApplication() {
    }

    /**
     * Opens the window and blocks until it is closed. Called on the main thread.
     *
     * @param db the store to open, or null for {@code defaultStore}, created from {@code seed} if missing
     */
    public static void run(Path mapsDir, Path db, Path defaultStore, Path seed) throws InterruptedException {
        try (Workers workers = new Workers()) {
            CompletableFuture<Loaded> loading = workers.supply(() -> load(mapsDir, db, defaultStore, seed));
            CountDownLatch closed = new CountDownLatch(1);
            Platform.startup(() -> {
                MapWindow window = new MapWindow(workers);
                window.useStore(db != null ? db : defaultStore, mapsDir);
                Stage stage = new Stage();
                stage.setTitle("Kazakhstan Incident Map");
                stage.setScene(new Scene(window, 1400, 900));
                stage.setOnHidden(e -> {
                    window.canvas().dispose();
                    closed.countDown();
                });
                stage.show();
                window.attach(loading);
            });
            closed.await();
            Platform.exit();
        }
    }

    /** Worker thread: opens the store, reads its incidents and the maps. */
    static Loaded load(Path mapsDir, Path db, Path defaultStore, Path seed) throws Exception {
        try (IncidentStore store = db != null ? IncidentStore.open(db) : IncidentStore.openOrCreate(defaultStore, seed)) {
            List<Incident> incidents = store.all();
            return new Loaded(LoadedMap.load(mapsDir, incidents, ImportedStreets.inStore(store.file())), incidents);
        }
    }
}
