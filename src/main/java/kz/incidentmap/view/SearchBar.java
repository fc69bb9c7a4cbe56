package kz.incidentmap.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import kz.incidentmap.layers.Gazetteer;

/**
 * The search for a city or an oblast: a field, Go, and beside them a message when a name is not known
 * or, when the map went to a place by another name, which name it was ("Alma-Ata \u2014 a former name
 * of Almaty (1921\u20131993)"); a name that means several places drops them all down.
 * A name not known exactly moves nothing: the places it may mean drop down under the field, each with
 * its oblast and population, for the user to pick (with the mouse, or Down and Enter). The message goes
 * as soon as the field holds other text. JavaFX thread only.
 */
final class SearchBar extends HBox {

    private final MapViewModel vm;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Label matched = new Label();
    private final ContextMenu offered = new ContextMenu();

    SearchBar(MapViewModel vm) {
        super(6);
        this.vm = vm;
        field.setPromptText(vm.texts().text("search.prompt"));
        field.setId("search");
        field.setAccessibleText(vm.texts().text("search.name"));
        field.setPrefColumnCount(18);
        field.setOnAction(e -> go());
        field.textProperty().addListener((o, a, b) -> {
            error.setText("");
            matched.setText("");
            offered.hide();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && offered.isShowing() && offered.getSkin() != null) {
                offered.getSkin().getNode().lookup(".menu-item").requestFocus();
                e.consume();
            }
        });
        offered.setId("search-suggestions");
        Button go = new Button(vm.texts().text("search.go"));
        go.setTooltip(new Tooltip(vm.texts().text("search.goTip")));
        go.setAccessibleText(vm.texts().text("search.goTip"));
        go.setOnAction(e -> go());
        go.setMinWidth(USE_PREF_SIZE);
        error.setId("search-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setAccessibleText(vm.texts().text("search.message"));
        error.setMinWidth(0);
        matched.setId("search-matched");
        matched.setAccessibleText(vm.texts().text("search.matchedName"));
        matched.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(matched.textProperty()); // the label is cut short in a narrow window
        matched.setTooltip(whole);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(field, go, error, matched);
    }

    /** Ctrl+F: the search field takes the focus, its text selected for typing over. */
    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** The places offered under the field, as shown. */
    ContextMenu suggestions() {
        return offered;
    }

    private void go() {
        MapViewModel.Search found = vm.search(field.getText());
        error.setText(found.error().orElse(""));
        matched.setText(found.matched().orElse(""));
        offer(found.suggestions(), found.error().isPresent());
    }

    /**
     * Drops down the places offered; a near miss shows each as a suggestion, a name of several places
     * each as a candidate, with what it is and the name that matched it.
     */
    private void offer(List<Gazetteer.Match> places, boolean nearMisses) {
        offered.getItems().clear();
        for (Gazetteer.Match m : places) {
            Gazetteer.Place p = m.place();
            MenuItem item = new MenuItem(nearMisses ? PlaceWords.description(p, vm.texts()) : PlaceWords.label(m, vm.texts()));
            item.setOnAction(e -> {
                field.setText(p.name()); // the field says where the map went, not what was mistyped
                error.setText("");
                matched.setText("");
                vm.zoomTo(p);
            });
            offered.getItems().add(item);
        }
        if (places.isEmpty()) {
            offered.hide();
        } else {
            offered.show(field, Side.BOTTOM, 0, 0);
        }
    }
}
