package kz.incidentmap.view;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.LayerSettings;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.render.SavedViewArea;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Envelope;

/**
 * The toolbar's <b>Views</b>: saves what the window shows under a name in the store (the area, the
 * filter, the layers and the colouring) and shows a saved one again. The list is read from the store
 * each time the menu opens, on a worker thread. JavaFX thread only.
 */
final class SavedViewsMenu extends MenuButton {

    private final MapViewModel vm;
    private final Workers workers;
    private final Supplier<IncidentStore> store;
    private final LayersPanel layers;
    private final Supplier<Window> owner;

    SavedViewsMenu(MapViewModel vm, Workers workers, Supplier<IncidentStore> store, LayersPanel layers,
            Supplier<Window> owner) {
        super(vm.texts().text("views.title"));
        this.vm = vm;
        this.workers = workers;
        this.store = store;
        this.layers = layers;
        this.owner = owner;
        setId("views");
        setTooltip(new Tooltip(vm.texts().text("views.tip")));
        setAccessibleText(vm.texts().text("views.accessible"));
        setOnShowing(e -> refresh());
        refresh();
    }

    private void refresh() {
        MenuItem save = new MenuItem(vm.texts().text("views.save"));
        save.setId("save-view");
        save.setOnAction(e -> askAndSave());
        getItems().setAll(save);
        IncidentStore s = store.get();
        if (s == null) {
            return;
        }
        workers.run(s::views, views -> {
            if (!views.isEmpty()) {
                getItems().add(new SeparatorMenuItem());
            }
            for (SavedView v : views) {
                MenuItem item = new MenuItem(v.name());
                item.setOnAction(e -> show(v));
                getItems().add(item);
            }
        }, e -> vm.messageProperty().set(vm.texts().format("views.readFailed", e.getMessage())));
    }

    private void askAndSave() {
        IncidentStore s = store.get();
        LoadedMap m = vm.mapProperty().get();
        Viewport vp = vm.viewportProperty().get();
        if (s == null || m == null || vp == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(owner.get());
        ask.setTitle(vm.texts().text("views.saveTitle"));
        ask.setHeaderText(vm.texts().text("views.saveHeader"));
        ask.setContentText(vm.texts().text("views.name"));
        DialogWords.buttons(ask.getDialogPane(), vm.texts());
        Optional<String> name = ask.showAndWait();
        if (name.isEmpty()) {
            return;
        }
        SavedView view;
        try {
            Envelope area = vp.projection().toLonLat(vp.bounds());
            view = new SavedView(name.get(), area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY(),
                    vp.scaleDenominator(), FilterArguments.json(vm.filter()), LayerSettings.of(m.model(), layers.styling()).toJson(), Instant.now());
        } catch (IllegalArgumentException e) {
            vm.messageProperty().set(vm.texts().format("views.saveFailed", e.getMessage()));
            return;
        }
        workers.run(() -> {
            s.saveView(view);
            return view;
        }, v -> vm.messageProperty().set(vm.texts().format("views.saved", v.name())),
                e -> vm.messageProperty().set(vm.texts().format("views.saveFailed", e.getMessage())));
    }

    /** Shows {@code v}: its area at its scale, its layers and colouring, and its whole filter. */
    void show(SavedView v) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        IncidentFilter filter;
        try {
            filter = FilterArguments.read(FilterArguments.parse(v.filter()), vm.vocabulary());
        } catch (IllegalArgumentException e) {
            vm.messageProperty().set(vm.texts().format("views.badFilter", v.name(), e.getMessage()));
            return;
        }
        vm.viewportProperty().set(SavedViewArea.viewport(v, vp.width(), vp.height(), vp.projection()));
        LayerSettings.fromJson(v.layers()).ifPresent(s -> {
            vm.updateModel(s::applyTo);
            layers.useStyling(s.styling());
        });
        vm.setFilter(filter, workers);
    }
}
