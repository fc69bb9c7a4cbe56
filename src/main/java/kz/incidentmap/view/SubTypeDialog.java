package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.StringConverter;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapStyles;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;

/**
 * Asks for a new sub-type: its name, its family, and optionally a marker shape and colour of its own
 * (otherwise it is drawn as its family). Gives what was typed; the store adds it. JavaFX thread only.
 */
final class SubTypeDialog extends Dialog<SubTypeDialog.Request> {

    /** What the user asked for: {@code mark} and {@code colour} null for the family's. */
    record Request(IncidentType type, String label, String mark, String colour) {
    }

    /** The marker choice that keeps the family's marker; shown in words by the choice box. */
    private static final String AS_FAMILY = "family";

    SubTypeDialog(Window owner, IncidentType family, Texts texts) {
        initOwner(owner);
        setTitle(texts.text("subType.title"));
        setHeaderText(texts.text("subType.header"));
        TextField name = new TextField();
        name.setId("subtype-name");
        name.setPromptText(texts.text("subType.prompt"));
        ChoiceBox<IncidentType> type = new ChoiceBox<>(FXCollections.observableArrayList(IncidentType.values()));
        type.setId("subtype-family");
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(IncidentType t) {
                return t == null ? "" : texts.typeName(t);
            }

            @Override
            public IncidentType fromString(String s) {
                return null;
            }
        });
        type.setValue(family != null ? family : IncidentType.ARMED_ATTACK);
        List<String> marks = new ArrayList<>();
        marks.add(AS_FAMILY);
        marks.addAll(IncidentSubType.MARKS);
        ChoiceBox<String> mark = new ChoiceBox<>(FXCollections.observableArrayList(marks));
        mark.setId("subtype-marker");
        mark.setValue(AS_FAMILY);
        mark.setConverter(new StringConverter<>() {
            @Override
            public String toString(String m) {
                return m == null ? "" : texts.text(AS_FAMILY.equals(m) ? "subType.asFamily" : "mark." + m);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        CheckBox ownColour = new CheckBox(texts.text("subType.ownColour"));
        ownColour.setId("subtype-own-colour");
        ColorPicker colour = new ColorPicker(awt(MapStyles.symbolOf(type.getValue()).fill()));
        colour.setId("subtype-colour");
        colour.disableProperty().bind(ownColour.selectedProperty().not());
        type.valueProperty().addListener((o, a, t) -> {
            if (!ownColour.isSelected() && t != null) {
                colour.setValue(awt(MapStyles.symbolOf(t).fill()));
            }
        });
        Label hint = new Label(texts.text("subType.hint"));
        hint.setStyle("-fx-text-fill: #555;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label(texts.text("subType.name")), name);
        grid.addRow(1, new Label(texts.text("subType.family")), type);
        grid.addRow(2, new Label(texts.text("subType.marker")), mark);
        grid.addRow(3, ownColour, colour);
        grid.add(hint, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType add = new ButtonType(texts.text("subType.add"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        getDialogPane().lookupButton(add).setId("subtype-add");
        getDialogPane().lookupButton(add).disableProperty().bind(Bindings.createBooleanBinding(
                () -> name.getText().isBlank(), name.textProperty()));
        setResultConverter(b -> b != add ? null : new Request(type.getValue(), name.getText().strip(),
                AS_FAMILY.equals(mark.getValue()) ? null : mark.getValue(),
                ownColour.isSelected() ? hex(colour.getValue()) : null));
        setOnShown(e -> name.requestFocus());
    }

    private static Color awt(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
