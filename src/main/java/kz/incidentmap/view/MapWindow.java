package kz.incidentmap.view;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The main window's content: toolbar (city search, zoom, home, import of streets, export, the side
 * panes' switches), the editing toolbar, the layers panel, the map and the details pane side by side
 * (see {@link SidePanes}), and the status bar (coordinates under the pointer, scale, messages). It
 * wires controls to the {@link MapViewModel}; data access and rendering go to worker threads. The map
 * takes part in the keyboard's Tab order (arrows pan, +/− zoom, 0 shows all of Kazakhstan); Ctrl+F goes
 * to the search field, Escape ends Add on map or clears the selection. JavaFX thread only.
 */
final class MapWindow extends BorderPane {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final MapViewModel vm;
    private final Texts texts;
    /** What the window's frames and exports share (sprites, clustered styles, the second core); closed with it. */
    private final RenderContext rendering = RenderContext.tiled();
    private final MapCanvas canvas = new MapCanvas(rendering);
    private final DetailsPane details;
    private final SearchBar search;
    private final Workers workers;
    private final WindowSettings settings;
    private final EditController edits;
    private final EditToolbar editBar;
    private final AddOnMapMode addMode;
    private final LayersPanel layers;
    private final SidePanes panes;
    private final ExportActions export;
    private final ReportActions report;
    private final ScaleBarView scaleBar;
    private final MapMenu menu;
    private final LegendPane legend;
    private final TimelinePane timeline;
    private final IncidentTable table;
    private final SplitPane mapAndTime;
    private final AreaSketch sketch;
    private final FilterPanel filter;
    private final MyPlacesModel myPlaces;
    private final EventsModel events;
    private final EventPlaybackBar playback;
    private final MeasureTool measure;
    private final TitledPane filterPane;
    private IncidentStore store;
    private Path mapsDir;
    /** The link to the server whose local copy the window shows, or null for a file. */
    private ServerLink server;
    private final Label serverStatus = new Label();
    private final javafx.beans.property.BooleanProperty onServer = new javafx.beans.property.SimpleBooleanProperty();

    /**
     * @param settings what the window remembers between runs
     * @param links opens a source's web address (in the system browser)
     */
    MapWindow(Workers workers, WindowSettings settings, Consumer<URI> links) {
        this(workers, settings, links, Texts.ENGLISH);
    }

    /** @param texts the language of the window */
    MapWindow(Workers workers, WindowSettings settings, Consumer<URI> links, Texts texts) {
        this.texts = texts;
        this.vm = new MapViewModel(texts);
        this.edits = new EditController(vm);
        this.workers = workers;
        this.settings = settings;
        ExchangeActions exchange = new ExchangeActions(vm, edits, workers, new RememberedMappings(settings));
        this.editBar = new EditToolbar(vm, edits, exchange, () -> getScene().getWindow());
        this.addMode = new AddOnMapMode(editBar.addOnMapButton(), canvas, vm);
        this.myPlaces = new MyPlacesModel(workers, () -> store, vm.messageProperty()::set, texts);
        this.events = new EventsModel(workers, () -> store, vm.messageProperty()::set, texts);
        this.details = new DetailsPane(this::morePages, new IncidentEntry.Actions(
                i -> edits.edit(getScene().getWindow(), i), i -> edits.delete(getScene().getWindow(), i), links,
                edits.editableProperty().not(), edits.readOnlyReasonProperty(), vm::filter,
                new SourceCopyActions(workers, edits::store, () -> getScene().getWindow(), vm.messageProperty()::set, texts),
                myPlaces::snapshot, vm::namesOfItsDay, this::showHistory, onServer, events),
                vm.openIncidentProperty()::set, texts);
        // The details say how far an incident was from each of the user's places: a change says it anew.
        myPlaces.places().addListener((ListChangeListener<MyPlace>) c -> showDetailsAgain());
        // Under a minimum grade the pane gives the graded sources' figures: another grade shows them anew.
        vm.filterProperty().addListener((o, was, now) -> {
            if (was == null || now == null || was.minGrade() != now.minGrade()) {
                showDetailsAgain();
            }
        });
        this.search = new SearchBar(vm);
        this.layers = new LayersPanel(vm, workers);
        this.export = new ExportActions(vm, workers, settings, () -> getScene().getWindow(), rendering,
                events.routeProperty()::get);
        this.report = new ReportActions(vm, workers, () -> edits.store(), () -> getScene().getWindow(), rendering);
        getStyleClass().add("map-window");
        legend = new LegendPane(vm, workers, canvas.shownProperty());
        sketch = new AreaSketch(canvas, vm);
        new MyPlacesOverlay(canvas, vm, myPlaces.places());
        new EventRouteOverlay(canvas, vm, events);
        playback = new EventPlaybackBar(events, vm, texts);
        measure = new MeasureTool(canvas, vm);
        filter = new FilterPanel(vm, workers, () -> store, sketch, myPlaces.places());
        filterPane = new TitledPane(texts.text("filter.title"), filter);
        filterPane.setId("filter-pane");
        filterPane.setExpanded("true".equals(settings.get("pane.filter.expanded").orElse("false")));
        filterPane.expandedProperty().addListener((o, was, open) -> {
            settings.put("pane.filter.expanded", Boolean.toString(open));
            if (open) {
                filter.refreshCounts();
            }
        });
        ScrollPane layersScroll = new ScrollPane(new VBox(6, filterPane, layers, legend));
        layersScroll.setFitToWidth(true);
        layersScroll.setMinWidth(190);
        layersScroll.setPrefWidth(250);
        layersScroll.setAccessibleText(texts.text("layers.panel"));
        layersScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        FocusScroll.follow(layersScroll);
        details.setMinWidth(240);
        scaleBar = new ScaleBarView(vm.viewportProperty(), texts);
        StackPane map = new StackPane(canvas, scaleBar, playback);
        StackPane.setAlignment(playback, Pos.TOP_CENTER);
        StackPane.setMargin(playback, new Insets(10, 0, 0, 0));
        StackPane.setAlignment(scaleBar, Pos.BOTTOM_LEFT);
        StackPane.setMargin(scaleBar, new Insets(0, 0, 12, 12));
        map.setMinWidth(0);
        timeline = new TimelinePane(workers, texts);
        table = new IncidentTable(workers, vm, (records, rows) -> exchange.chooseExport(getScene().getWindow(), records, rows),
                this::openDetails);
        Tab timelineTab = new Tab(texts.text("tab.timeline"), timeline);
        Tab tableTab = new Tab(texts.text("tab.table"), table);
        tableTab.setId("table-tab");
        TabPane underMap = new TabPane(timelineTab, tableTab);
        underMap.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        underMap.setMinHeight(0);
        underMap.setAccessibleText(texts.text("tab.underMap"));
        if ("table".equals(settings.get("pane.under-map").orElse(""))) {
            underMap.getSelectionModel().select(tableTab);
        }
        underMap.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                settings.put("pane.under-map", now == tableTab ? "table" : "timeline"));
        mapAndTime = new SplitPane(map, underMap);
        mapAndTime.setOrientation(Orientation.VERTICAL);
        mapAndTime.setAccessibleText(texts.text("window.mapAndTime"));
        mapAndTime.setDividerPositions(settings.number("pane.timeline.divider").orElse(0.7));
        SplitPane.setResizableWithParent(underMap, false);
        mapAndTime.setMinWidth(0);
        panes = new SidePanes(layersScroll, mapAndTime, details, settings.number("pane.layers.width").orElse(250.0),
                settings.number("pane.details.width").orElse(380.0), settings.number("pane.map.chosen").orElse(Double.NaN));
        panes.setAccessibleText(texts.text("window.panes"));
        panes.leftShownProperty().set(!"false".equals(settings.get("pane.layers.shown").orElse("true")));
        panes.rightShownProperty().set(!"false".equals(settings.get("pane.details.shown").orElse("true")));
        setTop(new VBox(toolbar(), editBar));
        setCenter(panes);
        setBottom(statusBar());
        canvas.viewportProperty().bindBidirectional(vm.viewportProperty());
        canvas.setResizer(vm::resizedView);
        vm.mapProperty().addListener((obs, o, m) -> canvas.modelProperty().set(m == null ? null : m.model()));
        // The timeline counts what the filter passes whatever the days the map shows: the days are chosen on it.
        vm.mapProperty().addListener((obs, o, m) -> countOnTimeline());
        // The days marked on the timeline and the filter's days are one: each follows the other.
        timeline.rangeProperty().addListener((obs, o, days) -> {
            if (!java.util.Objects.equals(days, TimelinePane.daysOf(vm.filter()))) {
                vm.setFilter(vm.filter().toBuilder().time(days == null ? null : days.first(),
                        days == null ? null : days.last(), vm.filter().timeMatch()).build(), workers);
            }
        });
        vm.filterProperty().addListener((obs, o, f) -> timeline.rangeProperty().set(TimelinePane.daysOf(f)));
        // An edit or an import brought new incidents: the filter narrows them too.
        vm.recordsChangedProperty().addListener((obs, o, n) -> {
            events.reload(); // a deleted incident leaves its events, an import may bring new ones
            if (!vm.filter().isEmpty()) {
                vm.setFilter(vm.filter(), workers);
            }
        });
        // A sub-type with a marker of its own was added: the markers and the legend show it.
        vm.vocabularyChangedProperty().addListener((obs, o, n) -> layers.refreshStyle());
        // The table lists what the map shows.
        vm.mapProperty().addListener((obs, o, m) -> table.sourceProperty().set(m == null ? null
                : m.model().layer(IncidentLayer.NAME).flatMap(IncidentLayer::indexed).orElse(null)));
        vm.selectionProperty().addListener((obs, o, hits) -> {
            details.show(hits, vm.selectionTotal(), vm.nextPage().isPresent());
            canvas.setHighlights(vm.selectedPoints());
        });
        canvas.setOnMapClick(this::identifyAt);
        menu = new MapMenu(vm, canvas, edits.readOnlyReasonProperty(), (lon, lat) -> edits.add(getScene().getWindow(), lon, lat),
                this::identifyAt, (lon, lat) -> new MyPlaceDialog(getScene().getWindow(), lon, lat, texts).showAndWait()
                        .ifPresent(myPlaces::add));
        canvas.setOnPointerMoved(vm::pointerAt);
        canvas.setOnPointerLeft(vm::pointerLeft);
        canvas.setOnHome(vm::home);
        canvas.setAccessibleText(texts.text("map.name"));
        canvas.renderErrorProperty().addListener((obs, o, err) -> {
            if (err != null && !err.isEmpty()) {
                vm.messageProperty().set(texts.format("map.drawFailed", err));
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                search.focus();
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                escape();
                e.consume();
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

    EventsModel events() {
        return events;
    }

    MyPlacesModel myPlaces() {
        return myPlaces;
    }

    MeasureTool measure() {
        return measure;
    }

    SidePanes panes() {
        return panes;
    }

    LegendPane legend() {
        return legend;
    }

    IncidentTable table() {
        return table;
    }

    FilterPanel filterPanel() {
        return filter;
    }

    TitledPane filterPane() {
        return filterPane;
    }

    DetailsPane details() {
        return details;
    }

    MapMenu menu() {
        return menu;
    }

    ScaleBarView scaleBar() {
        return scaleBar;
    }

    ReportActions reportActions() {
        return report;
    }

    ExportActions exportActions() {
        return export;
    }

    AddOnMapMode addMode() {
        return addMode;
    }

    /** Remembers the view, the layers and the panes for the next start (see {@link WindowSettings}); the caller saves. */
    void remember() {
        LoadedMap m = vm.mapProperty().get();
        ViewMemory.remember(settings, vm.viewportProperty().get(), m == null ? null : m.model(), layers.styling());
        settings.put("pane.layers.width", panes.leftWidth());
        settings.put("pane.details.width", panes.rightWidth());
        settings.put("pane.map.chosen", Double.isNaN(panes.chosenMapWidth()) ? null : Double.toString(panes.chosenMapWidth()));
        settings.put("pane.layers.shown", Boolean.toString(panes.leftShownProperty().get()));
        settings.put("pane.details.shown", Boolean.toString(panes.rightShownProperty().get()));
        settings.put("pane.timeline.divider", mapAndTime.getDividerPositions()[0]);
        StartupPreview.remember(settings, canvas.localToScene(canvas.getLayoutBounds()));
    }

    /** Ends editing and closes the store (releasing its lock). JavaFX thread, when the window closes. */
    void close() {
        edits.close();
        rendering.close();
        if (server != null) {
            server.close(); // pushes what was asked, then closes the local copy
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * Lays the window out until the panes beside the map have the widths they are meant to have (see
     * {@link SidePanes#settle}). Without this the map was fitted to a width it lost a moment later, and
     * the country drawn at the first start was cut off at the side. JavaFX thread, once the window is
     * shown and before {@link #attach}.
     */
    void settleLayout() {
        applyCss();
        layout();
        panes.settle();
    }

    /**
     * Shows the map of all Kazakhstan when {@code loading} finishes, or its error. Called on the
     * JavaFX thread; the load itself runs elsewhere.
     */
    void attach(CompletionStage<MapApplication.Loaded> loading) {
        loading.whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error == null) {
                int w = (int) Math.max(1, canvas.getWidth());
                int h = (int) Math.max(1, canvas.getHeight());
                vm.loaded(loaded.map(), w, h);
                String said = vm.messageProperty().get();
                // The view and the layers as they were when the window was last closed.
                vm.updateModel(m -> ViewMemory.layers(settings, m));
                Envelope area = new Envelope(loaded.map().home());
                area.expandBy(Math.max(area.getWidth(), area.getHeight()));
                ViewMemory.view(settings, area, w, h).ifPresent(vm.viewportProperty()::set);
                layers.useStyling(ViewMemory.styling(settings));
                vm.messageProperty().set(said);
                store = loaded.store();
                vm.useVocabulary(store.vocabulary());
                // While the user looks at the map, the file is checked, so the first save need not wait.
                store.beginIntegrityCheck();
                myPlaces.reload();
                events.reload();
                boolean viewOnly = loaded.viewOnly();
                edits.attach(loaded.store(), loaded.oblasts(), loaded.notice(), viewOnly);
                if (loaded.server() != null) {
                    linkServer(loaded.server(), viewOnly ? loaded.notice() : null);
                }
                if (filterPane.isExpanded()) {
                    filter.refreshCounts();
                }
                editBar.notice(loaded.notice());
                canvas.requestFocus();
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                vm.messageProperty().set(texts.format("error.openMap", cause.getMessage()));
                Alert alert = DialogWords.of(new Alert(Alert.AlertType.ERROR, cause.getMessage()), texts);
                alert.setHeaderText(texts.text("error.openMapHeader"));
                alert.setTitle(texts.text("app.title"));
                alert.show();
            }
        }));
    }

    private HBox toolbar() {
        Button in = button("+", texts.text("toolbar.zoomInTip"), () -> canvas.zoomBy(2));
        in.setAccessibleText(texts.text("toolbar.zoomIn"));
        Button out = button("\u2212", texts.text("toolbar.zoomOutTip"), () -> canvas.zoomBy(0.5));
        out.setAccessibleText(texts.text("toolbar.zoomOut"));
        Button home = button(texts.text("toolbar.home"), texts.text("toolbar.homeTip"), vm::home);
        home.setId("home");
        Button exportButton = button(texts.text("toolbar.export"), texts.text("toolbar.exportTip"), export::open);
        exportButton.setId("export");
        Button reportButton = button(texts.text("report.menu"), texts.text("report.tip"), report::open);
        reportButton.setId("report");
        Button importOsm = button(texts.text("toolbar.importOsm"), texts.text("toolbar.importOsmTip"),
                this::importOsm);
        importOsm.setId("import-osm");
        ToggleButton layersShown = toggle("show-layers", texts.text("toolbar.layers"), texts.text("toolbar.layersTip"),
                panes.leftShownProperty());
        ToggleButton detailsShown = toggle("show-details", texts.text("toolbar.details"), texts.text("toolbar.detailsTip"),
                panes.rightShownProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button places = button(texts.text("toolbar.myPlaces"), texts.text("toolbar.myPlacesTip"),
                () -> new MyPlacesManager(getScene().getWindow(), myPlaces, vm).show());
        places.setId("my-places");
        ToggleButton measuring = new ToggleButton(texts.text("toolbar.measure"));
        measuring.setId("measure");
        measuring.setTooltip(new Tooltip(texts.text("toolbar.measureTip")));
        measuring.selectedProperty().bindBidirectional(measure.onProperty());
        SavedViewsMenu views = new SavedViewsMenu(vm, workers, () -> store, layers, () -> getScene().getWindow());
        // The user's places, the measure tool, the import of streets and the language menu go in the second
        // row, which wraps in a narrow window: the first keeps to an 800-pixel window in every language.
        Button openServer = button(texts.text("server.open"), texts.text("server.openTip"), this::openServer);
        openServer.setId("open-server");
        editBar.addTools(DisabledReason.wrap(importOsm, edits.readOnlyReasonProperty()), places, measuring, openServer,
                WindowLanguage.menu(texts, settings, vm.messageProperty()::set));
        HBox bar = new HBox(6, search, spacer, in, out, home, views, exportButton, reportButton, layersShown, detailsShown);
        bar.getChildren().forEach(n -> {
            if (n instanceof Region r && n != search && n != spacer) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        return bar;
    }

    private static ToggleButton toggle(String id, String text, String tip,
            javafx.beans.property.BooleanProperty shown) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.setTooltip(new Tooltip(tip));
        t.selectedProperty().bindBidirectional(shown);
        return t;
    }

    /**
     * Follows the server: every change saved here is pushed, others' changes are shown as they come, a
     * conflict is settled in a dialog, and the status bar names the server and what waits.
     */
    private void linkServer(ServerLink link, String viewOnly) {
        server = link;
        onServer.set(true);
        String where = link.address().toString();
        // A viewer's window says so in the status bar and the title as well as on the edit bar.
        String idle = viewOnly == null ? texts.format("server.status", where) : texts.format("server.statusWith", where, viewOnly);
        serverStatus.setText(idle);
        if (viewOnly != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle(texts.format("server.titleViewOnly", texts.text("app.title"), where));
        }
        serverStatus.setVisible(true);
        serverStatus.setManaged(true);
        serverStatus.setMinWidth(Region.USE_PREF_SIZE);
        edits.onSaved(id -> {
            if (id == null) {
                link.session().editedMany();
            } else {
                link.session().edited(List.of(id));
            }
        });
        link.attach(new ServerLink.Window() {
            @Override
            public void changed(java.util.Set<String> ids) {
                edits.changedElsewhere(ids);
            }

            @Override
            public void conflict(kz.incidentmap.sync.Conflict conflict) {
                new ConflictDialog(getScene().getWindow(), conflict, texts).showAndWait().ifPresent(settled -> {
                    link.session().resolve(conflict, settled.kept());
                    vm.messageProperty().set(texts.format("server.settled", settled.kept() != null
                            ? settled.kept().title() : conflict.id()));
                });
            }

            @Override
            public void status(kz.incidentmap.sync.SyncStatus status) {
                String words = status.words();
                serverStatus.setText(words.isEmpty() ? idle : texts.format("server.statusWith", where, words));
                serverStatus.setStyle(words.isEmpty() ? "" : "-fx-text-fill: #9a4b00;");
                // The server's name alone is kept whole; a long reason may be cut short (see the tooltip).
                serverStatus.setMinWidth(words.isEmpty() ? Region.USE_PREF_SIZE : 0);
            }
        });
    }

    private static Tooltip tooltipOf(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        return tip;
    }

    /**
     * Asks for a server and opens a window of its own on it, as a new run of the application (each
     * window has one record): this window stays as it is.
     */
    private void openServer() {
        RecentServers recent = new RecentServers(settings);
        new OpenServerDialog(getScene().getWindow(), recent.all(), texts).showAndWait().ifPresent(address -> {
            recent.opened(address);
            settings.save();
            try {
                ServerWindows.open(address);
                vm.messageProperty().set(texts.format("server.opening", address.toString()));
            } catch (java.io.IOException e) {
                vm.messageProperty().set(texts.format("server.openFailed", address.toString(), e.getMessage()));
            }
        });
    }

    /** The versions the server kept of {@code incident}; one restored is saved as an edit of it. */
    private void showHistory(kz.incidentmap.model.Incident incident) {
        if (server == null || server.session() == null) {
            return;
        }
        new HistoryDialog(getScene().getWindow(), incident, server.session(), workers, earlier -> {
            if (!edits.editableProperty().get()) {
                return;
            }
            edits.execute(new kz.incidentmap.edit.UpdateIncident(incident, earlier));
        }, texts).show();
    }

    /** The status bar's words on the server, empty for a file. */
    Label serverStatus() {
        return serverStatus;
    }

    private HBox statusBar() {
        Label pointer = new Label();
        pointer.setId("pointer");
        pointer.textProperty().bind(vm.pointerProperty());
        pointer.setMinWidth(230);
        pointer.setAccessibleText(texts.text("status.pointerName"));
        Label scale = new Label();
        scale.setId("scale");
        scale.textProperty().bind(Bindings.createStringBinding(
                () -> MapViewModel.scaleText(vm.viewportProperty().get(), texts), vm.viewportProperty()));
        scale.setMinWidth(120);
        scale.setAccessibleText(texts.text("status.scaleName"));
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        message.setAccessibleText(texts.text("status.name"));
        message.setMinWidth(0);
        serverStatus.setId("server-status");
        serverStatus.setAccessibleText(texts.text("server.statusName"));
        serverStatus.setVisible(false);
        serverStatus.setManaged(false);
        // A long reason (a lost connection) is cut short here and given whole in the tooltip: the status bar
        // must never widen the window.
        serverStatus.setMinWidth(0);
        serverStatus.setTooltip(tooltipOf(serverStatus));
        HBox bar = new HBox(16, pointer, scale, serverStatus, message);
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

    /**
     * Gives the timeline the incidents the filter passes whatever their days: at once when they are known
     * (only the days changed), else made on a worker after the map's own narrowing, so the frame comes first.
     */
    private void countOnTimeline() {
        if (vm.mapProperty().get() == null || vm.latestIncidents() == null) {
            timeline.incidentsProperty().set(null);
            return;
        }
        vm.timelineIncidents().ifPresentOrElse(timeline.incidentsProperty()::set, () -> workers.run(vm.undating(), u -> {
            if (vm.undated(u)) {
                timeline.incidentsProperty().set(u.index());
            }
        }, e -> vm.messageProperty().set(texts.format("error.timelineCount", e.getMessage()))));
    }

    /** Enter in the incident table: the details pane shown, with the keyboard in it. */
    private void openDetails() {
        panes.rightShownProperty().set(true);
        details.requestFocus();
    }

    /** Escape: ends Add on map or the drawing of an area first, else clears the selection. */
    private void escape() {
        if (addMode.isOn()) {
            addMode.leave();
        } else if (sketch.isDrawing()) {
            sketch.cancel();
        } else if (measure.onProperty().get()) {
            measure.stop();
        } else {
            vm.clearSelection();
        }
    }

    private void identifyAt(double x, double y) {
        LoadedMap map = vm.mapProperty().get();
        Viewport vp = vm.viewportProperty().get();
        if (map == null || vp == null) {
            return;
        }
        if (addMode.takesClick()) {
            Coordinate w = vp.toWorld(x, y);
            Coordinate ll = vp.projection().toLonLat(w.x, w.y);
            edits.add(getScene().getWindow(), ll.x, ll.y);
            return;
        }
        // The clusters of the frame on screen: a click hits what is drawn (another view's are ignored).
        FrameImage shown = canvas.currentFrame();
        FrameGroups drawn = shown == null ? FrameGroups.NONE : shown.groups();
        workers.run(() -> vm.identify(map, vp, x, y, drawn), vm::select,
                e -> vm.messageProperty().set(texts.format("error.identify", e.getMessage())));
    }

    /** Reads the next page of the selected cluster's list on a worker thread and adds it to the details. */
    private void morePages() {
        vm.nextPage().ifPresent(next -> workers.run(next, page -> {
            if (!vm.addPage(page)) {
                showDetailsAgain(); // nothing new listed, so the selection's listener does not run
            }
        }, e -> {
            vm.messageProperty().set(texts.format("error.morePages", e.getMessage()));
            showDetailsAgain();
        }));
    }

    /** The details as the selection stands: the "more" button disabled itself when clicked, and is offered again. */
    private void showDetailsAgain() {
        details.show(vm.selectionProperty().get(), vm.selectionTotal(), vm.nextPage().isPresent());
    }

    private void importOsm() {
        if (store == null || store.isReadOnly()) {
            return; // the button is disabled then, its tooltip saying why
        }
        OsmImportDialog dialog = new OsmImportDialog(getScene().getWindow(), workers, store, this::reloadStreets, texts);
        Viewport vp = vm.viewportProperty().get();
        if (vp != null) {
            dialog.offerBox(vp.projection().toLonLat(vp.bounds()));
        }
        dialog.show();
    }

    /**
     * After an import: reads the map again on a worker thread, with the incidents of the store the
     * window holds open (opening it a second time would meet its own edit lock), and shows it at the
     * same view.
     */
    private void reloadStreets() {
        IncidentStore open = store;
        Path maps = mapsDir;
        workers.run(() -> {
            // One connection for both; the places first, as the layers close it when they read all in.
            ImportedStreets read = ImportedStreets.inStore(open.file());
            List<OsmPlace> places = read.places();
            return new StreetsReload(StreetLayers.load(maps, read, MapProjection.kazakhstan()), places);
        }, r -> vm.streetsReloaded(r.layers(), r.places()),
                e -> vm.messageProperty().set(texts.format("error.reloadStreets", e.getMessage())));
    }

    /** The street layers and the settlements read again after an import. */
    private record StreetsReload(List<MapLayer> layers, List<OsmPlace> places) {
    }

    /** Writes the requested page on a worker thread; the result shows in the status bar. */
    void export(ExportDialog.Request r) {
        export.write(r, failed -> { }, () -> { });
    }
}
