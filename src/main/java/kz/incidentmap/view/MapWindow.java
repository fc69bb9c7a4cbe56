package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.render.SnapshotRenderer;
import kz.incidentmap.render.Viewport;

/**
 * The main window's content: toolbar (city search, home, zoom, export), the map, the details pane
 * and the status bar (coordinates under the pointer, scale, messages). It wires controls to the
 * {@link MapViewModel}; data access and rendering go to worker threads. JavaFX thread only.
 */
final class MapWindow extends BorderPane {

    private final MapViewModel vm = new MapViewModel();
    private final MapCanvas canvas = new MapCanvas();
    private final DetailsPane details = new DetailsPane(vm::incident);
    private final TextField search = new TextField();
    private final Label searchError = new Label();
    private final Workers workers;
    private Path storeFile;
    private Path mapsDir;

    MapWindow(Workers workers) {
        this.workers = workers;
        getStyleClass().add("map-window");
        setTop(toolbar());
        setCenter(canvas);
        setRight(details);
        setBottom(statusBar());
        canvas.viewportProperty().bindBidirectional(vm.viewportProperty());
        vm.mapProperty().addListener((obs, o, m) -> canvas.modelProperty().set(m == null ? null : m.model()));
        vm.selectionProperty().addListener((obs, o, hits) -> {
            details.show(hits);
            canvas.setHighlights(vm.selectedPoints());
        });
        canvas.setOnMapClick(this::identifyAt);
        canvas.setOnPointerMoved(vm::pointerAt);
        canvas.renderErrorProperty().addListener((obs, o, err) -> {
            if (err != null && !err.isEmpty()) {
                vm.messageProperty().set(err);
            }
        });
    }

    /** The store and maps the window shows, so that an OpenStreetMap import can write and reload them. */
    void useStore(Path store, Path maps) {
        this.storeFile = store;
        this.mapsDir = maps;
    }

    MapViewModel viewModel() {
        return vm;
    }

    MapCanvas canvas() {
        return canvas;
    }

    /**
     * Shows the map of all Kazakhstan when {@code loading} finishes, or its error. Called on the
     * JavaFX thread; the load itself runs elsewhere.
     */
    void attach(CompletionStage<MapApplication.Loaded> loading) {
        loading.whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error == null) {
                vm.loaded(loaded.map(), loaded.incidents(), (int) Math.max(1, canvas.getWidth()),
                        (int) Math.max(1, canvas.getHeight()));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                vm.messageProperty().set("Could not open the map: " + cause.getMessage());
                Alert alert = new Alert(Alert.AlertType.ERROR, cause.getMessage());
                alert.setHeaderText("Could not open the map");
                alert.show();
            }
        }));
    }

    private HBox toolbar() {
        search.setPromptText("City, e.g. Taraz or \u0422\u0430\u0440\u0430\u0437");
        search.setId("search");
        search.setPrefColumnCount(18);
        search.setOnAction(e -> zoomToCity());
        Button go = button("Go", "Zoom to the city", this::zoomToCity);
        Button home = button("\u2302 Kazakhstan", "Show all of Kazakhstan", vm::home);
        home.setId("home");
        Button in = button("+", "Zoom in (+)", () -> canvas.zoomBy(2));
        Button out = button("\u2212", "Zoom out (\u2212)", () -> canvas.zoomBy(0.5));
        Button export = button("Export PNG\u2026", "Export the view as a PNG image", this::export);
        export.setId("export");
        Button importOsm = button("Import OpenStreetMap\u2026", "Add streets from an OpenStreetMap extract (.osm, .osm.pbf)",
                this::importOsm);
        importOsm.setId("import-osm");
        searchError.setId("search-error");
        searchError.setStyle("-fx-text-fill: #b00020;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, search, go, searchError, spacer, in, out, home, importOsm, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        return bar;
    }

    private HBox statusBar() {
        Label pointer = new Label();
        pointer.textProperty().bind(vm.pointerProperty());
        pointer.setMinWidth(230);
        Label scale = new Label();
        scale.setId("scale");
        scale.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> MapViewModel.scaleText(vm.viewportProperty().get()), vm.viewportProperty()));
        scale.setMinWidth(120);
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(16, pointer, scale, message);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-background-color: #eeeeee; -fx-border-color: #cccccc; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void zoomToCity() {
        searchError.setText(vm.zoomToCity(search.getText()).orElse(""));
    }

    private void identifyAt(double x, double y) {
        LoadedMap map = vm.mapProperty().get();
        Viewport vp = vm.viewportProperty().get();
        if (map == null || vp == null) {
            return;
        }
        workers.run(new Task<List<Hit>>() {
            @Override
            protected List<Hit> call() throws Exception {
                return vm.identify(map, vp, x, y);
            }

            @Override
            protected void succeeded() {
                vm.select(getValue());
            }

            @Override
            protected void failed() {
                vm.messageProperty().set("Identify failed: " + getException().getMessage());
            }
        });
    }

    private void importOsm() {
        if (storeFile != null) {
            new OsmImportDialog(getScene().getWindow(), workers, storeFile, this::reloadStreets).show();
        }
    }

    /** After an import: reads the map again on a worker thread and shows it at the same view. */
    private void reloadStreets() {
        workers.run(new Task<MapApplication.Loaded>() {
            @Override
            protected MapApplication.Loaded call() throws Exception {
                return MapApplication.load(mapsDir, storeFile, storeFile, null);
            }

            @Override
            protected void succeeded() {
                vm.reloaded(getValue().map());
            }

            @Override
            protected void failed() {
                vm.messageProperty().set("Could not reload the map: " + getException().getMessage());
            }
        });
    }

    private void export() {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null || vm.mapProperty().get() == null) {
            return;
        }
        Path suggested = Path.of(System.getProperty("user.home"), "kazakhstan-incidents-" + LocalDate.now() + ".png");
        new ExportDialog(getScene().getWindow(), vp.width() * 2, vp.height() * 2, "Kazakhstan \u2014 security incidents",
                suggested).showAndWait().ifPresent(this::export);
    }

    /** Writes the current view at the requested size on a worker thread; the result shows in the status bar. */
    void export(ExportDialog.Request r) {
        Viewport vp = vm.viewportProperty().get();
        LoadedMap map = vm.mapProperty().get();
        Path dir = r.file().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            vm.messageProperty().set("Cannot export: folder " + dir + " does not exist or is not writable");
            return;
        }
        Viewport out = vp.fittedInto(r.width(), r.height());
        String sub = String.format(Locale.ROOT, "Scale 1:%,.0f \u00b7 exported %s", out.scaleDenominator(), LocalDate.now());
        vm.messageProperty().set("Exporting\u2026");
        workers.run(new Task<Void>() {
            @Override
            protected Void call() throws Exception {
                new SnapshotRenderer().writePng(map.model(), out, new SnapshotRenderer.Layout(r.title(), sub), r.file());
                return null;
            }

            @Override
            protected void succeeded() {
                vm.messageProperty().set("Exported " + r.file());
            }

            @Override
            protected void failed() {
                vm.messageProperty().set("Export failed: " + getException().getMessage());
            }
        });
    }
}
