package kz.incidentmap.view;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.store.pg.ServerAddress;

/**
 * Asks for a server's address, offering the recent ones; an address of another shape, or with a
 * password in it, is refused in the dialog with what to write instead. JavaFX thread only.
 */
final class OpenServerDialog extends Dialog<ServerAddress> {

    OpenServerDialog(Window owner, List<String> recent, Texts texts) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(texts.text("server.open"));
        setHeaderText(texts.text("server.openHeader"));
        ComboBox<String> address = new ComboBox<>();
        address.setId("server-address");
        address.setEditable(true);
        address.getItems().setAll(recent);
        address.setPrefWidth(460);
        address.setPromptText("postgresql://user@host:5432/incidents");
        if (!recent.isEmpty()) {
            address.getEditor().setText(recent.get(0));
        }
        Label problem = new Label();
        problem.setId("server-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.setStyle("-fx-text-fill: #b00020;");
        Label password = new Label(texts.text("server.passwordHelp"));
        password.setWrapText(true);
        password.setMaxWidth(460);
        getDialogPane().setContent(new VBox(8, address, password, problem));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                ServerAddress.parse(address.getEditor().getText());
            } catch (IllegalArgumentException bad) {
                problem.setText(bad.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? ServerAddress.parse(address.getEditor().getText()) : null);
    }
}
