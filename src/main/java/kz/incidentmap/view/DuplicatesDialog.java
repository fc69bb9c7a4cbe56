package kz.incidentmap.view;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.dedupe.DuplicateRules;
import kz.incidentmap.edit.MergeIncidents;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;

/**
 * Find duplicates…: the pairs of incidents that may be one event, best first, each shown side by side
 * (title, date, place, type, sources, killed and wounded) with the reasons; Merge keeps the left or the
 * right one through the edit history (so Undo takes it back and the map follows), Not a duplicate
 * remembers the pair in the store, Skip moves on. The search and the writes run off the JavaFX thread.
 */
final class DuplicatesDialog extends Stage {

    /** The facts compared, by the ids of their labels; each is worded by the key {@code duplicates.row.ROW}. */
    private static final String[] ROWS = {"title", "date", "place", "type", "sources", "killed", "wounded", "id"};

    private final EditController edits;
    private final Workers workers;
    private final IncidentStore store;
    private final ListView<DuplicatePair> pairs = new ListView<>();
    private final GridPane sideBySide = new GridPane();
    private final Label reasons = new Label();
    private final Texts texts;
    private final Label status;
    private final Button keepLeft;
    private final Button keepRight;
    private final Button notDuplicate;
    private final Button skip;
    private final Button again;

    /** The pairs to review, found on a worker thread. */
    interface Search {
        List<DuplicatePair> find() throws Exception;
    }

    private final Search search;

    DuplicatesDialog(Window owner, EditController edits, Workers workers, IncidentStore store, Search search) {
        this(owner, edits, workers, store, search, Texts.ENGLISH);
    }

    DuplicatesDialog(Window owner, EditController edits, Workers workers, IncidentStore store, Search search,
            Texts texts) {
        this.texts = texts;
        this.status = new Label(texts.text("duplicates.looking"));
        this.keepLeft = new Button(texts.text("duplicates.keepLeft"));
        this.keepRight = new Button(texts.text("duplicates.keepRight"));
        this.notDuplicate = new Button(texts.text("duplicates.notDuplicate"));
        this.skip = new Button(texts.text("duplicates.skip"));
        this.again = new Button(texts.text("duplicates.again"));
        this.search = search;
        this.edits = edits;
        this.workers = workers;
        this.store = store;
        initOwner(owner);
        setTitle(texts.text("duplicates.title"));
        pairs.setId("duplicate-pairs");
        pairs.setPrefWidth(330);
        pairs.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DuplicatePair p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : String.format(Locale.ROOT, "%.2f  %s / %s", p.score(),
                        p.first().title(), p.second().title()));
                // The list is narrow: the two titles in full on hovering.
                setTooltip(empty || p == null ? null : new Tooltip(p.first().title() + "\n" + p.second().title()));
            }
        });
        pairs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> display(now));
        reasons.setId("duplicate-reasons");
        reasons.setWrapText(true);
        status.setId("duplicate-status");
        status.setWrapText(true);
        keepLeft.setId("merge-keep-left");
        keepRight.setId("merge-keep-right");
        notDuplicate.setId("not-duplicate");
        skip.setId("skip-duplicate");
        keepLeft.setOnAction(e -> merge(true));
        keepRight.setOnAction(e -> merge(false));
        notDuplicate.setOnAction(e -> setAside());
        skip.setOnAction(e -> drop(selected()));
        again.setId("search-duplicates-again");
        again.setTooltip(new javafx.scene.control.Tooltip(texts.text("duplicates.againTip")));
        again.setOnAction(e -> searchNow());
        sideBySide.setId("duplicate-side-by-side");
        sideBySide.setHgap(12);
        sideBySide.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Wounded" in full, not "Wou…"
        ColumnConstraints half = new ColumnConstraints(260, 320, Double.MAX_VALUE);
        half.setHgrow(Priority.ALWAYS);
        sideBySide.getColumnConstraints().addAll(names, half, half);
        HBox buttons = new HBox(8, keepLeft, keepRight, notDuplicate, skip, again);
        VBox right = new VBox(10, sideBySide, reasons, buttons);
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane root = new BorderPane(right, null, null, status, pairs);
        BorderPane.setMargin(status, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(12));
        setScene(new Scene(root, 1050, 480));
        display(null);
        searchNow();
    }

    /** Finds the pairs on a worker thread. */
    private void searchNow() {
        status.setText(texts.text("duplicates.looking"));
        workers.run(search::find, found -> {
            pairs.getItems().setAll(found);
            status.setText(found.isEmpty() ? texts.format("duplicates.none", String.valueOf(DuplicateRules.DEFAULT.minScore()))
                    : texts.format("duplicates.found", found.size()));
            pairs.getSelectionModel().selectFirst();
        }, e -> status.setText(texts.format("duplicates.failed", e.getMessage())));
    }

    private DuplicatePair selected() {
        return pairs.getSelectionModel().getSelectedItem();
    }

    private void display(DuplicatePair p) {
        sideBySide.getChildren().clear();
        boolean none = p == null;
        keepLeft.setDisable(none || !edits.editableProperty().get());
        keepRight.setDisable(none || !edits.editableProperty().get());
        notDuplicate.setDisable(none || !edits.editableProperty().get());
        skip.setDisable(none);
        reasons.setText(none ? "" : texts.format("duplicates.score", String.format(Locale.ROOT, "%.2f", p.score()), p.because()));
        if (none) {
            return;
        }
        List<String> left = facts(p.first());
        List<String> right = facts(p.second());
        for (int r = 0; r < ROWS.length; r++) {
            Label name = new Label(texts.text("duplicates.row." + ROWS[r]));
            name.setStyle("-fx-font-weight: bold;");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label a = new Label(left.get(r));
            Label b = new Label(right.get(r));
            a.setId("left-" + ROWS[r].toLowerCase(Locale.ROOT));
            b.setId("right-" + ROWS[r].toLowerCase(Locale.ROOT));
            a.setWrapText(true);
            b.setWrapText(true);
            sideBySide.addRow(r, name, a, b);
        }
    }

    private List<String> facts(Incident i) {
        return List.of(i.title(), (i.date() == null ? texts.text("details.dateUnknown") : texts.date(i.date()))
                        + (i.datePrecision() == null ? "" : " (" + texts.precisionName(i.datePrecision()) + ")"),
                (i.place() == null ? "" : i.place()) + String.format(Locale.ROOT, " (%.4f, %.4f, %s)", i.lat(), i.lon(),
                        i.locationPrecision() == null ? "" : texts.precisionName(i.locationPrecision())),
                texts.typeName(i.type()), i.sources().stream().map(Source::key).collect(Collectors.joining(", ")),
                IncidentEntry.figure(i.killedRange(), texts), IncidentEntry.figure(i.woundedRange(), texts), i.id());
    }

    private void merge(boolean keepFirst) {
        DuplicatePair p = selected();
        if (p == null) {
            return;
        }
        Incident keep = keepFirst ? p.first() : p.second();
        Incident other = keepFirst ? p.second() : p.first();
        MergeIncidents merge = new MergeIncidents(keep, other);
        status.setText(texts.text("duplicates.merging"));
        edits.execute(merge, () -> {
            // Pairs with the incident merged away have lost one side; the rest stay to be reviewed.
            pairs.getItems().removeIf(q -> q.first().id().equals(other.id()) || q.second().id().equals(other.id()));
            status.setText(texts.format("duplicates.merged", other.title(), keep.title(), pairs.getItems().size()));
            pairs.getSelectionModel().selectFirst();
        });
    }

    private void setAside() {
        DuplicatePair p = selected();
        if (p == null) {
            return;
        }
        workers.run(() -> store.markNotDuplicate(p.first().id(), p.second().id()), fresh -> {
            drop(p);
            status.setText(texts.text("duplicates.remembered"));
        }, e -> status.setText(texts.format("duplicates.rememberFailed", e.getMessage())));
    }

    private void drop(DuplicatePair p) {
        if (p == null) {
            return;
        }
        int at = pairs.getItems().indexOf(p);
        pairs.getItems().remove(p);
        if (!pairs.getItems().isEmpty()) {
            pairs.getSelectionModel().select(Math.min(at, pairs.getItems().size() - 1));
        }
    }

    /** The pairs listed now (for tests). */
    List<DuplicatePair> listed() {
        return List.copyOf(pairs.getItems());
    }
}
