package kz.incidentmap.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;
import kz.incidentmap.sync.Conflict;
import kz.incidentmap.sync.ConflictField;
import kz.incidentmap.sync.ConflictResolution;

/**
 * Shows a change made here that met someone else's on the server, field by field: theirs (on the
 * server) and mine (this window), with a choice per differing field. "Take theirs" and "Keep mine" take
 * one side whole; "Merge" takes each field from the side chosen for it. The result is the record to keep
 * (empty when it is to be deleted); closing the dialog otherwise leaves the change pending. JavaFX thread only.
 */
final class ConflictDialog extends Dialog<ConflictDialog.Settled> {

    /** The record to keep, or null to delete it. */
    record Settled(Incident kept) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Map<ConflictField, ToggleGroup> choices = new EnumMap<>(ConflictField.class);

    ConflictDialog(Window owner, Conflict conflict, Texts texts) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(texts.text("conflict.title"));
        setResizable(true);
        Incident theirs = ConflictResolution.theirs(conflict);
        Incident mine = ConflictResolution.mine(conflict);
        String title = (mine != null ? mine : theirs).title();
        setHeaderText(conflict.theirs() == null ? texts.format("conflict.headerDeleted", title)
                : texts.format("conflict.header", title, conflict.theirs().updatedBy(),
                        WHEN.format(conflict.theirs().updatedAt()), conflict.theirs().version()));
        GridPane grid = new GridPane();
        grid.setId("conflict-fields");
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints side = new ColumnConstraints(160, 260, Double.MAX_VALUE);
        side.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, side, side);
        grid.addRow(0, bold(texts.text("conflict.field")), bold(texts.text("conflict.theirs")), bold(texts.text("conflict.mine")));
        int row = 1;
        int same = 0;
        for (ConflictField field : ConflictField.values()) {
            if (!field.differs(theirs, mine)) {
                same++;
                continue;
            }
            ToggleGroup group = new ToggleGroup();
            RadioButton t = choice(field.shown(theirs), "theirs-" + field.name(), group);
            RadioButton m = choice(field.shown(mine), "mine-" + field.name(), group);
            t.setSelected(true);
            choices.put(field, group);
            grid.addRow(row++, new Label(texts.text("conflict.field." + field.name())), t, m);
        }
        if (same > 0) {
            Label alike = new Label(texts.format("conflict.same", same));
            alike.setStyle("-fx-text-fill: #555555;");
            grid.add(alike, 0, row, 3, 1);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 60 + 48 * row));
        getDialogPane().setContent(scroll);
        getDialogPane().setPrefWidth(760);
        ButtonType takeTheirs = new ButtonType(texts.text("conflict.takeTheirs"), ButtonBar.ButtonData.LEFT);
        ButtonType keepMine = new ButtonType(texts.text("conflict.keepMine"), ButtonBar.ButtonData.LEFT);
        ButtonType merge = new ButtonType(texts.text("conflict.merge"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(takeTheirs, keepMine, merge, ButtonType.CANCEL);
        getDialogPane().lookupButton(takeTheirs).setId("take-theirs");
        getDialogPane().lookupButton(keepMine).setId("keep-mine");
        getDialogPane().lookupButton(merge).setId("merge");
        DialogWords.buttons(getDialogPane(), texts);
        setResultConverter(b -> b == takeTheirs ? new Settled(theirs) : b == keepMine ? new Settled(mine)
                : b == merge ? new Settled(ConflictResolution.merge(conflict, chosen())) : null);
    }

    /** The side chosen for each differing field. */
    Map<ConflictField, ConflictResolution.Side> chosen() {
        Map<ConflictField, ConflictResolution.Side> sides = new EnumMap<>(ConflictField.class);
        choices.forEach((field, group) -> sides.put(field, group.getSelectedToggle() != null
                && ((RadioButton) group.getSelectedToggle()).getId().startsWith("mine-")
                ? ConflictResolution.Side.MINE : ConflictResolution.Side.THEIRS));
        return sides;
    }

    private static RadioButton choice(String text, String id, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
