package kz.incidentmap.view;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * Says why an action is off. JavaFX shows no tooltip on a disabled control, so the control sits in a
 * box of its own whose tooltip gives the reason while the control is disabled; a screen reader gets the
 * same reason as the control's help text. JavaFX thread only.
 */
final class DisabledReason {

    private DisabledReason() {
    }

    /**
     * Wraps {@code control}: it is disabled while {@code reason} is not empty, and its box's tooltip
     * then says {@code reason}.
     */
    static StackPane wrap(ButtonBase control, ObservableStringValue reason) {
        control.disableProperty().bind(Bindings.createBooleanBinding(() -> !isBlank(reason.get()), reason));
        control.accessibleHelpProperty().bind(reason);
        StackPane box = new StackPane(control);
        box.getStyleClass().add("action-box");
        box.setMinWidth(StackPane.USE_PREF_SIZE);
        explain(box, Bindings.createBooleanBinding(() -> !isBlank(reason.get()), reason), reason);
        return box;
    }

    /** Shows {@code reason} as the tooltip of {@code box} while {@code off} is true. */
    static void explain(Node box, ObservableBooleanValue off, ObservableStringValue reason) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(reason);
        tip.getStyleClass().add("disabled-reason");
        Runnable update = () -> {
            if (off.get() && !isBlank(reason.get())) {
                Tooltip.install(box, tip);
            } else {
                Tooltip.uninstall(box, tip);
            }
        };
        off.addListener((o, a, b) -> update.run());
        reason.addListener((o, a, b) -> update.run());
        update.run();
        // Keep the tooltip reachable for tests and for a second look: the box remembers it.
        box.getProperties().put(DisabledReason.class, tip);
    }

    /** The reason tooltip installed on a box by {@link #explain}, if any. */
    static Tooltip of(Node box) {
        return (Tooltip) box.getProperties().get(DisabledReason.class);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
