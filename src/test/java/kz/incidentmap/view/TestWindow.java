package kz.incidentmap.view;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapsAhead;
import kz.incidentmap.store.IncidentStore;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as the window tests use it: shown on the test's stage over a fresh store seeded from the
 * curated records, loading the way {@link MapApplication} loads it.
 */
final class TestWindow {

    private static final Path MAPS = Path.of("maps");
    private static final Path SEED = Path.of("data/incidents.json");

    private final Workers workers;
    private final Path store;
    private final WindowSettings settings;
    /** The web addresses the window asked the browser to open, in order. */
    private final List<URI> opened;
    private MapWindow window;

    private TestWindow(Workers workers, Path store, WindowSettings settings, List<URI> opened, MapWindow window) {
        this.workers = workers;
        this.store = store;
        this.settings = settings;
        this.opened = opened;
        this.window = window;
    }

    /** JavaFX thread (a {@code @Start} method): a new store in {@code dir}, the window on {@code stage}. */
    static TestWindow show(Stage stage, Path dir, double width, double height) throws Exception {
        Path store = dir.resolve("window-" + System.nanoTime() + ".gpkg");
        IncidentStore.createIfMissing(store, SEED);
        return show(stage, store, WindowSettings.load(dir.resolve("settings-" + System.nanoTime() + ".properties")),
                width, height);
    }

    /** JavaFX thread: the window on {@code stage} over {@code store}, remembering in {@code settings}. */
    static TestWindow show(Stage stage, Path store, WindowSettings settings, double width, double height) {
        return show(stage, store, settings, width, height, Texts.ENGLISH);
    }

    /** JavaFX thread: a new store in {@code dir}, the window on {@code stage} in the language of {@code texts}. */
    static TestWindow show(Stage stage, Path dir, double width, double height, Texts texts) throws Exception {
        Path store = dir.resolve("window-" + System.nanoTime() + ".gpkg");
        IncidentStore.createIfMissing(store, SEED);
        return show(stage, store, WindowSettings.load(dir.resolve("settings-" + System.nanoTime() + ".properties")),
                width, height, texts);
    }

    /** The same, the window speaking the language of {@code texts}. */
    static TestWindow show(Stage stage, Path store, WindowSettings settings, double width, double height, Texts texts) {
        Workers workers = new Workers();
        List<URI> opened = new CopyOnWriteArrayList<>();
        MapWindow window = new MapWindow(workers, settings, opened::add, texts);
        window.useMaps(MAPS);
        stage.setScene(new Scene(window, width, height));
        stage.sizeToScene(); // a stage an earlier test resized keeps its size otherwise
        stage.show();
        window.settleLayout();
        window.attach(workers.supply(() -> MapApplication.load(MAPS, store, null, null, MapsAhead.none(), texts)));
        return new TestWindow(workers, store, settings, opened, window);
    }

    WindowSettings settings() {
        return settings;
    }

    /** The web addresses the window asked to open in the browser. */
    List<URI> opened() {
        return opened;
    }

    MapWindow window() {
        return window;
    }

    Workers workers() {
        return workers;
    }

    /** The store the window was first shown on. */
    Path store() {
        return store;
    }

    /** Waits until the maps and records are in and the first frame is drawn. */
    void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.viewModel().mapProperty().get() != null);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.canvas().currentFrame() != null);
    }

    /** JavaFX thread: closes the window's store and puts a new window on {@code other} in its place. */
    MapWindow reopen(Path other) {
        window.close();
        MapWindow next = new MapWindow(workers, settings, opened::add);
        next.useMaps(MAPS);
        window.getScene().setRoot(next);
        next.attach(workers.supply(() -> MapApplication.load(MAPS, other, null, null)));
        window = next;
        return next;
    }

    /**
     * JavaFX thread: closes the window's store and puts a window on the record at {@code server} in its place,
     * its local copy under {@code cache}, the password from {@code env}, as a window opened on a server loads.
     */
    MapWindow reopenServer(kz.incidentmap.store.pg.ServerAddress server, java.util.Map<String, String> env, Path cache) {
        window.close();
        MapWindow next = new MapWindow(workers, settings, opened::add);
        next.useMaps(MAPS);
        window.getScene().setRoot(next);
        next.attach(workers.supply(() -> MapApplication.loadServer(MAPS, server, env, cache, MapsAhead.none(),
                Texts.ENGLISH)));
        window = next;
        return next;
    }

    /** Closes the window's store and the worker threads. */
    /** Scrolls the side pane so that {@code node} is on screen, as the user would before clicking it. */
    void reveal(org.testfx.api.FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) window.panes().getItems().get(0);
            double y = side.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = side.getContent().getBoundsInLocal().getHeight() - side.getViewportBounds().getHeight();
            side.setVvalue(Math.min(1, Math.max(0, (y - 20) / room)));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    void close() {
        WaitForAsyncUtils.asyncFx(() -> window.close());
        WaitForAsyncUtils.waitForFxEvents();
        workers.close();
    }
}
