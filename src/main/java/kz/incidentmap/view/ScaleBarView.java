package kz.incidentmap.view;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.render.ScaleBar;
import kz.incidentmap.render.Viewport;

/**
 * The scale bar over the map's lower left corner: a round length (1, 2 or 5 × 10ⁿ m or km) measured on
 * the ellipsoid across the middle of the view, the same length the exported page's bar shows for the
 * same view. It follows the view as it changes. JavaFX thread only.
 */
final class ScaleBarView extends VBox {

    /** The longest the bar may be, in pixels. */
    static final double MAX_WIDTH = 140;

    private final Label label = new Label();
    private final Texts texts;
    private final Rectangle dark = new Rectangle(0, 6, Color.web("#404040"));
    private final Rectangle light = new Rectangle(0, 6, Color.WHITE);

    ScaleBarView(ObservableValue<Viewport> viewport) {
        this(viewport, Texts.ENGLISH);
    }

    ScaleBarView(ObservableValue<Viewport> viewport, Texts texts) {
        this.texts = texts;
        setId("scale-bar");
        setAccessibleText(texts.text("scaleBar.name"));
        setMouseTransparent(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setAlignment(Pos.BOTTOM_LEFT);
        setStyle("-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 2 6 4 6; -fx-background-radius: 2;");
        label.setId("scale-bar-label");
        label.setStyle("-fx-font-size: 11px; -fx-text-fill: #202020;");
        for (Rectangle r : new Rectangle[] {dark, light}) {
            r.setStroke(Color.web("#404040"));
            r.setStrokeWidth(0.8);
        }
        HBox bar = new HBox(0, dark, light);
        getChildren().addAll(label, new Pane(bar));
        viewport.addListener((o, a, vp) -> update(vp));
        update(viewport.getValue());
    }

    private void update(Viewport vp) {
        if (vp == null) {
            setVisible(false);
            return;
        }
        double mpp = ScaleBar.groundMetresPerPixel(vp);
        double length = ScaleBar.roundLength(MAX_WIDTH * mpp);
        double px = length / mpp;
        dark.setWidth(px / 2);
        light.setWidth(px / 2);
        label.setText(ScaleBar.format(length, texts));
        setVisible(Double.isFinite(px) && px > 0);
    }

    /** What the bar says, e.g. "5 km". */
    String text() {
        return label.getText();
    }

    /** The bar's length in pixels. */
    double barWidth() {
        return dark.getWidth() + light.getWidth();
    }
}
