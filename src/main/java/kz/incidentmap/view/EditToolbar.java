package kz.incidentmap.view;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The editing row of the toolbar: add on the map (the next click places the incident), add at typed
 * coordinates, edit and delete the selected incident, undo, redo, import and export, and a note when
 * the store is open for viewing only (the editing buttons are then disabled). JavaFX thread only.
 */
final class EditToolbar extends HBox {

    private final ToggleButton addOnMap = new ToggleButton("\u2295 Add on map");
    private final Label notice = new Label();

    EditToolbar(MapViewModel vm, EditController edits, ExchangeActions exchange, Supplier<Window> owner) {
        super(6);
        addOnMap.setId("add-on-map");
        addOnMap.setTooltip(new Tooltip("Click the map where the incident happened"));
        Button addAt = button("add-at", "Add at coordinates\u2026", "Type the coordinates of a new incident",
                () -> edits.add(owner.get(), Double.NaN, Double.NaN));
        Button edit = button("edit", "Edit\u2026", "Edit the selected incident", () -> edits.editSelected(owner.get()));
        Button delete = button("delete", "Delete\u2026", "Delete the selected incident",
                () -> edits.deleteSelected(owner.get()));
        Button undo = button("undo", "Undo", "Undo the last change", edits::undo);
        Button redo = button("redo", "Redo", "Redo the change undone", edits::redo);
        Button importButton = button("import", "Import\u2026", "Import incidents from a file",
                () -> exchange.chooseImport(owner.get()));
        Button exportButton = button("export-records", "Export records\u2026", "Export the incidents to a file",
                () -> exchange.chooseExport(owner.get()));
        var readOnly = edits.editableProperty().not();
        var noSelection = Bindings.createBooleanBinding(() -> vm.selectedIncident().isEmpty(), vm.selectionProperty());
        addOnMap.disableProperty().bind(readOnly);
        addAt.disableProperty().bind(readOnly);
        importButton.disableProperty().bind(readOnly.or(edits.busyProperty()));
        edit.disableProperty().bind(readOnly.or(noSelection));
        delete.disableProperty().bind(readOnly.or(noSelection));
        undo.disableProperty().bind(readOnly.or(edits.undoLabelProperty().isEmpty()));
        redo.disableProperty().bind(readOnly.or(edits.redoLabelProperty().isEmpty()));
        undo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Undo: " + edits.undoLabelProperty().get()), edits.undoLabelProperty()));
        redo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Redo: " + edits.redoLabelProperty().get()), edits.redoLabelProperty()));
        notice.setId("store-notice");
        notice.setStyle("-fx-text-fill: #a15c00; -fx-font-weight: bold;");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 6, 6, 6));
        getChildren().addAll(addOnMap, addAt, edit, delete, undo, redo, importButton, exportButton, notice);
        // The buttons keep their size; a long notice is cut short and told in full by its tooltip.
        getChildren().forEach(n -> {
            if (n instanceof Region r && n != notice) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** True (and add mode ends) when the click was meant to place a new incident. */
    boolean takesClick() {
        if (!addOnMap.isSelected()) {
            return false;
        }
        addOnMap.setSelected(false);
        return true;
    }

    /** Shows what the user should know about the store ("Viewing only: …"), or nothing. */
    void notice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setTooltip(text == null ? null : new Tooltip(text));
    }
}
