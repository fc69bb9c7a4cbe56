package kz.incidentmap.view;

import java.time.LocalDate;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;

/**
 * The add/edit dialog around an {@link IncidentForm}: Save stays in the dialog while any field has an
 * error (the messages are at the fields), and gives the checked record otherwise. JavaFX thread only.
 */
final class IncidentFormDialog extends Dialog<Incident> {

    private final IncidentForm form;

    /**
     * @param sources finds stored sources for "Pick a stored source…" (off the JavaFX thread, on {@code executor})
     */
    IncidentFormDialog(Window owner, String title, IncidentValidator validator, IncidentDraft draft,
            SourcePicker.Finder sources, java.util.concurrent.Executor executor, Texts texts) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(title);
        setResizable(true);
        form = new IncidentForm(validator, LocalDate::now, draft,
                () -> new SourcePicker(getDialogPane().getScene().getWindow(), sources, executor, texts).pick(), texts);
        getDialogPane().setContent(form);
        ButtonType save = new ButtonType(texts.text("form.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("form-save");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.checkAll().ok()) {
                e.consume(); // the messages are shown at the fields
                form.showFirstError();
            }
        });
        setResultConverter(b -> b == save ? form.lastCheck().incident() : null);
    }

    IncidentForm form() {
        return form;
    }
}
