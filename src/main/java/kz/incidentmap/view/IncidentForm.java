package kz.incidentmap.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;

/**
 * The form for one incident: every field of the record and its sources with what each claims. Each
 * field is checked as it is typed ({@link IncidentValidator}) and its message shown right under it;
 * a warning (a point outside Kazakhstan, a date before 1900, more than 10,000 killed) is shown in amber
 * and does not stop saving. Controls have ids
 * {@code form-FIELD}, their messages {@code form-FIELD-error}; source rows use {@code form-sources-N-FIELD}.
 * JavaFX thread only.
 */
final class IncidentForm extends ScrollPane {

    private static final String ERROR_STYLE = "-fx-text-fill: #b00020; -fx-font-size: 11px;";
    private static final String WARNING_STYLE = "-fx-text-fill: #a15c00; -fx-font-size: 11px;";
    /** One line of an 11-pixel message. */
    private static final double MESSAGE_HEIGHT = 16;

    private final IncidentValidator validator;
    private final Button newSubType;
    /** The form's words in the window's language. */
    private final Texts words;
    private SubTypeAdder adder;
    private final Supplier<LocalDate> today;
    private final String id;
    private final String created;
    private final String updated;
    private final Map<String, TextInputControl> texts = new HashMap<>();
    private final Map<String, Label> messages = new HashMap<>();
    private final ComboBox<IncidentType> type = new ComboBox<>(FXCollections.observableArrayList(IncidentType.values()));
    private final ComboBox<IncidentSubType> subType = new ComboBox<>();
    private final ComboBox<DatePrecision> datePrecision =
            new ComboBox<>(FXCollections.observableArrayList(DatePrecision.values()));
    private final ComboBox<LocationPrecision> locationPrecision =
            new ComboBox<>(FXCollections.observableArrayList(LocationPrecision.values()));
    private final Label oblast = new Label();
    private final VBox sourceBox = new VBox(8);
    private final List<SourceRow> sources = new ArrayList<>();
    private final Set<String> touched = new HashSet<>();
    /** The controls of the record's own fields, in the form's order. */
    private final Map<String, Node> order = new java.util.LinkedHashMap<>();
    private final Label summary = new Label();
    private final Supplier<Optional<Source>> picker;
    private boolean showAll;
    private IncidentValidator.Result last;

    IncidentForm(IncidentValidator validator, Supplier<LocalDate> today, IncidentDraft draft) {
        this(validator, today, draft, () -> Optional.empty(), Texts.ENGLISH);
    }

    /**
     * @param picker asks the user to pick a stored source (see {@link SourcePicker}); its fields then fill a source row
     */
    IncidentForm(IncidentValidator validator, Supplier<LocalDate> today, IncidentDraft draft,
            Supplier<Optional<Source>> picker, Texts words) {
        this.words = words;
        this.newSubType = new Button(words.text("form.newSubType"));
        this.picker = picker;
        this.validator = validator;
        this.today = today;
        this.id = draft.id();
        this.created = draft.created();
        this.updated = draft.updated();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));
        grid.getColumnConstraints().addAll(labelColumn(), fieldColumn());
        summary.setId("form-summary");
        summary.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
        summary.setMinHeight(MESSAGE_HEIGHT + 4);
        summary.setAccessibleText(words.text("form.problems"));
        grid.add(summary, 0, 0, 2, 1);
        int row = 1;
        row = add(grid, row, words.text("form.title"), "title", text("title", draft.title(), false));
        row = add(grid, row, words.text("form.type"), "type", type);
        newSubType.setId("form-new-sub-type");
        newSubType.setTooltip(new Tooltip(words.text("form.newSubTypeTip")));
        newSubType.setDisable(true);
        newSubType.setMinWidth(Region.USE_PREF_SIZE);
        newSubType.setOnAction(e -> newSubType());
        grid.add(newSubType, 2, row);
        row = add(grid, row, words.text("form.sub_type"), "sub_type", subType);
        row = add(grid, row, words.text("form.date"), "date", text("date", draft.date(), false));
        row = add(grid, row, words.text("form.date_precision"), "date_precision", datePrecision);
        row = add(grid, row, words.text("form.time"), "time", text("time", draft.time(), false));
        row = add(grid, row, words.text("form.place"), "place", text("place", draft.place(), false));
        row = add(grid, row, words.text("form.lat"), "lat", text("lat", draft.lat(), false));
        row = add(grid, row, words.text("form.lon"), "lon", text("lon", draft.lon(), false));
        row = add(grid, row, words.text("form.oblast"), "oblast", oblast);
        row = add(grid, row, words.text("form.location_precision"), "location_precision", locationPrecision);
        row = add(grid, row, words.text("form.perpetrator"), "perpetrator", text("perpetrator", draft.perpetrator(), false));
        row = add(grid, row, words.text("form.claimed_by"), "claimed_by", text("claimed_by", draft.claimedBy(), false));
        row = add(grid, row, words.text("form.description"), "description", text("description", draft.description(), true));
        row = add(grid, row, words.text("form.event_group"), "event_group", text("event_group", draft.eventGroup(), false));
        row = add(grid, row, words.text("form.tags"), "tags", text("tags", draft.tags(), false));
        Label sourcesTitle = new Label(words.text("form.sourcesTitle"));
        sourcesTitle.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 0 0;");
        grid.add(sourcesTitle, 0, row++, 2, 1);
        messages.put("sources", message("sources"));
        grid.add(messages.get("sources"), 0, row++, 2, 1);
        grid.add(sourceBox, 0, row++, 2, 1);
        Button addSource = new Button(words.text("form.addSource"));
        addSource.setId("form-add-source");
        addSource.setOnAction(e -> addSource(new SourceDraft("", "", "", "", "", "", "", "", "", "")));
        grid.add(addSource, 0, row, 2, 1);
        setContent(grid);
        setFitToWidth(true);
        setPrefSize(620, 640);

        type.setConverter(labels(words::typeName));
        subType.setConverter(labels(words::subTypeName));
        datePrecision.setConverter(labels(words::precisionName));
        locationPrecision.setConverter(labels(words::precisionName));
        type.setValue(code(draft.type(), IncidentType::fromCode));
        type.valueProperty().addListener((o, a, t) -> subTypes(t, null));
        subTypes(type.getValue(), code(draft.subType(), validator.vocabulary()::require));
        datePrecision.setValue(code(draft.datePrecision(), DatePrecision::fromCode));
        locationPrecision.setValue(code(draft.locationPrecision(), LocationPrecision::fromCode));
        Map<String, ComboBox<?>> boxes = Map.of("type", type, "sub_type", subType, "date_precision", datePrecision,
                "location_precision", locationPrecision);
        boxes.forEach((field, box) -> box.valueProperty().addListener((o, a, b) -> {
            touched.add(field);
            check();
        }));
        draft.sources().forEach(this::addSource);
        if (sources.isEmpty()) {
            addSource(new SourceDraft("", "", "", "", "", "", "", "", "", ""));
        }
        check();
    }

    private interface Parse<T> {
        T of(String code);
    }

    private static <T> T code(String text, Parse<T> parse) {
        try {
            return text == null || text.isBlank() ? null : parse.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Lets the user add a sub-type from the form ("New…" beside the sub-type): {@code adder} asks for it
     * and stores it, then gives it, on the JavaFX thread, to be chosen.
     */
    void allowNewSubTypes(SubTypeAdder adder) {
        this.adder = adder;
        newSubType.setDisable(adder == null);
    }

    /** Adds a sub-type of a family and gives it to {@code chosen} once stored (JavaFX thread). */
    @FunctionalInterface
    interface SubTypeAdder {
        void add(IncidentType family, Consumer<IncidentSubType> chosen);
    }

    private void newSubType() {
        if (adder != null) {
            adder.add(type.getValue(), made -> {
                type.setValue(made.type());
                subTypes(made.type(), made);
            });
        }
    }

    private void subTypes(IncidentType t, IncidentSubType selected) {
        subType.setItems(FXCollections.observableArrayList(t == null ? List.of() : validator.vocabulary().of(t)));
        subType.setValue(selected != null ? selected : t == null ? null : IncidentSubType.defaultFor(t));
    }

    private TextInputControl text(String field, String value, boolean area) {
        TextInputControl c = area ? new TextArea(value == null ? "" : value) : new TextField(value == null ? "" : value);
        if (c instanceof TextArea ta) {
            ta.setWrapText(true);
            ta.setPrefRowCount(3);
        }
        texts.put(field, c);
        c.textProperty().addListener((o, a, b) -> {
            touched.add(field);
            check();
        });
        return c;
    }

    /** Adds a labelled control with id {@code form-FIELD} and its message under it; returns the next free row. */
    private int add(GridPane grid, int row, String label, String field, Node control) {
        control.setId("form-" + field);
        order.put(field, control);
        Label name = new Label(label);
        name.setLabelFor(control);
        grid.add(name, 0, row);
        grid.add(control, 1, row);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        Label m = message(field);
        messages.put(field, m);
        grid.add(m, 1, row + 1);
        return row + 2;
    }

    /**
     * A field's message line. Its one line of height is always kept, shown or not, so that nothing under
     * it moves when a message comes or goes; a message too long for it ends in "…" and is told in full
     * by its tooltip.
     */
    private Label message(String field) {
        Label m = new Label();
        m.setId("form-" + field.replace('[', '-').replace("].", "-") + "-error");
        m.setStyle(ERROR_STYLE);
        m.setMinHeight(MESSAGE_HEIGHT);
        m.setPrefHeight(MESSAGE_HEIGHT);
        m.setMaxHeight(MESSAGE_HEIGHT);
        m.setMinWidth(0);
        m.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        m.setAccessibleText(words.format("form.messageFor", field));
        m.setVisible(false);
        return m;
    }

    private void addSource(SourceDraft s) {
        SourceRow r = new SourceRow(sources.size(), s);
        sources.add(r);
        sourceBox.getChildren().add(r.pane);
        check();
    }

    private void removeSource(SourceRow r) {
        sources.remove(r);
        sourceBox.getChildren().remove(r.pane);
        check();
    }

    private static ColumnConstraints labelColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints fieldColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    /**
     * Checks every field, shows the messages of the fields already typed in (and warnings), and returns
     * the outcome. Called on every change.
     */
    IncidentValidator.Result check() {
        return check(false);
    }

    /** Checks like {@link #check()} but shows the messages of every field: what Save does. */
    IncidentValidator.Result checkAll() {
        return check(true);
    }

    private IncidentValidator.Result check(boolean all) {
        showAll |= all;
        if (sources == null || messages.isEmpty()) {
            return null; // still being built
        }
        last = validator.check(draft(), today.get());
        messages.values().forEach(m -> show(m, null));
        for (SourceRow r : sources) {
            r.messages.values().forEach(m -> show(m, null));
        }
        for (FieldProblem p : last.problems()) {
            if (!showAll && !p.warning() && !touched.contains(p.field())) {
                continue; // a field not typed in yet is not wrong yet
            }
            Label m = messageFor(p.field());
            if (m != null && (!m.isVisible() || !p.warning())) {
                show(m, p);
            }
        }
        oblast.setText(oblastOf(t("lon"), t("lat")));
        if (showAll) {
            wrongFields(); // the count after Save follows the corrections
        }
        return last;
    }

    /** The oblast at the typed point, as soon as both numbers can be read; a dash otherwise. */
    private String oblastOf(String lon, String lat) {
        try {
            return validator.oblasts().oblastAt(Double.parseDouble(lon.trim()), Double.parseDouble(lat.trim()))
                    .orElse(words.text("form.outside"));
        } catch (NumberFormatException e) {
            return "\u2014";
        }
    }

    private Label messageFor(String field) {
        if (field.startsWith("sources[")) {
            int close = field.indexOf(']');
            int index = Integer.parseInt(field.substring(8, close));
            String f = field.substring(close + 2);
            return index < sources.size() ? sources.get(index).messages.get(f) : null;
        }
        return messages.get(field);
    }

    private void show(Label m, FieldProblem p) {
        String said = p == null ? "" : ProblemWords.of(p.message(), words);
        m.setText(said);
        m.setStyle(p != null && p.warning() ? WARNING_STYLE : ERROR_STYLE);
        m.setVisible(p != null);
        m.setTooltip(p == null ? null : new Tooltip(said));
        m.setAccessibleText(p == null ? words.text("form.noProblem") : said);
    }

    /**
     * After Save with errors: says how many fields are wrong, scrolls to the first of them (in the
     * form's order) and puts the focus in it.
     */
    void showFirstError() {
        List<String> wrong = wrongFields();
        Node first = null;
        for (Map.Entry<String, Node> e : controls().entrySet()) {
            if (wrong.contains(e.getKey())) {
                first = e.getValue();
                break;
            }
        }
        if (first != null) {
            Node target = first;
            layout();
            double contentHeight = getContent().getBoundsInLocal().getHeight();
            double viewport = getViewportBounds().getHeight();
            double y = getContent().sceneToLocal(target.localToScene(0, 0)).getY();
            if (contentHeight > viewport) {
                setVvalue(Math.max(0, Math.min(1, (y - 40) / (contentHeight - viewport))));
            }
            target.requestFocus();
        }
    }

    private List<String> wrongFields() {
        List<String> wrong = last == null ? List.of() : last.problems().stream().filter(p -> !p.warning())
                .map(FieldProblem::field).distinct().toList();
        summary.setText(wrong.isEmpty() ? "" : words.format("form.wrong", wrong.size()));
        return wrong;
    }

    /** Every field's control in the order of the form, keyed by the validator's field name. */
    private Map<String, Node> controls() {
        Map<String, Node> out = new java.util.LinkedHashMap<>(order);
        for (int i = 0; i < sources.size(); i++) {
            for (Map.Entry<String, TextField> f : sources.get(i).fields.entrySet()) {
                out.put("sources[" + i + "]." + f.getKey(), f.getValue());
            }
        }
        return out;
    }

    Label summary() {
        return summary;
    }

    /** The values as typed. */
    IncidentDraft draft() {
        List<SourceDraft> rows = new ArrayList<>();
        sources.forEach(r -> rows.add(r.draft()));
        return new IncidentDraft(id, t("title"), type.getValue() == null ? "" : type.getValue().code(),
                subType.getValue() == null ? "" : subType.getValue().code(), t("date"),
                datePrecision.getValue() == null ? "" : datePrecision.getValue().code(), t("time"), t("place"), "",
                t("lon"), t("lat"), locationPrecision.getValue() == null ? "" : locationPrecision.getValue().code(),
                t("perpetrator"), t("claimed_by"), t("description"), t("event_group"), t("tags"), created, updated, rows);
    }

    private String t(String field) {
        return texts.get(field).getText();
    }

    IncidentValidator.Result lastCheck() {
        return last;
    }

    /** One source of the incident with its claim, and a button to remove it. */
    private final class SourceRow {
        /** The fields of a source row; each is labelled by the key {@code form.source.FIELD}. */
        private static final String[] FIELDS = {"title", "publisher", "url", "published", "language", "reliability",
            "killed", "wounded", "date", "note", "credibility"};

        /** The stored source's key when one was picked or the row came from the record; empty for a new one. */
        private String key;
        private final GridPane pane = new GridPane();
        private final Map<String, TextField> fields = new HashMap<>();
        private final Map<String, Label> messages = new HashMap<>();

        SourceRow(int index, SourceDraft s) {
            this.key = s.key();
            pane.setHgap(8);
            pane.setVgap(2);
            pane.setStyle("-fx-border-color: #dddddd; -fx-padding: 4;");
            pane.getColumnConstraints().addAll(labelColumn(), fieldColumn());
            String[] values = {s.title(), s.publisher(), s.url(), s.published(), s.language(), s.reliability(),
                s.killed(), s.wounded(), s.claimDate(), s.note(), s.credibility()};
            int row = 0;
            for (int n = 0; n < FIELDS.length; n++) {
                TextField f = new TextField(values[n] == null ? "" : values[n]);
                f.setId("form-sources-" + index + "-" + FIELDS[n]);
                String field = "sources[" + index + "]." + FIELDS[n];
                f.textProperty().addListener((o, a, b) -> {
                    touched.add(field);
                    check();
                });
                fields.put(FIELDS[n], f);
                scale(FIELDS[n], f);
                Label m = message("sources[" + index + "]." + FIELDS[n]);
                messages.put(FIELDS[n], m);
                Label name = new Label(words.text("form.source." + FIELDS[n]));
                name.setLabelFor(f);
                pane.add(name, 0, row);
                pane.add(f, 1, row);
                pane.add(m, 1, row + 1);
                row += 2;
            }
            Button remove = new Button(words.text("form.removeSource"));
            remove.setOnAction(e -> removeSource(this));
            Button pick = new Button(words.text("form.pickSource"));
            pick.setId("form-sources-" + index + "-pick");
            pick.setTooltip(new Tooltip(words.text("form.pickSourceTip")));
            pick.setOnAction(e -> picker.get().ifPresent(this::use));
            pane.add(new javafx.scene.layout.HBox(8, pick, remove), 1, row);
        }

        /** The two Admiralty scales, spelt out where they are typed: blank is "not graded". */
        private void scale(String field, TextField f) {
            if (field.equals("reliability")) {
                f.setPromptText(words.text("form.notGraded"));
                f.setTooltip(new Tooltip(Arrays.stream(Reliability.values())
                        .map(r -> r.code() + " " + words.text("grade." + r.code().toLowerCase(java.util.Locale.ROOT)))
                        .collect(Collectors.joining("\n"))));
            } else if (field.equals("credibility")) {
                f.setPromptText(words.text("form.notRated"));
                f.setTooltip(new Tooltip(Arrays.stream(Credibility.values())
                        .map(c -> c.code() + " " + words.text("credibility." + c.code())).collect(Collectors.joining("\n"))));
            }
        }

        /** Fills the row with a stored source: its key, so the source is shared, and its fields. */
        private void use(Source s) {
            key = s.key();
            fields.get("title").setText(s.title() == null ? "" : s.title());
            fields.get("publisher").setText(s.publisher() == null ? "" : s.publisher());
            fields.get("url").setText(s.url() == null ? "" : s.url());
            fields.get("published").setText(s.published() == null ? "" : s.published().toString());
            fields.get("language").setText(s.language() == null ? "" : s.language());
            fields.get("reliability").setText(s.reliability() == null ? "" : s.reliability().code());
        }

        SourceDraft draft() {
            return new SourceDraft(key, get("title"), get("publisher"), get("url"), get("published"), get("language"),
                    get("killed"), get("wounded"), get("date"), get("note"), get("reliability"), get("credibility"));
        }

        private String get(String f) {
            return fields.get(f).getText();
        }
    }
}
