package kz.incidentmap.view;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.FilterValues;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.SourceAgreement;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.layers.AmbiguousPlaceException;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.UnknownPlaceException;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.ValueCounts;

/**
 * The filter, set from the window: days, types, casualties, perpetrators, groups claiming and oblasts
 * (picked from the values in the store, with their counts), text, and an area (the view shown, a
 * rectangle or polygon drawn on the map, or within a distance of a place or point). Every change is
 * applied to the map at once (typing after a pause); the panel follows the filter when it is set
 * elsewhere (the timeline, a saved view). The parts it has no control for (sub-types, sources, tags,
 * an expression) are kept as they are. A value it cannot use is named under it and nothing changes.
 * JavaFX thread only.
 */
final class FilterPanel extends VBox {

    private static final Duration TYPING_PAUSE = Duration.millis(400);
    /** Before a filter error in the status bar. */
    static final String ERROR_PREFIX = "Filter not changed: ";

    private final MapViewModel vm;
    private final Workers workers;
    private final Supplier<IncidentStore> store;
    private final AreaSketch sketch;
    private final ObservableList<MyPlace> myPlaces;
    private final DatePicker from = datePicker("filter-from", "From");
    private final DatePicker to = datePicker("filter-to", "To");
    private final CheckBox inside = new CheckBox("Only dates certainly inside");
    private final Map<IncidentType, CheckBox> types = new EnumMap<>(IncidentType.class);
    private final TextField minKilled = number("filter-min-killed", "Killed at least");
    private final TextField maxKilled = number("filter-max-killed", "Killed at most");
    private final TextField minWounded = number("filter-min-wounded", "Wounded at least");
    private final TextField maxWounded = number("filter-max-wounded", "Wounded at most");
    private final CheckBox everySource = new CheckBox("Every source agrees");
    /** "Any source", then A to F: the item's index less one is the grade's ordinal. */
    private final ComboBox<String> minGrade = new ComboBox<>(FXCollections.observableArrayList("Any source",
            "A, completely reliable", "B or better", "C or better", "D or better", "E or better",
            "F, not judged"));
    private final PickList perpetrators = new PickList("filter-perpetrators", "Perpetrators");
    private final PickList claimedBy = new PickList("filter-claimed-by", "Claimed by");
    private final PickList oblasts = new PickList("filter-oblasts", "Oblasts");
    private final TextField text = new TextField();
    private final Label areaLabel = new Label("Anywhere");
    private final TextField withinKm = new TextField();
    private final TextField withinOf = new TextField();
    private final Label error = new Label();
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    /** True while the controls are set from a filter, so that they do not ask for it again. */
    private boolean showing;

    /** @param myPlaces the user's own places, offered as what "within … of" measures from */
    FilterPanel(MapViewModel vm, Workers workers, Supplier<IncidentStore> store, AreaSketch sketch,
            ObservableList<MyPlace> myPlaces) {
        super(6);
        this.vm = vm;
        this.workers = workers;
        this.store = store;
        this.sketch = sketch;
        this.myPlaces = myPlaces;
        setId("filter-panel");
        setPadding(new Insets(4));
        setAccessibleText("Filter");
        typing.setOnFinished(e -> apply());
        Button clear = new Button("Clear all");
        clear.setId("filter-clear");
        clear.setTooltip(new Tooltip("Show every incident"));
        clear.setOnAction(e -> {
            sketch.cancel();
            vm.setFilter(IncidentFilter.ALL, workers);
        });
        error.setId("filter-error");
        error.setAccessibleText("Why the filter was not changed");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(clear, error, heading("Days"), days(), heading("Types"), types(), heading("Casualties"),
                casualties(), heading("Perpetrator"), perpetrators, heading("Claimed by"), claimedBy,
                heading("Oblast"), oblasts, heading("Text"), text(), heading("Area"),
                area());
        for (PickList list : List.of(perpetrators, claimedBy, oblasts)) {
            list.setOnChange(this::apply);
        }
        vm.filterProperty().addListener((o, a, f) -> show(f));
        show(vm.filter());
    }

    /** Reads the values the store's incidents take, with counts, and the count of each type, on a worker. */
    void refreshCounts() {
        IncidentStore s = store.get();
        IncidentFeatureSource all = vm.latestIncidents();
        if (s == null) {
            return;
        }
        workers.run(() -> new Counts(s.valueCounts(ValueCounts.Column.PERPETRATOR), s.valueCounts(ValueCounts.Column.CLAIMED_BY),
                s.valueCounts(ValueCounts.Column.OBLAST), typeCounts(all == null ? null : all.index())), c -> {
                    perpetrators.offer(c.perpetrators());
                    claimedBy.offer(c.claimedBy());
                    oblasts.offer(c.oblasts());
                    for (IncidentType t : IncidentType.values()) {
                        types.get(t).setText(String.format(Locale.ROOT, "%s (%,d)", t.label(), c.types()[t.ordinal()]));
                    }
                    show(vm.filter());
                }, e -> vm.messageProperty().set("Cannot read the values to filter by: " + e.getMessage()));
    }

    private record Counts(List<ValueCounts.ValueCount> perpetrators, List<ValueCounts.ValueCount> claimedBy,
            List<ValueCounts.ValueCount> oblasts, int[] types) {
    }

    private static int[] typeCounts(IncidentIndex index) {
        int[] n = new int[IncidentType.values().length];
        if (index != null) {
            for (int row = 0; row < index.size(); row++) {
                n[index.typeOrdinal(row)]++;
            }
        }
        return n;
    }

    private Node days() {
        inside.setId("filter-inside");
        inside.setTooltip(new Tooltip("An incident known only to its month or year is kept when that month or year"
                + " overlaps the days; ticked, only when it lies wholly in them"));
        inside.selectedProperty().addListener((o, a, b) -> apply());
        GridPane g = grid();
        g.addRow(0, new Label("From"), from);
        g.addRow(1, new Label("To"), to);
        return new VBox(4, g, inside);
    }

    private Node types() {
        FlowPane pane = new FlowPane(8, 2);
        for (IncidentType t : IncidentType.values()) {
            CheckBox box = new CheckBox(t.label());
            box.setId("filter-type-" + t.code());
            box.selectedProperty().addListener((o, a, b) -> apply());
            types.put(t, box);
            pane.getChildren().add(box);
        }
        pane.setPrefWrapLength(200);
        return pane;
    }

    private Node casualties() {
        GridPane g = grid();
        g.add(new Label("at least"), 1, 0);
        g.add(new Label("at most"), 2, 0);
        g.addRow(1, new Label("Killed"), minKilled, maxKilled);
        g.addRow(2, new Label("Wounded"), minWounded, maxWounded);
        everySource.setId("filter-every-source");
        everySource.setTooltip(new Tooltip("Unticked, one source's figure meeting the bounds is enough"));
        everySource.selectedProperty().addListener((o, a, b) -> apply());
        minGrade.setId("filter-min-grade");
        minGrade.setAccessibleText("Only incidents with a source graded this or better");
        minGrade.setTooltip(new Tooltip("Only incidents with a source graded this or better (Admiralty scale);"
                + " the casualty bounds then count only such sources' figures"));
        minGrade.getSelectionModel().select(0);
        minGrade.valueProperty().addListener((o, a, b) -> apply());
        Label graded = new Label("Only incidents with a source graded");
        graded.setLabelFor(minGrade);
        graded.setWrapText(true);
        minGrade.setMaxWidth(Double.MAX_VALUE);
        return new VBox(4, g, everySource, graded, minGrade);
    }

    private Node text() {
        text.setId("filter-text");
        text.setAccessibleText("Text in the title, place or description");
        text.setPromptText("in title, place or description");
        text.setTooltip(new Tooltip("Latin or Cyrillic, any case: \"Тараз\" also finds \"Taraz\""));
        text.textProperty().addListener((o, a, b) -> typed());
        text.setOnAction(e -> apply());
        return text;
    }

    private Node area() {
        areaLabel.setId("filter-area");
        areaLabel.setWrapText(true);
        Button view = new Button("The view");
        view.setId("filter-area-view");
        view.setTooltip(new Tooltip("Only incidents in the part of the map shown now"));
        view.setOnAction(e -> useView());
        Button rectangle = new Button("Rectangle");
        rectangle.setId("filter-area-rectangle");
        rectangle.setTooltip(new Tooltip("Drag a rectangle over the map"));
        rectangle.setOnAction(e -> sketch.start(AreaSketch.Shape.RECTANGLE, this::apply));
        Button polygon = new Button("Polygon");
        polygon.setId("filter-area-polygon");
        polygon.setTooltip(new Tooltip("Click the polygon's corners on the map; double-click to close"));
        polygon.setOnAction(e -> sketch.start(AreaSketch.Shape.POLYGON, this::apply));
        Button anywhere = new Button("Anywhere");
        anywhere.setId("filter-area-clear");
        anywhere.setOnAction(e -> {
            sketch.cancel();
            apply((Area) null);
        });
        withinKm.setId("filter-within-km");
        withinKm.setAccessibleText("Within this many kilometres");
        withinKm.setPromptText("km");
        withinKm.setPrefColumnCount(4);
        withinOf.setId("filter-within-of");
        withinOf.setAccessibleText("Of this place or point");
        withinOf.setPromptText("place, place:mine or lon,lat");
        withinOf.setOnAction(e -> useWithin());
        withinKm.setOnAction(e -> useWithin());
        Button near = new Button("Set");
        near.setId("filter-within-set");
        near.setOnAction(e -> useWithin());
        HBox distance = new HBox(4, new Label("Within"), withinKm, new Label("km of"));
        distance.setAlignment(Pos.CENTER_LEFT);
        MenuButton mine = new MenuButton("Mine");
        mine.setId("filter-within-mine");
        mine.setTooltip(new Tooltip("Measure from a place of yours"));
        mine.disableProperty().bind(Bindings.isEmpty(myPlaces));
        Runnable offer = () -> mine.getItems().setAll(myPlaces.stream().map(p -> {
            MenuItem item = new MenuItem(p.name());
            item.setOnAction(a -> {
                withinOf.setText(MyPlace.REFERENCE_PREFIX + p.name());
                useWithin();
            });
            return item;
        }).toList());
        myPlaces.addListener((ListChangeListener<MyPlace>) c -> offer.run());
        offer.run();
        HBox of = new HBox(4, withinOf, mine, near);
        HBox.setHgrow(withinOf, Priority.ALWAYS);
        FlowPane buttons = new FlowPane(4, 4, view, rectangle, polygon, anywhere);
        return new VBox(4, areaLabel, buttons, distance, of);
    }

    private void useView() {
        Viewport vp = vm.viewportProperty().get();
        if (vp != null) {
            sketch.cancel();
            apply(Area.inside(vp.projection().toLonLat(vp.bounds())));
        }
    }

    /** Within KM of a place the map's gazetteer knows, of a place of the user's (place:NAME), or of LON,LAT. */
    private void useWithin() {
        LoadedMap m = vm.mapProperty().get();
        try {
            double km;
            try {
                km = FilterValues.withinKm(Double.parseDouble(withinKm.getText().strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Within: '" + withinKm.getText() + "' is not a number of km");
            }
            String of = withinOf.getText().strip();
            String name = MyPlace.referencedName(of);
            if (name != null) {
                MyPlace p = myPlaces.stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Within … of: you have no place named '" + name + "'"));
                sketch.cancel();
                apply(Area.within(km, p.lon(), p.lat(), p.name()));
                return;
            }
            double[] point = FilterValues.point("Within … of", of);
            if (point != null) {
                apply(Area.within(km, point[0], point[1], of));
                return;
            }
            if (m == null) {
                return;
            }
            Gazetteer.Place place = m.gazetteer().require(of);
            sketch.cancel();
            apply(Area.within(km, place.lon(), place.lat(), place.name()));
        } catch (UnknownPlaceException | AmbiguousPlaceException e) {
            showError("Within … of: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        }
    }

    private void typed() {
        if (!showing) {
            typing.playFromStart();
        }
    }

    /** The filter the controls ask for, applied to the map; a value that cannot be used is named instead. */
    void apply() {
        apply(vm.filter().area());
    }

    /** As {@link #apply()}, with {@code area}: the area is shown on the map, not kept in a control. */
    private void apply(Area area) {
        if (showing) {
            return;
        }
        typing.stop();
        IncidentFilter wanted;
        try {
            wanted = fromControls(area);
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        showError(null);
        if (!wanted.equals(vm.filter())) {
            vm.setFilter(wanted, workers);
        }
    }

    private IncidentFilter fromControls(Area area) {
        Set<IncidentType> chosen = EnumSet.noneOf(IncidentType.class);
        types.forEach((t, box) -> {
            if (box.isSelected()) {
                chosen.add(t);
            }
        });
        IncidentFilter current = vm.filter();
        return current.toBuilder()
                .time(from.getValue(), to.getValue(), inside.isSelected() ? TimeMatch.INSIDE : TimeMatch.OVERLAPS)
                .types(chosen)
                .killed(count(minKilled, "Killed at least"), count(maxKilled, "Killed at most"))
                .wounded(count(minWounded, "Wounded at least"), count(maxWounded, "Wounded at most"))
                .agreement(everySource.isSelected() ? SourceAgreement.EVERY_SOURCE : SourceAgreement.ANY_SOURCE)
                .minGrade(minGrade.getSelectionModel().getSelectedIndex() <= 0 ? null
                        : Reliability.values()[minGrade.getSelectionModel().getSelectedIndex() - 1])
                .perpetrators(perpetrators.chosen()).claimedBy(claimedBy.chosen()).oblasts(oblasts.chosen())
                .text(text.getText()).area(area).build();
    }

    private static Integer count(TextField field, String what) {
        String t = field.getText().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + t + "' is not a whole number of 0 or more");
        }
    }

    /** The controls as {@code f} sets them. */
    private void show(IncidentFilter f) {
        showing = true;
        try {
            from.setValue(f.from());
            to.setValue(f.to());
            inside.setSelected(f.timeMatch() == TimeMatch.INSIDE);
            types.forEach((t, box) -> box.setSelected(f.types().contains(t)));
            setNumber(minKilled, f.minKilled());
            setNumber(maxKilled, f.maxKilled());
            setNumber(minWounded, f.minWounded());
            setNumber(maxWounded, f.maxWounded());
            everySource.setSelected(f.agreement() == SourceAgreement.EVERY_SOURCE);
            minGrade.getSelectionModel().select(f.minGrade() == null ? 0 : f.minGrade().ordinal() + 1);
            perpetrators.choose(f.perpetrators());
            claimedBy.choose(f.claimedBy());
            oblasts.choose(f.oblasts());
            if (!Optional.ofNullable(f.text()).orElse("").equals(text.getText().strip())) {
                text.setText(f.text() == null ? "" : f.text());
            }
            areaLabel.setText(f.area() == null ? "Anywhere" : f.area().describe());
        } finally {
            showing = false;
        }
        showError(null);
    }

    private static void setNumber(TextField field, Integer n) {
        String want = n == null ? "" : Integer.toString(n);
        if (!want.equals(field.getText().strip())) {
            field.setText(want);
        }
    }

    /**
     * Names a value that cannot be used under <b>Clear all</b> and in the status bar: the control may be far
     * down the panel, out of sight of its top. Null takes the message away from both.
     */
    private void showError(String message) {
        boolean shown = message != null;
        String said = error.getText();
        error.setText(shown ? message : "");
        error.setManaged(shown);
        error.setVisible(shown);
        if (shown) {
            vm.messageProperty().set(ERROR_PREFIX + message);
        } else if (!said.isEmpty() && (ERROR_PREFIX + said).equals(vm.messageProperty().get())) {
            vm.messageProperty().set("");
        }
    }

    private TextField number(String id, String what) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(what);
        f.setPrefColumnCount(4);
        f.textProperty().addListener((o, a, b) -> typed());
        f.setOnAction(e -> apply());
        return f;
    }

    /** A date picker whose typed text is read as YYYY-MM-DD; text that is no date is named, not thrown. */
    private DatePicker datePicker(String id, String what) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setAccessibleText(what);
        p.setPromptText("YYYY-MM-DD");
        p.setPrefWidth(140);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.strip());
                } catch (DateTimeParseException e) {
                    showError(what + ": '" + s.strip() + "' is not a date, expected YYYY-MM-DD");
                    return p.getValue();
                }
            }
        });
        p.valueProperty().addListener((o, a, b) -> apply());
        return p;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        l.setPadding(new Insets(4, 0, 0, 0));
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        return g;
    }
}
