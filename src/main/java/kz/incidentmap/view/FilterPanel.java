package kz.incidentmap.view;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.FilterValues;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.SourceAgreement;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.i18n.Texts;
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
    static final String ERROR_PREFIX = "filter.notChanged";

    private final MapViewModel vm;
    private final Workers workers;
    private final Supplier<IncidentStore> store;
    private final AreaSketch sketch;
    private final ObservableList<MyPlace> myPlaces;
    private final Texts texts;
    private final DatePicker from;
    private final DatePicker to;
    private final CheckBox inside;
    private final Map<IncidentType, CheckBox> types = new EnumMap<>(IncidentType.class);
    private final TextField minKilled;
    private final TextField maxKilled;
    private final TextField minWounded;
    private final TextField maxWounded;
    private final CheckBox everySource;
    /** "Any source", then A to F: the item's index less one is the grade's ordinal. */
    private final ComboBox<String> minGrade;
    private final PickList perpetrators;
    private final PickList claimedBy;
    private final PickList oblasts;
    private final TextField text = new TextField();
    private final Label areaLabel;
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
        this.texts = vm.texts();
        from = datePicker("filter-from", texts.text("filter.from"));
        to = datePicker("filter-to", texts.text("filter.to"));
        inside = new CheckBox(texts.text("filter.inside"));
        minKilled = number("filter-min-killed", texts.text("filter.minKilled"));
        maxKilled = number("filter-max-killed", texts.text("filter.maxKilled"));
        minWounded = number("filter-min-wounded", texts.text("filter.minWounded"));
        maxWounded = number("filter-max-wounded", texts.text("filter.maxWounded"));
        everySource = new CheckBox(texts.text("filter.everySource"));
        minGrade = new ComboBox<>(FXCollections.observableArrayList(texts.text("filter.anySource"),
                texts.text("filter.gradeA"), texts.format("filter.orBetter", "B"), texts.format("filter.orBetter", "C"),
                texts.format("filter.orBetter", "D"), texts.format("filter.orBetter", "E"), texts.text("filter.gradeF")));
        perpetrators = new PickList("filter-perpetrators", texts.text("filter.perpetrators"), texts);
        claimedBy = new PickList("filter-claimed-by", texts.text("filter.claimedBy"), texts);
        oblasts = new PickList("filter-oblasts", texts.text("filter.oblasts"), texts);
        areaLabel = new Label(texts.text("filter.anywhere"));
        this.workers = workers;
        this.store = store;
        this.sketch = sketch;
        this.myPlaces = myPlaces;
        setId("filter-panel");
        setPadding(new Insets(4));
        setAccessibleText(texts.text("filter.title"));
        typing.setOnFinished(e -> apply());
        Button clear = new Button(texts.text("filter.clear"));
        clear.setId("filter-clear");
        clear.setTooltip(new Tooltip(texts.text("filter.clearTip")));
        clear.setOnAction(e -> {
            sketch.cancel();
            vm.setFilter(IncidentFilter.ALL, workers);
        });
        error.setId("filter-error");
        error.setAccessibleText(texts.text("filter.errorName"));
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(clear, error, heading("filter.days"), days(), heading("filter.types"), types(),
                heading("filter.casualties"), casualties(), heading("filter.perpetrator"), perpetrators,
                heading("filter.claimedBy"), claimedBy, heading("filter.oblast"), oblasts, heading("filter.text"), text(),
                heading("filter.area"),
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
                        types.get(t).setText(texts.format("filter.typeCount", texts.typeName(t), c.types()[t.ordinal()]));
                    }
                    show(vm.filter());
                }, e -> vm.messageProperty().set(texts.format("filter.countsFailed", e.getMessage())));
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
        inside.setTooltip(new Tooltip(texts.text("filter.insideTip")));
        inside.selectedProperty().addListener((o, a, b) -> apply());
        wraps(inside);
        GridPane g = grid();
        g.addRow(0, new Label(texts.text("filter.from")), from);
        g.addRow(1, new Label(texts.text("filter.to")), to);
        return new VBox(4, g, inside);
    }

    private Node types() {
        // One a line, wrapped in a narrow panel: the names are long in Russian and Kazakh.
        VBox pane = new VBox(2);
        for (IncidentType t : IncidentType.values()) {
            CheckBox box = new CheckBox(texts.typeName(t));
            box.setId("filter-type-" + t.code());
            box.selectedProperty().addListener((o, a, b) -> apply());
            wraps(box);
            types.put(t, box);
            pane.getChildren().add(box);
        }
        return pane;
    }

    /** A label never cut short: the controls beside it give way instead. */
    private static Label whole(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A check box whose text wraps onto more lines rather than being cut short at the panel's width. */
    private static void wraps(CheckBox box) {
        box.setWrapText(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinHeight(Region.USE_PREF_SIZE);
    }

    private Node casualties() {
        GridPane g = grid();
        g.add(whole(texts.text("filter.atLeast")), 1, 0);
        g.add(whole(texts.text("filter.atMost")), 2, 0);
        g.addRow(1, whole(texts.text("filter.killed")), minKilled, maxKilled);
        g.addRow(2, whole(texts.text("filter.wounded")), minWounded, maxWounded);
        for (TextField f : List.of(minKilled, maxKilled, minWounded, maxWounded)) {
            f.setMinWidth(40); // the fields give way to their labels in a narrow panel
        }
        everySource.setId("filter-every-source");
        wraps(everySource);
        everySource.setTooltip(new Tooltip(texts.text("filter.everySourceTip")));
        everySource.selectedProperty().addListener((o, a, b) -> apply());
        minGrade.setId("filter-min-grade");
        minGrade.setAccessibleText(texts.text("filter.gradeName"));
        minGrade.setTooltip(new Tooltip(texts.text("filter.gradeTip")));
        minGrade.getSelectionModel().select(0);
        minGrade.valueProperty().addListener((o, a, b) -> apply());
        Label graded = new Label(texts.text("filter.graded"));
        graded.setLabelFor(minGrade);
        graded.setWrapText(true);
        minGrade.setMaxWidth(Double.MAX_VALUE);
        return new VBox(4, g, everySource, graded, minGrade);
    }

    private Node text() {
        text.setId("filter-text");
        text.setAccessibleText(texts.text("filter.textName"));
        text.setPromptText(texts.text("filter.textPrompt"));
        text.setTooltip(new Tooltip(texts.text("filter.textTip")));
        text.textProperty().addListener((o, a, b) -> typed());
        text.setOnAction(e -> apply());
        return text;
    }

    private Node area() {
        areaLabel.setId("filter-area");
        areaLabel.setWrapText(true);
        Button view = new Button(texts.text("filter.view"));
        view.setId("filter-area-view");
        view.setTooltip(new Tooltip(texts.text("filter.viewTip")));
        view.setOnAction(e -> useView());
        Button rectangle = new Button(texts.text("filter.rectangle"));
        rectangle.setId("filter-area-rectangle");
        rectangle.setTooltip(new Tooltip(texts.text("filter.rectangleTip")));
        rectangle.setOnAction(e -> sketch.start(AreaSketch.Shape.RECTANGLE, this::apply));
        Button polygon = new Button(texts.text("filter.polygon"));
        polygon.setId("filter-area-polygon");
        polygon.setTooltip(new Tooltip(texts.text("filter.polygonTip")));
        polygon.setOnAction(e -> sketch.start(AreaSketch.Shape.POLYGON, this::apply));
        Button anywhere = new Button(texts.text("filter.anywhere"));
        anywhere.setId("filter-area-clear");
        anywhere.setOnAction(e -> {
            sketch.cancel();
            apply((Area) null);
        });
        withinKm.setId("filter-within-km");
        withinKm.setAccessibleText(texts.text("filter.withinKmName"));
        withinKm.setPromptText(texts.text("filter.km"));
        withinKm.setPrefColumnCount(4);
        withinOf.setId("filter-within-of");
        withinOf.setAccessibleText(texts.text("filter.withinOfNamed"));
        withinOf.setPromptText(texts.text("filter.withinOfPrompt"));
        withinOf.setOnAction(e -> useWithin());
        withinKm.setOnAction(e -> useWithin());
        Button near = new Button(texts.text("filter.set"));
        near.setId("filter-within-set");
        near.setOnAction(e -> useWithin());
        HBox distance = new HBox(4, new Label(texts.text("filter.within")), withinKm, new Label(texts.text("filter.kmOf")));
        distance.setAlignment(Pos.CENTER_LEFT);
        MenuButton mine = new MenuButton(texts.text("filter.mine"));
        mine.setId("filter-within-mine");
        mine.setTooltip(new Tooltip(texts.text("filter.mineTip")));
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
                throw new IllegalArgumentException(texts.format("filter.withinNotKm", withinKm.getText()));
            }
            String of = withinOf.getText().strip();
            String name = MyPlace.referencedName(of);
            if (name != null) {
                MyPlace p = myPlaces.stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(texts.format("filter.noSuchPlace", name)));
                sketch.cancel();
                apply(Area.within(km, p.lon(), p.lat(), p.name()));
                return;
            }
            double[] point = FilterValues.point(texts.text("filter.withinOfName"), of);
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
            showError(texts.format("filter.withinOfError", e.getMessage()));
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
                .killed(count(minKilled, texts.text("filter.minKilled")), count(maxKilled, texts.text("filter.maxKilled")))
                .wounded(count(minWounded, texts.text("filter.minWounded")), count(maxWounded, texts.text("filter.maxWounded")))
                .agreement(everySource.isSelected() ? SourceAgreement.EVERY_SOURCE : SourceAgreement.ANY_SOURCE)
                .minGrade(minGrade.getSelectionModel().getSelectedIndex() <= 0 ? null
                        : Reliability.values()[minGrade.getSelectionModel().getSelectedIndex() - 1])
                .perpetrators(perpetrators.chosen()).claimedBy(claimedBy.chosen()).oblasts(oblasts.chosen())
                .text(text.getText()).area(area).build();
    }

    private Integer count(TextField field, String what) {
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
            throw new IllegalArgumentException(texts.format("filter.notWhole", what, t));
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
            areaLabel.setText(f.area() == null ? texts.text("filter.anywhere") : f.area().describe(texts));
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
            vm.messageProperty().set(texts.text(ERROR_PREFIX) + message);
        } else if (!said.isEmpty() && (texts.text(ERROR_PREFIX) + said).equals(vm.messageProperty().get())) {
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
        p.setPromptText(texts.text("filter.datePrompt"));
        p.setPrefWidth(150);
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
                    showError(texts.format("filter.notDate", what, s.strip()));
                    return p.getValue();
                }
            }
        });
        p.valueProperty().addListener((o, a, b) -> apply());
        return p;
    }

    private Label heading(String key) {
        Label l = new Label(texts.text(key));
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
