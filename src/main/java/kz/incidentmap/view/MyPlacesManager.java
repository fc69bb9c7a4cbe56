package kz.incidentmap.view;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import kz.incidentmap.geo.Geodesy;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The small list of the user's places: go to one, rename it, delete it. The list follows the places as
 * the store has them. JavaFX thread only.
 */
final class MyPlacesManager extends Dialog<Void> {

    private final ListView<MyPlace> list;

    MyPlacesManager(Window owner, MyPlacesModel places, MapViewModel vm) {
        Texts t = vm.texts();
        initOwner(owner);
        setTitle(t.text("myPlaces.title"));
        setHeaderText(t.text("myPlaces.header"));
        list = new ListView<>(places.places());
        list.setId("my-places-list");
        list.setPrefSize(360, 220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MyPlace p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.rings().isEmpty() ? p.name()
                        : t.format("myPlaces.withRings", p.name(), MyPlace.ringsText(p.rings())));
            }
        });
        Button goTo = new Button(t.text("myPlaces.goTo"));
        goTo.setId("my-place-go");
        goTo.setOnAction(e -> selected().ifPresent(p -> goTo(vm, p)));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selected().ifPresent(p -> goTo(vm, p));
            }
        });
        Button rename = new Button(t.text("myPlaces.rename"));
        rename.setId("my-place-rename");
        rename.setOnAction(e -> selected().ifPresent(p -> {
            TextInputDialog ask = new TextInputDialog(p.name());
            ask.initOwner(getDialogPane().getScene().getWindow());
            ask.setTitle(t.text("myPlaces.renameTitle"));
            ask.setHeaderText(t.format("myPlaces.renameHeader", p.name()));
            DialogWords.buttons(ask.getDialogPane(), t);
            ask.showAndWait().filter(n -> !n.isBlank() && !n.strip().equals(p.name()))
                    .ifPresent(n -> places.rename(p, n));
        }));
        Button delete = new Button(t.text("edit.delete"));
        delete.setId("my-place-delete");
        delete.setOnAction(e -> selected().ifPresent(p -> {
            Alert sure = DialogWords.of(new Alert(Alert.AlertType.CONFIRMATION, t.format("myPlaces.deleteAsk", p.name()),
                    ButtonType.OK, ButtonType.CANCEL), t);
            sure.initOwner(getDialogPane().getScene().getWindow());
            sure.setHeaderText(null);
            sure.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> places.delete(p));
        }));
        for (Button b : new Button[] {goTo, rename, delete}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        getDialogPane().setContent(new VBox(8, list, new HBox(6, goTo, rename, delete)));
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        DialogWords.buttons(getDialogPane(), t);
        initModality(Modality.NONE);
        // In the window's upper right corner rather than its middle, so that Go to shows the place uncovered.
        setOnShown(e -> {
            Window self = getDialogPane().getScene().getWindow();
            self.setX(owner.getX() + Math.max(0, owner.getWidth() - self.getWidth() - 24));
            self.setY(owner.getY() + 90);
        });
    }

    private Optional<MyPlace> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    /** Shows the place with its widest ring (or 2 km round it when it has none). */
    static void goTo(MapViewModel vm, MyPlace p) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        int widest = p.rings().isEmpty() ? 2000 : p.rings().get(p.rings().size() - 1);
        Envelope box = new Envelope();
        for (Coordinate c : Geodesy.ring(p.lon(), p.lat(), widest, 16)) {
            box.expandToInclude(vp.projection().toMap(c.x, c.y));
        }
        vm.viewportProperty().set(Viewport.fitting(box, vp.width(), vp.height(), 30, vp.projection()));
    }

    /** The list, for the tests. */
    ListView<MyPlace> list() {
        return list;
    }
}
