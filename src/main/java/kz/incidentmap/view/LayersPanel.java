package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.LayerKind;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.LayerTitles;
import kz.incidentmap.render.LegendSwatch;

/**
 * The layer list: every layer, the topmost first, with its legend symbol, a visibility check box, an
 * opacity slider and buttons to move it up or down the drawing order. The incident layer can also be
 * coloured by type, casualties or date and its clusters switched off. Changes go to the
 * {@link MapViewModel} as a new map model; the map redraws. JavaFX thread only.
 */
final class LayersPanel extends VBox {

    private final MapViewModel vm;
    private final Workers workers;
    private final VBox rows = new VBox(6);
    private List<String> shownSignature = List.of();
    private IncidentStyling styling = IncidentStyling.BY_TYPE;

    LayersPanel(MapViewModel vm, Workers workers) {
        this.vm = vm;
        this.workers = workers;
        setId("layers-panel");
        setPadding(new Insets(8));
        setSpacing(6);
        setPrefWidth(250);
        setMinWidth(0);
        Label head = new Label(vm.texts().text("layers.title"));
        head.setStyle("-fx-font-weight: bold;");
        BoundaryPicker boundaries = new BoundaryPicker(vm);
        boundaries.setStyle("-fx-border-color: #dddddd; -fx-border-width: 0 0 1 0; -fx-padding: 0 0 6 0;");
        getChildren().addAll(head, boundaries, rows);
        vm.mapProperty().addListener((o, a, m) -> refresh(m));
    }

    /** Rebuilds the rows unless only an opacity changed (a slider being dragged keeps its row). */
    private void refresh(LoadedMap m) {
        if (m == null) {
            rows.getChildren().clear();
            return;
        }
        List<String> signature = new ArrayList<>();
        for (MapLayer l : m.model().layers()) {
            signature.add(l.name() + "|" + l.visible() + "|" + l.presentation() + "|" + System.identityHashCode(l.style()));
        }
        if (signature.equals(shownSignature)) {
            return;
        }
        shownSignature = signature;
        rows.getChildren().clear();
        List<MapLayer> layers = new ArrayList<>(m.model().layers());
        for (int i = layers.size() - 1; i >= 0; i--) {
            rows.getChildren().add(row(layers.get(i), i == layers.size() - 1, i == 0));
        }
    }

    private VBox row(MapLayer layer, boolean top, boolean bottom) {
        ImageView swatch = new ImageView(AwtImages.toFx(LegendSwatch.of(layer, 24, 16)));
        String title = LayerTitles.of(layer, vm.texts());
        CheckBox shown = new CheckBox(title);
        shown.setSelected(layer.visible());
        // A narrow panel cuts the title short (the tooltip has it whole) and keeps the buttons in view.
        shown.setMinWidth(0);
        // The panel is narrow: the whole title shows on hover where the label is cut short.
        shown.setTooltip(new Tooltip(title));
        shown.setId("layer-visible-" + layer.name());
        shown.selectedProperty().addListener((o, a, v) -> change(layer.name(), l -> l.withVisible(v)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button up = small("\u25B2", vm.texts().text("layers.up"), () -> vm.updateModel(mm -> mm.moved(layer.name(), 1)));
        up.setDisable(top);
        up.setId("layer-up-" + layer.name());
        up.setAccessibleText(vm.texts().format("layers.moveUp", title));
        Button down = small("\u25BC", vm.texts().text("layers.down"), () -> vm.updateModel(mm -> mm.moved(layer.name(), -1)));
        down.setDisable(bottom);
        down.setId("layer-down-" + layer.name());
        down.setAccessibleText(vm.texts().format("layers.moveDown", title));
        HBox head = new HBox(6, swatch, shown, spacer, up, down);
        head.setAlignment(Pos.CENTER_LEFT);
        Slider opacity = new Slider(0, 1, layer.opacity());
        opacity.setId("layer-opacity-" + layer.name());
        opacity.setTooltip(new Tooltip(vm.texts().text("layers.opacity")));
        opacity.setAccessibleText(vm.texts().format("layers.opacityOf", title));
        opacity.valueProperty().addListener((o, a, v) -> change(layer.name(), l -> l.withOpacity(v.doubleValue())));
        VBox box = new VBox(3, head, opacity);
        if (layer.kind() == LayerKind.INCIDENTS) {
            box.getChildren().add(incidentOptions(layer));
        }
        box.getStyleClass().add("layer-row");
        box.setStyle("-fx-border-color: #dddddd; -fx-border-width: 0 0 1 0; -fx-padding: 0 0 6 0;");
        return box;
    }

    private FlowPane incidentOptions(MapLayer layer) {
        ChoiceBox<IncidentStyling> style = new ChoiceBox<>();
        style.getItems().setAll(IncidentStyling.values());
        style.setValue(styling);
        style.setId("incident-styling");
        style.setAccessibleText(vm.texts().text("layers.stylingName"));
        style.setTooltip(new Tooltip(vm.texts().text("layers.stylingTip")));
        style.setConverter(new StringConverter<>() {
            @Override
            public String toString(IncidentStyling s) {
                return s == null ? "" : vm.texts().text("styling." + s.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public IncidentStyling fromString(String s) {
                return null;
            }
        });
        style.valueProperty().addListener((o, a, s) -> restyle(layer, s));
        CheckBox clusters = new CheckBox(vm.texts().text("layers.clusters"));
        clusters.setId("incident-clusters");
        clusters.setTooltip(new Tooltip(vm.texts().text("layers.clustersTip")));
        clusters.setSelected(layer.presentation() == LayerPresentation.CLUSTERS);
        clusters.selectedProperty().addListener((o, a, on) -> change(layer.name(),
                l -> l.withPresentation(on ? LayerPresentation.CLUSTERS : LayerPresentation.FEATURES)));
        // Clusters goes under the choice when the two do not fit side by side (longer words in Kazakh).
        clusters.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane box = new FlowPane(8, 4, style, clusters);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** How the incidents are coloured now. */
    IncidentStyling styling() {
        return styling;
    }

    /** Colours the incidents as {@code s} (a style remembered from the last run); the panel follows. */
    void useStyling(IncidentStyling s) {
        LoadedMap m = vm.mapProperty().get();
        if (m != null && s != styling) {
            m.model().layer(IncidentLayer.NAME).ifPresent(l -> restyle(l, s));
        }
    }

    /** Draws the incidents again as they are coloured now: a sub-type with its own marker was added. */
    void refreshStyle() {
        LoadedMap m = vm.mapProperty().get();
        if (m != null) {
            m.model().layer(IncidentLayer.NAME).ifPresent(l -> restyle(l, styling));
        }
    }

    /** Computes the new style on a worker thread (the date classes read every incident's day). */
    private void restyle(MapLayer layer, IncidentStyling s) {
        workers.run(() -> s.styleFor(layer), style -> {
            styling = s;
            shownSignature = List.of(); // the choice box shows the new styling
            change(layer.name(), l -> l.withStyle(style));
        }, e -> vm.messageProperty().set(vm.texts().format("layers.restyleFailed", e.getMessage())));
    }

    private void change(String name, UnaryOperator<MapLayer> op) {
        vm.updateModel(m -> m.with(name, op));
    }

    private Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setStyle("-fx-font-size: 9px; -fx-padding: 2 5 2 5;");
        return b;
    }
}
