package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.redact.RedactionProfile;
import kz.incidentmap.redact.RedactionProfileException;
import kz.incidentmap.redact.RedactionProfiles;

/**
 * The "Redaction" choice of an export: none, the built-in profiles and the user's own, with what the
 * chosen one does in words. A profiles file that cannot be used is said under the choice, which then
 * offers the built-in profiles only. JavaFX thread only (the user's file is a few lines, read here).
 */
final class RedactionChoice {

    private final ChoiceBox<RedactionProfile> choice = new ChoiceBox<>();
    private final Label words = new Label();
    private final Label problem = new Label();
    private final Texts texts;

    /**
     * @param cities whether the cities to snap to are known; when not (the map is still loading), the
     *     profiles that snap positions to cities are not offered
     */
    RedactionChoice(Texts texts, RedactionProfiles profiles, boolean cities) {
        this.texts = texts;
        List<RedactionProfile> all = new ArrayList<>();
        all.add(null);
        try {
            all.addAll(profiles.all());
        } catch (RedactionProfileException e) {
            all.addAll(RedactionProfile.BUILT_IN);
            problem.setText(texts.format("redaction.badFile", e.getMessage()));
        }
        if (!cities) {
            all.removeIf(p -> p != null && p.position() == RedactionProfile.Position.CITY);
        }
        choice.getItems().setAll(all);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RedactionProfile p) {
                return p == null ? texts.text("redaction.none") : p.name();
            }

            @Override
            public RedactionProfile fromString(String s) {
                return null;
            }
        });
        choice.setId("redaction-choice");
        choice.setAccessibleText(texts.text("redaction.label"));
        choice.valueProperty().addListener((o, a, p) -> describe(p));
        choice.setValue(null);
        describe(null);
        words.setId("redaction-words");
        words.setWrapText(true);
        words.setMaxWidth(420);
        // As tall as its wrapped lines: a grid row would otherwise cut it to one.
        words.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.setId("redaction-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /** The built-in profiles in the window's language; the user's own in the profile's words. */
    private void describe(RedactionProfile p) {
        words.setText(p == null ? texts.text("redaction.noneWords")
                : RedactionProfile.BUILT_IN.contains(p) ? texts.text("redaction.profile." + p.name()) : p.describe());
        // A longer description takes more lines: the dialog grows with it, or its buttons would fall off
        // its bottom edge (seen with grid25's three lines).
        javafx.application.Platform.runLater(() -> {
            if (words.getScene() != null && words.getScene().getWindow() != null) {
                words.getScene().getWindow().sizeToScene();
            }
        });
    }

    ChoiceBox<RedactionProfile> choice() {
        return choice;
    }

    /** The controls: the choice, what it does, and any problem with the user's file. */
    VBox pane() {
        return new VBox(6, new Label(texts.text("redaction.label")), choice, details());
    }

    /** What the chosen profile does, and any problem with the user's file. */
    VBox details() {
        return new VBox(4, words, problem);
    }

    /** The redaction chosen, snapping to the cities of {@code gazetteer}. */
    Redaction chosen(Gazetteer gazetteer) {
        RedactionProfile p = choice.getValue();
        return p == null ? Redaction.NONE : Redaction.of(p, gazetteer);
    }

    /** Asks how to share the records; empty when the user cancels. */
    static Optional<Redaction> ask(Window owner, Texts texts, Gazetteer gazetteer) {
        RedactionChoice c = new RedactionChoice(texts, RedactionProfiles.ofUser(), gazetteer != null);
        Alert ask = DialogWords.of(new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL), texts);
        ask.initOwner(owner);
        ask.setTitle(texts.text("redaction.title"));
        ask.setHeaderText(texts.text("redaction.header"));
        ask.getDialogPane().setContent(c.pane());
        return ask.showAndWait().filter(b -> b == ButtonType.OK).map(b -> c.chosen(gazetteer));
    }
}
