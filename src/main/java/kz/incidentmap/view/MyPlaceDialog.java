package kz.incidentmap.view;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.MyPlace;

/**
 * The small dialog that marks a place of the user's at a point of the map: its name and its rings in
 * metres. OK stays off, with the reason under the fields, while either is wrong. JavaFX thread only.
 */
final class MyPlaceDialog extends Dialog<MyPlace> {

    private final TextField name = new TextField();
    private final TextField rings = new TextField(MyPlace.ringsText(MyPlace.DEFAULT_RINGS));
    private final Label problem = new Label();
    private final double lon;
    private final double lat;
    private final Texts texts;

    MyPlaceDialog(Window owner, double lon, double lat) {
        this(owner, lon, lat, Texts.ENGLISH);
    }

    MyPlaceDialog(Window owner, double lon, double lat, Texts texts) {
        this.texts = texts;
        this.lon = lon;
        this.lat = lat;
        initOwner(owner);
        setTitle(texts.text("myPlace.title"));
        setHeaderText(texts.format("myPlace.header", String.format(Locale.ROOT, "%.5f", lat),
                String.format(Locale.ROOT, "%.5f", lon)));
        name.setId("my-place-name");
        name.setPromptText(texts.text("myPlace.namePrompt"));
        rings.setId("my-place-rings");
        rings.setPromptText(texts.text("myPlace.ringsPrompt"));
        problem.setId("my-place-problem");
        problem.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.text("myPlace.name")), name);
        grid.addRow(1, new Label(texts.text("myPlace.rings")), rings);
        grid.add(problem, 0, 2, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        name.textProperty().addListener((o, a, b) -> check());
        rings.textProperty().addListener((o, a, b) -> check());
        check();
        setResultConverter(b -> b == ButtonType.OK ? place().orElse(null) : null);
        setOnShown(e -> name.requestFocus());
    }

    /** The place the fields describe, or empty with the reason shown. */
    Optional<MyPlace> place() {
        try {
            MyPlace p = new MyPlace(name.getText(), lon, lat, MyPlace.parseRings(rings.getText()), Instant.now());
            problem.setText("");
            return Optional.of(p);
        } catch (IllegalArgumentException e) {
            problem.setText(name.getText().isBlank() ? texts.text("myPlace.noName") : e.getMessage());
            return Optional.empty();
        }
    }

    private void check() {
        getDialogPane().lookupButton(ButtonType.OK).setDisable(place().isEmpty());
    }

    TextField nameField() {
        return name;
    }

    TextField ringsField() {
        return rings;
    }
}
