package kz.incidentmap.view;

import javafx.scene.Cursor;
import javafx.scene.control.ToggleButton;

/**
 * "Add on map" as a mode the user can see: while it is on, its button stays pressed, the map shows a
 * crosshair and the status bar says what the next click does. The click on the map places the new
 * incident and ends the mode; Escape or the button again ends it too. JavaFX thread only.
 */
final class AddOnMapMode {

    /** The key of the words the status bar shows while the mode is on. */
    static final String PROMPT = "addOnMap.prompt";

    private final ToggleButton button;
    private final MapCanvas canvas;
    private final MapViewModel vm;

    AddOnMapMode(ToggleButton button, MapCanvas canvas, MapViewModel vm) {
        this.button = button;
        this.canvas = canvas;
        this.vm = vm;
        button.selectedProperty().addListener((o, was, on) -> changed(on));
        // Disabled (the store became read-only) ends the mode as well.
        button.disabledProperty().addListener((o, was, off) -> {
            if (off) {
                leave();
            }
        });
    }

    boolean isOn() {
        return button.isSelected();
    }

    void enter() {
        if (!button.isDisabled()) {
            button.setSelected(true);
        }
    }

    /** Ends the mode; nothing happens when it is off. */
    void leave() {
        button.setSelected(false);
    }

    /** True (and the mode ends) when a click on the map is meant to place a new incident. */
    boolean takesClick() {
        if (!isOn()) {
            return false;
        }
        leave();
        return true;
    }

    private void changed(boolean on) {
        canvas.setCursor(on ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        if (on) {
            vm.hint(vm.texts().text(PROMPT));
        } else if (vm.texts().text(PROMPT).equals(vm.messageProperty().get())) {
            vm.messageProperty().set("");
        }
    }
}
