package kz.incidentmap.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.layers.LayerSettings;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.render.SavedViewArea;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.timeline.DateRange;
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
    private final TimelinePane timeline;
    private final Supplier<Window> owner;

    SavedViewsMenu(MapViewModel vm, Workers workers, Supplier<IncidentStore> store, LayersPanel layers,
            TimelinePane timeline, Supplier<Window> owner) {
        super("Views");
        this.vm = vm;
        this.workers = workers;
        this.store = store;
        this.layers = layers;
        this.timeline = timeline;
        this.owner = owner;
        setId("views");
        setTooltip(new Tooltip("Save the area, filter and layers shown under a name, or show a saved view"));
        setAccessibleText("Saved views");
        setOnShowing(e -> refresh());
        refresh();
    }

    private void refresh() {
        MenuItem save = new MenuItem("Save this view\u2026");
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
        }, e -> vm.messageProperty().set("Cannot read the saved views: " + e.getMessage()));
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
        ask.setTitle("Save this view");
        ask.setHeaderText("The area, the days and the layers shown, under a name kept in the store");
        ask.setContentText("Name:");
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
            vm.messageProperty().set("Cannot save the view: " + e.getMessage());
            return;
        }
        workers.run(() -> {
            s.saveView(view);
            return view;
        }, v -> vm.messageProperty().set("Saved the view '" + v.name() + "'"),
                e -> vm.messageProperty().set("Cannot save the view: " + e.getMessage()));
    }

    /**
     * Shows {@code v}: its area, its layers and colouring, and its days on the timeline. Other filter
     * options a view may hold (saved with 'views save') are named in the status line: the window has no
     * place for them yet, while {@code snapshot --view} and {@code export --view} apply them all.
     */
    void show(SavedView v) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        vm.viewportProperty().set(SavedViewArea.viewport(v, vp.width(), vp.height(), vp.projection()));
        LayerSettings.fromJson(v.layers()).ifPresent(s -> {
            vm.updateModel(s::applyTo);
            layers.useStyling(s.styling());
        });
        String[] args;
        try {
            args = FilterArguments.parse(v.filter());
        } catch (IllegalArgumentException e) {
            vm.messageProperty().set("The view '" + v.name() + "': its filter cannot be read (" + e.getMessage() + ")");
            return;
        }
        Optional<DateRange> days = days(args);
        timeline.rangeProperty().set(days.orElse(null));
        List<String> others = otherOptions(args);
        vm.messageProperty().set("The view '" + v.name() + "'" + (others.isEmpty() ? ""
                : "; its other filter options (" + String.join(" ", others) + ") are applied by snapshot --view and export --view"));
    }

    private static Optional<DateRange> days(String[] args) {
        try {
            Optional<LocalDate> from = FilterArguments.value(args, "--from").map(LocalDate::parse);
            Optional<LocalDate> to = FilterArguments.value(args, "--to").map(LocalDate::parse);
            if (from.isEmpty() && to.isEmpty()) {
                return Optional.empty();
            }
            LocalDate first = from.orElse(LocalDate.of(1800, 1, 1));
            LocalDate last = to.orElse(LocalDate.now());
            return last.isBefore(first) ? Optional.empty() : Optional.of(new DateRange(first, last));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> otherOptions(String[] args) {
        List<String> all = Arrays.asList(args);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String a = all.get(i);
            if (a.equals("--from") || a.equals("--to")) {
                i++;
            } else if (!a.equals("--time-match") || i + 1 >= all.size() || !all.get(i + 1).equals("overlaps")) {
                out.add(a);
            }
        }
        return out;
    }
}
