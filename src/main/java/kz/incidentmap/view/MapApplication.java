package kz.incidentmap.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;

/**
 * The JavaFX application: opens the window at once and loads the store and the maps on a worker
 * thread, so the window never waits on I/O. A load failure is shown with its cause; nothing is
 * written to the store by viewing.
 */
public final class MapApplication extends Application {

    private Workers workers;
    private MapWindow window;

    /** Starts the app (blocks until the window closes). {@code db} null means the default store. */
    public static void launchWith(Path mapsDir, Path db, Path defaultStore, Path seed) {
        List<String> args = new ArrayList<>();
        args.add("--maps=" + mapsDir);
        args.add("--default-store=" + defaultStore);
        args.add("--seed=" + seed);
        if (db != null) {
            args.add("--db=" + db);
        }
        Application.launch(MapApplication.class, args.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> p = getParameters().getNamed();
        workers = new Workers();
        window = new MapWindow(workers);
        stage.setTitle("Kazakhstan Incident Map");
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
        workers.run(loadTask(Path.of(p.getOrDefault("maps", "maps")),
                p.containsKey("db") ? Path.of(p.get("db")) : null,
                Path.of(p.getOrDefault("default-store", "data/incidents.gpkg")),
                Path.of(p.getOrDefault("seed", "data/incidents.json"))));
    }

    /** The window content, for tests. */
    MapWindow window() {
        return window;
    }

    static Task<Loaded> loadTask(MapWindow window, Path mapsDir, Path db, Path defaultStore, Path seed) {
        return new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                try (IncidentStore store = db != null ? IncidentStore.open(db)
                        : IncidentStore.openOrCreate(defaultStore, seed)) {
                    List<Incident> incidents = store.all();
                    return new Loaded(LoadedMap.load(mapsDir, incidents), incidents);
                }
            }

            @Override
            protected void succeeded() {
                window.loaded(getValue().map(), getValue().incidents());
            }

            @Override
            protected void failed() {
                String msg = getException().getMessage();
                window.viewModel().messageProperty().set("Could not open the map: " + msg);
                Alert alert = new Alert(Alert.AlertType.ERROR, msg);
                alert.setHeaderText("Could not open the map");
                alert.show();
            }
        };
    }

    private Task<Loaded> loadTask(Path mapsDir, Path db, Path defaultStore, Path seed) {
        return loadTask(window, mapsDir, db, defaultStore, seed);
    }

    /** What the loader hands back to the JavaFX thread. */
    record Loaded(LoadedMap map, List<Incident> incidents) {
    }

    @Override
    public void stop() {
        if (window != null) {
            window.canvas().dispose();
        }
        if (workers != null) {
            workers.close();
        }
    }
}
