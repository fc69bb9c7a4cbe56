package kz.incidentmap.view;

import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import kz.incidentmap.layers.AdminLayers;
import kz.incidentmap.layers.BoundaryChoice;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;

/**
 * The choice of oblast boundaries at the head of the layer list: the shipped ones as of 2017, or those
 * imported from OpenStreetMap with their extract's date. Without imported boundaries the second is off,
 * and says why. The choice is the layers' visibility, so the window remembers it with the other layer
 * settings. JavaFX thread only.
 */
final class BoundaryPicker extends VBox {

    private final MapViewModel vm;
    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton shipped;
    private final RadioButton imported;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    /** Set while the buttons are made to show the map's state, so that this is not taken for a choice. */
    private boolean showing;

    BoundaryPicker(MapViewModel vm) {
        this.vm = vm;
        setId("boundary-picker");
        setSpacing(3);
        Label head = new Label(vm.texts().text("boundaries.title"));
        head.setTooltip(new Tooltip(vm.texts().text("boundaries.tip")));
        shipped = new RadioButton(vm.texts().text("boundaries.shipped"));
        shipped.setId("boundaries-shipped");
        shipped.setToggleGroup(group);
        imported = new RadioButton(vm.texts().text("boundaries.importedNone"));
        imported.setId("boundaries-imported");
        imported.setToggleGroup(group);
        // The panel is narrow: the extract's date goes to a second line rather than out of sight.
        shipped.setWrapText(true);
        imported.setWrapText(true);
        imported.disableProperty().bind(Bindings.createBooleanBinding(() -> !reason.get().isEmpty(), reason));
        imported.accessibleHelpProperty().bind(reason);
        VBox importedBox = new VBox(imported);
        DisabledReason.explain(importedBox, imported.disableProperty(), reason);
        getChildren().addAll(head, shipped, importedBox);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (!showing && t != null) {
                BoundaryChoice choice = t == imported ? BoundaryChoice.IMPORTED : BoundaryChoice.SHIPPED;
                vm.updateModel(m -> BoundaryChoice.available(m) || choice == BoundaryChoice.SHIPPED
                        ? choice.applyTo(m) : m);
            }
        });
        vm.mapProperty().addListener((o, a, m) -> show(m));
        show(vm.mapProperty().get());
    }

    /** Makes the buttons say what {@code m} draws and whether there is a choice. */
    private void show(LoadedMap m) {
        showing = true;
        try {
            MapModel model = m == null ? null : m.model();
            boolean available = model != null && BoundaryChoice.available(model);
            reason.set(available ? "" : vm.texts().text("boundaries.none"));
            imported.setText(available ? vm.texts().format("boundaries.imported",
                    vm.texts().date(LocalDate.parse(AdminLayers.extractDate(model).orElseThrow())))
                    : vm.texts().text("boundaries.importedNone"));
            BoundaryChoice now = model == null ? BoundaryChoice.SHIPPED : BoundaryChoice.of(model);
            group.selectToggle(now == BoundaryChoice.IMPORTED ? imported : shipped);
        } finally {
            showing = false;
        }
    }
}
