package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
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
import javafx.scene.layout.VBox;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Coordinate;

/**
 * The main window's content: toolbar (city search, home, zoom, export), the map, the details pane
 * and the status bar (coordinates under the pointer, scale, messages). It wires controls to the
 * {@link MapViewModel}; data access and rendering go to worker threads. JavaFX thread only.
 */
final class MapWindow extends BorderPane {

    private final MapViewModel vm = new MapViewModel();
    private final MapCanvas canvas = new MapCanvas();
    private final DetailsPane details = new DetailsPane(this::morePages);
    private final TextField search = new TextField();
    private final Label searchError = new Label();
    private final Workers workers;
    private final EditController edits = new EditController(vm);
    private final EditToolbar editBar;
    private IncidentStore store;
    private Path mapsDir;

    MapWindow(Workers workers) {
        this.workers = workers;
        this.editBar = new EditToolbar(vm, edits, new ExchangeActions(vm, edits, workers), () -> getScene().getWindow());
        getStyleClass().add("map-window");
        setTop(new VBox(toolbar(), editBar));
        setCenter(canvas);
        setRight(details);
        setLeft(new LayersPanel(vm, workers));
        setBottom(statusBar());
        canvas.viewportProperty().bindBidirectional(vm.viewportProperty());
        vm.mapProperty().addListener((obs, o, m) -> canvas.modelProperty().set(m == null ? null : m.model()));
        vm.selectionProperty().addListener((obs, o, hits) -> {
            details.show(hits, vm.selectionTotal(), vm.nextPage().isPresent());
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

    /** The maps folder the window shows, so that an OpenStreetMap import can reload them. */
    void useMaps(Path maps) {
        this.mapsDir = maps;
    }

    MapViewModel viewModel() {
        return vm;
    }

    MapCanvas canvas() {
        return canvas;
    }

    EditController edits() {
        return edits;
    }

    /** Ends editing and closes the store (releasing its lock). JavaFX thread, when the window closes. */
    void close() {
        edits.close();
        if (store != null) {
            store.close();
        }
    }

    /**
     * Shows the map of all Kazakhstan when {@code loading} finishes, or its error. Called on the
     * JavaFX thread; the load itself runs elsewhere.
     */
    void attach(CompletionStage<MapApplication.Loaded> loading) {
        loading.whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error == null) {
                vm.loaded(loaded.map(), (int) Math.max(1, canvas.getWidth()),
                        (int) Math.max(1, canvas.getHeight()));
                store = loaded.store();
                // While the user looks at the map, the file is checked, so the first save need not wait.
                store.beginIntegrityCheck();
                edits.attach(loaded.store(), loaded.oblasts());
                editBar.notice(loaded.notice());
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
        Button export = button("Export\u2026", "Export the view as a PNG, SVG or PDF page", this::export);
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
        if (editBar.takesClick()) {
            Coordinate w = vp.toWorld(x, y);
            Coordinate ll = MapProjection.kazakhstan().toLonLat(w.x, w.y);
            edits.add(getScene().getWindow(), ll.x, ll.y);
            return;
        }
        workers.run(() -> vm.identify(map, vp, x, y), vm::select,
                e -> vm.messageProperty().set("Identify failed: " + e.getMessage()));
    }

    /** Reads the next page of the selected cluster's list on a worker thread and adds it to the details. */
    private void morePages() {
        vm.nextPage().ifPresent(next -> workers.run(next, page -> {
            if (!vm.addPage(page)) {
                showDetailsAgain(); // nothing new listed, so the selection's listener does not run
            }
        }, e -> {
            vm.messageProperty().set("Could not read more incidents: " + e.getMessage());
            showDetailsAgain();
        }));
    }

    /** The details as the selection stands: the "more" button disabled itself when clicked, and is offered again. */
    private void showDetailsAgain() {
        details.show(vm.selectionProperty().get(), vm.selectionTotal(), vm.nextPage().isPresent());
    }

    private void importOsm() {
        if (store == null) {
            return;
        }
        if (store.isReadOnly()) {
            vm.messageProperty().set("Viewing only: streets cannot be imported into " + store.file().getFileName());
            return;
        }
        new OsmImportDialog(getScene().getWindow(), workers, store, this::reloadStreets).show();
    }

    /**
     * After an import: reads the map again on a worker thread, with the incidents of the store the
     * window holds open (opening it a second time would meet its own edit lock), and shows it at the
     * same view.
     */
    private void reloadStreets() {
        IncidentStore open = store;
        Path maps = mapsDir;
        workers.run(() -> StreetLayers.load(maps, ImportedStreets.inStore(open.file()), MapProjection.kazakhstan()),
                vm::streetsReloaded, e -> vm.messageProperty().set("Could not reload the street layers: " + e.getMessage()));
    }

    private void export() {
        Viewport vp = vm.viewportProperty().get();
        LoadedMap map = vm.mapProperty().get();
        if (vp == null || map == null) {
            return;
        }
        Path suggested = Path.of(System.getProperty("user.home"), "kazakhstan-incidents-" + LocalDate.now() + ".png");
        new ExportDialog(getScene().getWindow(), map.model(), vp.bounds(), workers,
                "Kazakhstan \u2014 security incidents", "", suggested)
                .showAndWait().ifPresent(this::export);
    }

    /** Writes the requested page on a worker thread; the result shows in the status bar. */
    void export(ExportDialog.Request r) {
        LoadedMap map = vm.mapProperty().get();
        Path dir = r.file().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            vm.messageProperty().set("Cannot export: folder " + dir + " does not exist or is not writable");
            return;
        }
        vm.messageProperty().set("Exporting\u2026");
        workers.run(() -> {
            new PageExporter().write(map.model(), r.export(), r.file());
            return r.file();
        }, file -> vm.messageProperty().set("Exported " + file),
                e -> vm.messageProperty().set("Export failed: " + e.getMessage()));
    }
}
