package kz.incidentmap.view;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;

/**
 * The editing row of the toolbar: add on the map (see {@link AddOnMapMode}), add at typed
 * coordinates, edit and delete the incident open in the details pane, undo, redo, import and export,
 * and a note when the store is open for viewing only. A button that would write and cannot is disabled,
 * and its tooltip says why. In a window too narrow for the row, its buttons go on to a second line
 * instead of making the window wider than the screen gives it. JavaFX thread only.
 */
final class EditToolbar extends FlowPane {

    private final ToggleButton addOnMap;
    private final Label notice = new Label();
    private final Texts texts;

    EditToolbar(MapViewModel vm, EditController edits, ExchangeActions exchange, Supplier<Window> owner) {
        super(6, 4);
        Texts t = vm.texts();
        this.texts = t;
        addOnMap = new ToggleButton(t.text("edit.addOnMap"));
        addOnMap.setId("add-on-map");
        addOnMap.setTooltip(new Tooltip(t.text("edit.addOnMapTip")));
        Button addAt = button("add-at", t.text("edit.addAt"), t.text("edit.addAtTip"),
                () -> edits.add(owner.get(), Double.NaN, Double.NaN));
        Button edit = button("edit", t.text("edit.edit"), t.text("edit.editTip"),
                () -> edits.editSelected(owner.get()));
        Button delete = button("delete", t.text("edit.delete"), t.text("edit.deleteTip"),
                () -> edits.deleteSelected(owner.get()));
        Button undo = button("undo", t.text("edit.undo"), t.text("edit.undoLast"), edits::undo);
        Button redo = button("redo", t.text("edit.redo"), t.text("edit.redoLast"), edits::redo);
        Button importButton = button("import", t.text("edit.import"), t.text("edit.importTip"),
                () -> exchange.chooseImport(owner.get()));
        Button duplicates = button("find-duplicates", t.text("edit.duplicates"),
                t.text("edit.duplicatesTip"),
                () -> exchange.findDuplicates(owner.get()));
        Button exportButton = button("export-records", t.text("edit.exportRecords"), t.text("edit.exportRecordsTip"),
                () -> exchange.chooseExport(owner.get()));
        ObservableStringValue readOnly = edits.readOnlyReasonProperty();
        StringBinding noneOpen = either(readOnly, Bindings.createStringBinding(() -> vm.selectedIncident().isEmpty()
                ? t.text("edit.noneOpen") : "", vm.openIncidentProperty()));
        StringBinding busy = either(readOnly, Bindings.createStringBinding(() -> edits.busyProperty().get()
                ? t.text("edit.busy") : "", edits.busyProperty()));
        StringBinding nothingToUndo = either(readOnly, Bindings.createStringBinding(
                () -> edits.undoLabelProperty().get().isEmpty() ? t.text("edit.nothingToUndo") : "", edits.undoLabelProperty()));
        StringBinding nothingToRedo = either(readOnly, Bindings.createStringBinding(
                () -> edits.redoLabelProperty().get().isEmpty() ? t.text("edit.nothingToRedo") : "", edits.redoLabelProperty()));
        StringBinding notLoaded = Bindings.createStringBinding(() -> edits.store().isEmpty()
                ? t.text("search.loading") : "", readOnly);
        undo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(t.format("edit.undoTip", CommandWords.of(edits.undoLabelProperty().get(), t))), edits.undoLabelProperty()));
        redo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(t.format("edit.redoTip", CommandWords.of(edits.redoLabelProperty().get(), t))), edits.redoLabelProperty()));
        notice.setId("store-notice");
        notice.setStyle("-fx-text-fill: #a15c00; -fx-font-weight: bold;");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 6, 6, 6));
        getChildren().addAll(DisabledReason.wrap(addOnMap, readOnly), DisabledReason.wrap(addAt, readOnly),
                DisabledReason.wrap(edit, noneOpen), DisabledReason.wrap(delete, noneOpen),
                DisabledReason.wrap(undo, nothingToUndo), DisabledReason.wrap(redo, nothingToRedo),
                DisabledReason.wrap(importButton, busy), DisabledReason.wrap(duplicates, either(busy, notLoaded)),
                DisabledReason.wrap(exportButton, notLoaded), notice);
        // The buttons keep their size; a long notice is cut short at the row's width and told in full by its tooltip.
        getChildren().forEach(n -> {
            if (n instanceof Region r && n != notice) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        notice.setMinWidth(0);
        notice.maxWidthProperty().bind(widthProperty().subtract(12));
    }

    /** Adds tools of the map's own (the user's places, measuring) after the editing buttons, before the notice. */
    void addTools(Region... tools) {
        for (Region t : tools) {
            t.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(getChildren().indexOf(notice), List.of(tools));
    }

    /** The first reason that is not empty. */
    private static StringBinding either(ObservableStringValue first, ObservableStringValue second) {
        return Bindings.createStringBinding(() -> first.get() == null || first.get().isEmpty() ? second.get()
                : first.get(), first, second);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The Add on map button, whose state {@link AddOnMapMode} follows. */
    ToggleButton addOnMapButton() {
        return addOnMap;
    }

    /** Shows what the user should know about the store ("Viewing only: …"), or nothing. */
    void notice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setTooltip(text == null ? null : new Tooltip(text));
        notice.setAccessibleText(text == null || text.isEmpty() ? texts.text("edit.noticeNone") : text);
    }
}
