package kz.incidentmap.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import kz.incidentmap.edit.AddIncident;
import kz.incidentmap.edit.DeleteIncident;
import kz.incidentmap.edit.EditCommand;
import kz.incidentmap.edit.EditHistory;
import kz.incidentmap.edit.EditService;
import kz.incidentmap.edit.ImportIncidents;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.MergeIncidents;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.edit.UpdateIncident;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Adding, editing and deleting incidents in the window, with undo and redo. Each change is saved at
 * once by an {@link EditHistory} on a single edit thread (so changes reach the store in the order they
 * were made), and the map and details follow when the save succeeds. A store open for viewing only
 * leaves {@link #editableProperty()} false. Methods are called on the JavaFX thread.
 */
final class EditController implements AutoCloseable {

    private final MapViewModel vm;
    private final ExecutorService editThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-edits");
        t.setDaemon(true);
        return t;
    });
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", false);
    /** Why the store cannot be changed now ("Viewing only: …"), or empty when it can. */
    private final StringProperty readOnlyReason = new SimpleStringProperty(this, "readOnlyReason", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final StringProperty undoLabel = new SimpleStringProperty(this, "undoLabel", "");
    private final StringProperty redoLabel = new SimpleStringProperty(this, "redoLabel", "");
    private EditHistory history;
    private IncidentValidator validator;
    private final Texts texts;

    /** Told of every change saved: the incident's id, or null for many (an import, a merge). */
    private Consumer<String> saves = id -> { };

    EditController(MapViewModel vm) {
        this.vm = vm;
        this.texts = vm.texts();
        readOnlyReason.set(texts.text("search.loading"));
    }

    /**
     * Starts editing the loaded store (or not, when it is open for viewing only).
     *
     * @param notice what the window says of the store ("Viewing only: …"), or null
     */
    void attach(IncidentStore store, OblastLocator oblasts, String notice) {
        attach(store, oblasts, notice, false);
    }

    /**
     * The same; {@code viewOnly} when the store may be written but the record behind it may not be changed
     * (a server's viewer): then {@code notice} says why.
     */
    void attach(IncidentStore store, OblastLocator oblasts, String notice, boolean viewOnly) {
        history = new EditHistory(new EditService(store, oblasts));
        validator = new IncidentValidator(oblasts, store.vocabulary(), false);
        boolean readOnly = store.isReadOnly() || viewOnly;
        editable.set(!readOnly);
        readOnlyReason.set(!readOnly ? "" : notice != null && (viewOnly
                || notice.equals(texts.text("notice.lockedElsewhere")) || notice.equals(texts.text("notice.readOnly")))
                ? notice : texts.text("notice.cannotChange"));
    }

    /**
     * Tells {@code listener} (on the JavaFX thread) of every change saved from now on: the incident's id,
     * or null when many changed (an import, a merge of duplicates).
     */
    void onSaved(Consumer<String> listener) {
        this.saves = listener;
    }

    /**
     * Shows incidents others changed (written into the store by the link to a server): read on the edit
     * thread, after any change being saved, and the map, table and details follow without a reload.
     */
    void changedElsewhere(Set<String> ids) {
        if (history == null) {
            return;
        }
        IncidentStore store = history.service().store();
        Task<Map<String, Incident>> task = new Task<>() {
            private IncidentFeatureSource incidents;

            @Override
            protected Map<String, Incident> call() throws StoreException {
                incidents = vm.reread(store);
                Map<String, Incident> now = new HashMap<>();
                for (String id : ids) {
                    now.put(id, store.byId(id).orElse(null));
                }
                return now;
            }

            @Override
            protected void succeeded() {
                if (incidents != null) {
                    getValue().forEach((id, now) -> vm.incidentChanged(id, now, incidents));
                }
            }

            @Override
            protected void failed() {
                vm.messageProperty().set(getException().getMessage());
            }
        };
        editThread.execute(task);
    }

    /** Why nothing can be written now, or empty when the store can be changed. */
    StringProperty readOnlyReasonProperty() {
        return readOnlyReason;
    }

    BooleanProperty editableProperty() {
        return editable;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    StringProperty undoLabelProperty() {
        return undoLabel;
    }

    StringProperty redoLabelProperty() {
        return redoLabel;
    }

    IncidentValidator validator() {
        return validator;
    }

    Optional<IncidentStore> store() {
        return history == null ? Optional.empty() : Optional.of(history.service().store());
    }

    /** Edit thread: the stored sources whose title or publisher contains {@code text}. */
    private List<kz.incidentmap.model.Source> sources(String text) throws StoreException {
        return history.service().store().sources(text, SourcePicker.SHOWN);
    }

    /** A new record at a point (clicked or typed), with one empty source row. */
    static IncidentDraft newDraft(double lon, double lat) {
        return new IncidentDraft("", "", "", "", "", "day", "", "", "", coordinate(lon), coordinate(lat), "exact",
                "", "", "", "", "", "", "", List.of(new SourceDraft("", "", "", "", "", "", "", "", "", "")));
    }

    private static String coordinate(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5f", v);
    }

    /** Opens the form for a new record; saved when the user presses Save. */
    void add(Window owner, double lon, double lat) {
        if (!editable.get()) {
            return;
        }
        IncidentFormDialog form = new IncidentFormDialog(owner, texts.text("form.addTitle"), validator, newDraft(lon, lat),
                this::sources, editThread, texts);
        allowNewSubTypes(form);
        form.showAndWait().ifPresent(i -> execute(new AddIncident(i)));
    }

    /** Opens the form for the incident open in the details pane. */
    void editSelected(Window owner) {
        vm.selectedIncident().ifPresent(i -> edit(owner, i));
    }

    /** Opens the form for {@code before}; saved when the user presses Save. */
    void edit(Window owner, Incident before) {
        if (!editable.get()) {
            return;
        }
        IncidentFormDialog form = new IncidentFormDialog(owner, texts.format("form.editTitle", before.title()), validator,
                IncidentDraft.of(before), this::sources, editThread, texts);
        allowNewSubTypes(form);
        form.showAndWait().ifPresent(after -> execute(new UpdateIncident(before, after)));
    }

    /**
     * The form's "New…" beside the sub-type: asks for one and stores it on the edit thread (it is kept at
     * once, not undone with the record); the map's markers and legend follow.
     */
    private void allowNewSubTypes(IncidentFormDialog form) {
        form.form().allowNewSubTypes((family, chosen) -> new SubTypeDialog(form.getDialogPane().getScene().getWindow(),
                family, texts).showAndWait().ifPresent(r -> {
                    IncidentStore store = history.service().store();
                    Task<IncidentSubType> adding = new Task<>() {
                        @Override
                        protected IncidentSubType call() throws StoreException {
                            return store.addSubType(r.type(), r.label(), r.mark(), r.colour());
                        }
                    };
                    adding.setOnSucceeded(e -> {
                        IncidentSubType made = adding.getValue();
                        vm.vocabularyChanged();
                        vm.messageProperty().set(texts.format("subType.saved", made.label(), texts.typeName(made.type())));
                        chosen.accept(made);
                    });
                    adding.setOnFailed(e -> {
                        String why = adding.getException().getMessage();
                        vm.messageProperty().set(texts.format("subType.failed", why));
                        Alert alert = DialogWords.of(new Alert(Alert.AlertType.ERROR, why), texts);
                        alert.initOwner(form.getDialogPane().getScene().getWindow());
                        alert.setHeaderText(texts.format("subType.failedHeader", r.label()));
                        alert.show();
                    });
                    editThread.execute(adding);
                }));
    }

    /** Asks for confirmation, then deletes the incident open in the details pane. */
    void deleteSelected(Window owner) {
        vm.selectedIncident().ifPresent(i -> delete(owner, i));
    }

    /** Asks for confirmation, then deletes {@code incident}. */
    void delete(Window owner, Incident incident) {
        if (!editable.get()) {
            return;
        }
        Alert confirm = DialogWords.of(new Alert(Alert.AlertType.CONFIRMATION, texts.format("delete.confirm", incident.title()),
                ButtonType.OK, ButtonType.CANCEL), texts);
        confirm.initOwner(owner);
        confirm.setHeaderText(texts.text("delete.header"));
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            execute(new DeleteIncident(incident));
        }
    }

    /** Saves a change on the edit thread; the map follows when it is stored. */
    void execute(EditCommand command) {
        execute(command, () -> { });
    }

    /** {@link #execute(EditCommand)}, then {@code saved} on the JavaFX thread once it is stored. */
    void execute(EditCommand command, Runnable saved) {
        run(CommandWords.of(command.label(), texts), () -> Optional.of(history.execute(command)), "command.saved", saved);
    }

    void undo() {
        run(texts.text("edit.undo"), history::undo, "command.undone", () -> { });
    }

    void redo() {
        run(texts.text("edit.redo"), history::redo, "command.redone", () -> { });
    }

    private interface Step {
        Optional<EditHistory.Step> run() throws Exception;
    }

    /** A step's outcome and the history's labels right after it, read on the edit thread. */
    private record Outcome(Optional<EditHistory.Step> step, String undo, String redo, IncidentFeatureSource incidents) {
    }

    private void run(String what, Step step, String doneKey, Runnable saved) {
        if (history == null || !editable.get()) {
            return;
        }
        busy.set(true);
        Task<Outcome> task = new Task<>() {
            @Override
            protected Outcome call() throws Exception {
                try {
                    Optional<EditHistory.Step> done = step.run();
                    // The index is changed here, on the edit thread: a million incidents take a moment.
                    IncidentFeatureSource incidents = done.isEmpty() ? null : done.get().command().changesMany()
                            ? vm.reread(history.service().store()) : vm.afterEdit(done.get());
                    return new Outcome(done, history.undoLabel().orElse(""), history.redoLabel().orElse(""), incidents);
                } catch (Exception e) {
                    labels(history.undoLabel().orElse(""), history.redoLabel().orElse(""));
                    throw e;
                }
            }

            @Override
            protected void succeeded() {
                Outcome o = getValue();
                o.step().ifPresent(s -> saves.accept(s.command().changesMany() || s.command() instanceof MergeIncidents
                        ? null : s.command().incidentId()));
                o.step().ifPresent(s -> {
                    if (s.command().changesMany()) {
                        vm.incidentsReplaced(o.incidents());
                    } else {
                        vm.incidentChanged(s.command().incidentId(), s.incident(), o.incidents());
                    }
                    vm.messageProperty().set(texts.format(doneKey, CommandWords.of(s.command().label(), texts)));
                });
                busy.set(false);
                undoLabel.set(o.undo());
                redoLabel.set(o.redo());
                saved.run();
            }

            @Override
            protected void failed() {
                vm.messageProperty().set(texts.format("command.failed", what, getException().getMessage()));
                busy.set(false);
            }
        };
        editThread.execute(task);
    }

    /**
     * Runs an import on the edit thread, after any change being saved and before the next, so that the
     * history stays in the order of the store (JavaFX thread).
     */
    void runImport(Task<?> task) {
        busy.set(true);
        task.runningProperty().addListener((o, was, running) -> {
            if (!running && task.isDone()) {
                busy.set(false);
                // Even a failed import may have written part of a file's records: what differs is found.
                saves.accept(null);
            }
        });
        editThread.execute(task);
    }

    /**
     * Edit thread, before an import: every stored incident by id, to build the import's undo step from,
     * or nothing when the store holds more than {@link ImportIncidents#LIMIT}.
     */
    Optional<Map<String, Incident>> beforeImport(IncidentStore store) throws StoreException {
        if (store.count() > ImportIncidents.LIMIT) {
            return Optional.empty();
        }
        Map<String, Incident> byId = new HashMap<>();
        store.all().forEach(i -> byId.put(i.id(), i));
        return Optional.of(byId);
    }

    /**
     * Edit thread, after an import of {@code file} that changed {@code changed} records: records it as
     * one step that undo takes back, or, when it is too large to remember, clears the history. Returns
     * what the user should be told of it, or an empty text.
     */
    String afterImport(String file, Optional<Map<String, Incident>> before, int changed, IncidentStore store)
            throws StoreException {
        if (changed == 0) {
            return "";
        }
        String told = "";
        if (before.isPresent() && changed <= ImportIncidents.LIMIT) {
            ImportIncidents step = ImportIncidents.of(file, before.get(), store.all());
            if (step.changedAnything()) {
                history.record(step);
            }
        } else {
            history.clear();
            told = texts.format("import.notUndoable", ImportIncidents.LIMIT);
        }
        labels(history.undoLabel().orElse(""), history.redoLabel().orElse(""));
        return told;
    }

    /** Edit thread: hands the labels to the JavaFX thread. */
    private void labels(String undo, String redo) {
        Platform.runLater(() -> {
            undoLabel.set(undo);
            redoLabel.set(redo);
        });
    }

    @Override
    public void close() {
        editThread.shutdown();
    }
}
