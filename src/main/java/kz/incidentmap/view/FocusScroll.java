package kz.incidentmap.view;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Keeps the control that has the keyboard in sight in a scroll pane: Tab through the filter panel and
 * the layers reaches controls below the pane's edge, and the pane scrolls to show each one as it gets
 * the focus, as a browser does. JavaFX thread only.
 */
final class FocusScroll {

    /** Room left above or below the control, in pixels, so that its focus ring shows too. */
    private static final double MARGIN = 6;

    private FocusScroll() {
    }

    /** Makes {@code pane} scroll to whatever control inside it gets the focus. */
    static void follow(ScrollPane pane) {
        pane.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, before, owner) -> reveal(pane, owner));
            }
        });
    }

    /** Scrolls {@code pane} the least that shows all of {@code node} (its top, if it is taller than the pane). */
    static void reveal(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        if (node == null || content == null || !inside(content, node)) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = pane.getViewportBounds().getHeight();
        double room = content.getLayoutBounds().getHeight() - viewport;
        if (room <= 0) {
            return;
        }
        double top = pane.getVvalue() * room;
        double minY = b.getMinY() - MARGIN;
        double maxY = b.getMaxY() + MARGIN;
        if (minY < top) {
            pane.setVvalue(Math.max(0, minY / room));
        } else if (maxY > top + viewport) {
            pane.setVvalue(Math.min(1, Math.min(minY, maxY - viewport) / room));
        }
    }

    private static boolean inside(Node content, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }
}
