package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The layers panel, the map and the details pane side by side, with dividers the user can drag. The
 * widths the user gives the side panes are kept when the window changes size, so the map takes the
 * change; when the window gets too narrow for the map to keep {@link #MIN_MAP_SHARE} of it (and
 * {@link #MIN_MAP_PX}), the side
 * panes shrink towards their smallest widths, and then the layers panel, then the details pane, fold
 * away until the window is wide enough again. Either pane can also be hidden by the user. JavaFX thread only.
 */
final class SidePanes extends SplitPane {

    /** The share of the width the map keeps before the side panes give way. */
    static final double MIN_MAP_SHARE = 0.5;
    /** The map's own smallest width, in pixels, on narrow windows. */
    static final double MIN_MAP_PX = 420;

    private final Region left;
    private final Node centre;
    private final Region right;
    private final BooleanProperty leftShown = new SimpleBooleanProperty(this, "leftShown", true);
    private final BooleanProperty rightShown = new SimpleBooleanProperty(this, "rightShown", true);
    private double leftWidth;
    private double rightWidth;
    /** The map's width the user left when dragging a divider, or NaN when they never did. */
    private double chosenMap;
    /** True while the user holds a divider: only such moves change the widths the panes keep. */
    private boolean dragging;

    /**
     * @param chosenMap the map's width the user chose by dragging (NaN: none), below which the panes give way
     */
    SidePanes(Region left, Node centre, Region right, double leftWidth, double rightWidth, double chosenMap) {
        this.left = left;
        this.centre = centre;
        this.right = right;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.chosenMap = chosenMap;
        setId("side-panes");
        widthProperty().addListener((o, a, w) -> arrange());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging = e.getTarget() instanceof Node n
                && n.getStyleClass().contains("split-pane-divider"));
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> dragging = false);
        leftShown.addListener((o, a, b) -> arrange());
        rightShown.addListener((o, a, b) -> arrange());
        arrange();
    }

    BooleanProperty leftShownProperty() {
        return leftShown;
    }

    BooleanProperty rightShownProperty() {
        return rightShown;
    }

    /** The width the user gave the layers panel (kept while it is folded away). */
    double leftWidth() {
        return leftWidth;
    }

    double rightWidth() {
        return rightWidth;
    }

    /** The map's width the user chose by dragging a divider, or NaN. */
    double chosenMapWidth() {
        return chosenMap;
    }

    /** Whether the pane is on screen now (shown by the user and not folded for lack of room). */
    boolean isOnScreen(Region pane) {
        return getItems().contains(pane);
    }

    /** Which panes are on screen and how wide, for the width the window has now. */
    private record Plan(boolean left, double leftWidth, boolean right, double rightWidth) {
    }

    private Plan plan(double total) {
        // A map the user made narrower by dragging a divider is what they want: the panes give way only below it.
        // Half a pixel of slack: a window exactly wide enough keeps its panes.
        double minMap = Math.min(total, Math.min(Math.max(MIN_MAP_PX, total * MIN_MAP_SHARE),
                Double.isNaN(chosenMap) ? Double.MAX_VALUE : chosenMap)) - 0.5;
        boolean showLeft = leftShown.get();
        boolean showRight = rightShown.get();
        double l = showLeft ? leftWidth : 0;
        double r = showRight ? rightWidth : 0;
        if (total - l - r < minMap) {
            // Shrink both towards their smallest widths, in proportion to what each can give.
            double need = minMap - (total - l - r);
            double canL = showLeft ? Math.max(0, l - left.minWidth(-1)) : 0;
            double canR = showRight ? Math.max(0, r - right.minWidth(-1)) : 0;
            double can = canL + canR;
            if (can > 0) {
                double k = Math.min(1, need / can);
                l -= canL * k;
                r -= canR * k;
            }
        }
        if (total - l - r < minMap && showLeft) {
            showLeft = false; // the layers panel folds first
            l = 0;
            r = showRight ? Math.min(rightWidth, Math.max(right.minWidth(-1), total - minMap)) : 0;
        }
        if (total - l - r < minMap && showRight) {
            showRight = false;
            r = 0;
        }
        return new Plan(showLeft, l, showRight, r);
    }

    /** Puts on screen the panes that fit; {@link #layoutChildren} then sets their widths. */
    private void arrange() {
        double total = getWidth();
        if (total <= 0) {
            return;
        }
        Plan p = plan(total);
        List<Node> items = new ArrayList<>();
        if (p.left()) {
            items.add(left);
        }
        items.add(centre);
        if (p.right()) {
            items.add(right);
        }
        if (!getItems().equals(items)) {
            getItems().setAll(items);
            watchDividers();
        }
        requestLayout();
    }

    /**
     * Lays the panes out until they have their planned widths: the split pane's first layout puts the
     * dividers where its skin likes, and a position set during a layout takes effect at the next. JavaFX
     * thread, once the split pane is in a shown window.
     */
    void settle() {
        applyCss();
        layout();
        requestLayout();
        layout();
    }

    /** The dividers where the plan puts them, before the split pane lays its items out. */
    @Override
    protected void layoutChildren() {
        boolean moved = placeDividers();
        super.layoutChildren();
        if (moved) {
            // The skin's first layout puts the dividers where it likes, and a position set during a layout
            // waits for the next one, which nothing asked for: the map kept a width not its own until
            // something else changed (at the start, till it had been drawn once at the wrong width).
            Platform.runLater(this::requestLayout);
        }
    }

    /** Sets the dividers to the plan; whether any moved. */
    private boolean placeDividers() {
        double total = getWidth();
        boolean moved = false;
        if (total > 0 && !dragging) {
            Plan p = plan(total);
            int d = 0;
            if (p.left() && getItems().contains(left)) {
                moved |= place(getDividers().get(d++), p.leftWidth(), total);
            }
            if (p.right() && getItems().contains(right) && d < getDividers().size()) {
                moved |= place(getDividers().get(d), total - p.rightWidth(), total);
            }
        }
        return moved;
    }

    /** Moves the divider to {@code x} pixels from the left, unless it is there within the skin's rounding. */
    private static boolean place(Divider divider, double x, double total) {
        if (Math.abs(divider.getPosition() * total - x) < 2) {
            return false;
        }
        divider.setPosition(x / total);
        return true;
    }

    /** A divider the user drags changes the width that pane keeps from then on. */
    private void watchDividers() {
        for (Divider divider : getDividers()) {
            divider.positionProperty().addListener((o, a, p) -> {
                if (!dragging || getWidth() <= 0) {
                    return;
                }
                boolean isLeft = getItems().get(0) == left && divider == getDividers().get(0);
                if (isLeft) {
                    leftWidth = Math.max(left.minWidth(-1), p.doubleValue() * getWidth());
                } else {
                    rightWidth = Math.max(right.minWidth(-1), (1 - p.doubleValue()) * getWidth());
                }
                chosenMap = getWidth() - (getItems().contains(left) ? leftWidth : 0)
                        - (getItems().contains(right) ? rightWidth : 0);
            });
        }
    }
}
