package kz.incidentmap.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.pg.HistoryEntry;
import kz.incidentmap.sync.SyncSession;

/**
 * The versions of one incident the server kept, newest first, with who wrote each and when; "Restore"
 * reads the chosen one from the server and hands it on to be saved as a new version (an edit like any
 * other, so it can be undone). The server is read on a worker thread. JavaFX thread only.
 */
final class HistoryDialog extends Dialog<Void> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ListView<HistoryEntry> versions = new ListView<>();

    /**
     * @param restore takes the earlier version read from the server, to save it as the newest
     */
    HistoryDialog(Window owner, Incident incident, SyncSession session, Workers workers, Consumer<Incident> restore,
            Texts texts) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(texts.format("history.title", incident.title()));
        setHeaderText(texts.format("history.header", incident.title()));
        versions.setId("history-versions");
        versions.setPrefSize(560, 260);
        versions.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : texts.format("history.entry", h.version(),
                        texts.text("history.op." + h.operation()), h.changedBy(), WHEN.format(h.changedAt())));
            }
        });
        Label state = new Label(texts.text("history.reading"));
        state.setId("history-state");
        getDialogPane().setContent(new VBox(8, versions, state));
        ButtonType restoreType = new ButtonType(texts.text("history.restore"), javafx.scene.control.ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(restoreType, ButtonType.CLOSE);
        DialogWords.buttons(getDialogPane(), texts);
        Button restoreButton = (Button) getDialogPane().lookupButton(restoreType);
        restoreButton.setId("history-restore");
        // The newest version is what the record holds already.
        restoreButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            HistoryEntry chosen = versions.getSelectionModel().getSelectedItem();
            return chosen == null || versions.getItems().indexOf(chosen) == 0;
        }, versions.getSelectionModel().selectedItemProperty()));
        restoreButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the version is read
            HistoryEntry chosen = versions.getSelectionModel().getSelectedItem();
            state.setText(texts.format("history.restoring", chosen.version()));
            workers.run(() -> session.historical(incident.id(), chosen.version()).orElseThrow(),
                    earlier -> {
                        restore.accept(earlier);
                        close();
                    }, failed -> state.setText(failed.getMessage()));
        });
        workers.run(() -> session.history(incident.id()), (List<HistoryEntry> read) -> {
            List<HistoryEntry> newestFirst = new java.util.ArrayList<>(read);
            java.util.Collections.reverse(newestFirst);
            versions.getItems().setAll(newestFirst);
            state.setText(texts.format("history.count", read.size()));
        }, failed -> state.setText(failed.getMessage()));
    }
}
