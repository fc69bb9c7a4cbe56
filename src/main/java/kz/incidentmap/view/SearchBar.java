package kz.incidentmap.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The city search: a field, Go, and a message beside it when a name is not known. The message goes as
 * soon as the field holds other text. JavaFX thread only.
 */
final class SearchBar extends HBox {

    private final MapViewModel vm;
    private final TextField field = new TextField();
    private final Label error = new Label();

    SearchBar(MapViewModel vm) {
        super(6);
        this.vm = vm;
        field.setPromptText("City, e.g. Taraz or \u0422\u0430\u0440\u0430\u0437");
        field.setId("search");
        field.setAccessibleText("Search a city or oblast (Ctrl+F)");
        field.setPrefColumnCount(18);
        field.setOnAction(e -> go());
        field.textProperty().addListener((o, a, b) -> error.setText(""));
        Button go = new Button("Go");
        go.setTooltip(new Tooltip("Zoom to the city"));
        go.setAccessibleText("Zoom to the city typed");
        go.setOnAction(e -> go());
        go.setMinWidth(USE_PREF_SIZE);
        error.setId("search-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setAccessibleText("Search message");
        error.setMinWidth(0);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(field, go, error);
    }

    /** Ctrl+F: the search field takes the focus, its text selected for typing over. */
    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private void go() {
        error.setText(vm.zoomToCity(field.getText()).orElse(""));
    }
}
