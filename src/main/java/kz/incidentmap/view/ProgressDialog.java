package kz.incidentmap.view;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;

/**
 * A small window that follows a running import or export: its message, a progress bar and a Cancel
 * button. It closes itself when the task ends, however it ends. JavaFX thread only.
 */
final class ProgressDialog {

    private ProgressDialog() {
    }

    static Stage show(Window owner, String title, Task<?> task, Texts texts) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-bar");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        Button cancel = new Button(texts.text("button.cancel"));
        cancel.setId("progress-cancel");
        cancel.setOnAction(e -> task.cancel());
        VBox box = new VBox(10, new Label(title), bar, message, cancel);
        box.setPadding(new Insets(14));
        stage.setScene(new Scene(box));
        task.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }
}
