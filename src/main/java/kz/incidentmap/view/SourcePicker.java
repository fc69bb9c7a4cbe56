package kz.incidentmap.view;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Source;

/**
 * "Pick a stored source…" in the form: a search by title or publisher over the sources the store
 * holds, run off the JavaFX thread as the user types, and a list to pick one from (double-click, or
 * Enter). JavaFX thread only.
 */
final class SourcePicker extends Dialog<Source> {

    /** Finds stored sources by a piece of their title or publisher; called off the JavaFX thread. */
    interface Finder {
        List<Source> find(String text) throws Exception;
    }

    /** How many sources the list shows at most. */
    static final int SHOWN = 50;

    private final TextField search = new TextField();
    private final ListView<Source> found = new ListView<>();
    private final Label note = new Label();
    private final Finder finder;
    private final Executor executor;
    private long ticket;
    private final Texts texts;

    SourcePicker(Window owner, Finder finder, Executor executor, Texts texts) {
        this.texts = texts;
        this.finder = finder;
        this.executor = executor;
        initOwner(owner);
        setTitle(texts.text("picker.title"));
        setHeaderText(texts.text("picker.header"));
        search.setId("source-search");
        search.setAccessibleText(texts.text("picker.name"));
        search.setPromptText(texts.text("picker.prompt"));
        found.setId("source-results");
        found.setAccessibleText(texts.text("picker.found"));
        found.setPrefSize(560, 260);
        found.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Source s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : SourceText.line(s, texts));
            }
        });
        note.setAccessibleText(texts.text("picker.note"));
        getDialogPane().setContent(new VBox(6, search, found, note));
        ButtonType pick = new ButtonType(texts.text("picker.pick"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(pick, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        getDialogPane().lookupButton(pick).disableProperty().bind(found.getSelectionModel().selectedItemProperty().isNull());
        getDialogPane().lookupButton(pick).setId("source-pick");
        setResultConverter(b -> b == pick ? found.getSelectionModel().getSelectedItem() : null);
        found.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && found.getSelectionModel().getSelectedItem() != null) {
                setResult(found.getSelectionModel().getSelectedItem());
                close();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !found.getItems().isEmpty()) {
                found.requestFocus();
                found.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        search.textProperty().addListener((o, a, text) -> look(text));
        look("");
    }

    private void look(String text) {
        long mine = ++ticket;
        Task<List<Source>> task = new Task<>() {
            @Override
            protected List<Source> call() throws Exception {
                return finder.find(text);
            }

            @Override
            protected void succeeded() {
                if (mine == ticket) {
                    found.getItems().setAll(getValue());
                    note.setText(getValue().isEmpty() ? texts.text("picker.none") : "");
                }
            }

            @Override
            protected void failed() {
                note.setText(texts.format("picker.failed", getException().getMessage()));
            }
        };
        executor.execute(task);
    }

    /** Shows the picker and waits; the source picked, if any. */
    Optional<Source> pick() {
        return showAndWait();
    }
}
