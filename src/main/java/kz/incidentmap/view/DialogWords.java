package kz.incidentmap.view;

import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import kz.incidentmap.i18n.Texts;

/**
 * The words of a dialog's standard buttons and of an alert's title in the window's language: JavaFX
 * words OK, Cancel, Close and "Confirmation" in the machine's language only when it has them, and it
 * has no Russian or Kazakh. The button types stay the standard ones, so a result is compared as before.
 */
final class DialogWords {

    private static final Map<ButtonType, String> BUTTONS = Map.of(ButtonType.OK, "button.ok",
            ButtonType.CANCEL, "button.cancel", ButtonType.CLOSE, "button.close", ButtonType.YES, "button.yes",
            ButtonType.NO, "button.no");
    private static final Map<Alert.AlertType, String> TITLES = Map.of(Alert.AlertType.ERROR, "alert.error",
            Alert.AlertType.CONFIRMATION, "alert.confirmation", Alert.AlertType.INFORMATION, "alert.information",
            Alert.AlertType.WARNING, "alert.warning");

    private DialogWords() {
    }

    /** Words the standard buttons {@code pane} has now; call once its button types are set. */
    static void buttons(DialogPane pane, Texts texts) {
        for (ButtonType type : pane.getButtonTypes()) {
            String key = BUTTONS.get(type);
            if (key != null && pane.lookupButton(type) instanceof Button b) {
                b.setText(texts.text(key));
            }
        }
    }

    /** An alert with its buttons and, unless it was given one, its title in the window's language. */
    static <T extends Dialog<?>> T of(T dialog, Texts texts) {
        if (dialog instanceof Alert alert && TITLES.containsKey(alert.getAlertType())) {
            alert.setTitle(texts.text(TITLES.get(alert.getAlertType())));
        }
        buttons(dialog.getDialogPane(), texts);
        return dialog;
    }
}
