package kz.incidentmap.view;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.LayerTitles;
import kz.incidentmap.render.LegendSwatch;
import kz.incidentmap.render.Viewport;

/**
 * The legend in the window, under the layers panel, folded away on a click: the symbols of the layers
 * shown (incident types, or the casualty or date classes, clusters, cities, streets; of the incident
 * classes only those drawn in the view, as on an exported page), drawn on a worker
 * thread by the code that draws the exported page's legend once the map is on screen, and drawn again
 * when the layers change.
 * JavaFX thread only.
 */
final class LegendPane extends TitledPane {

    static final int WIDTH = 230;
    /** The page legend's text is 8 points: drawn this much larger, it reads like the window's own text. */
    static final double SCALE = 1.4;

    private final ImageView image = new ImageView();
    private final Workers workers;
    private final ObservableBooleanValue mapShown;
    private long ticket;
    private final ObservableValue<Viewport> viewport;
    private final Texts texts;
    private final PauseTransition settled = new PauseTransition(Duration.millis(250));

    /**
     * {@code mapShown} turns true when the map's first frame is on screen: the legend is drawn only then,
     * since drawing it beside the first frame on a small machine held that frame back by half a second.
     */
    LegendPane(MapViewModel vm, Workers workers, ObservableBooleanValue mapShown) {
        this.workers = workers;
        this.texts = vm.texts();
        this.mapShown = mapShown;
        setText(texts.text("legend.title"));
        setId("legend");
        setAccessibleText(texts.text("legend.name"));
        image.setId("legend-image");
        // In a narrow panel the legend is drawn smaller rather than pushing the panel's buttons out of view.
        image.setPreserveRatio(true);
        image.fitWidthProperty().bind(Bindings.min(WIDTH, widthProperty().subtract(24)));
        StackPane box = new StackPane(image);
        box.setMinWidth(0);
        setMinWidth(0);
        box.setStyle("-fx-background-color: white;");
        setContent(box);
        this.viewport = vm.viewportProperty();
        vm.mapProperty().addListener((o, a, m) -> draw(m));
        mapShown.addListener((o, was, now) -> {
            if (now) {
                draw(vm.mapProperty().get());
            }
        });
        // The classes drawn change as the view moves: drawn again once it rests for a moment.
        settled.setOnFinished(e -> draw(vm.mapProperty().get()));
        viewport.addListener((o, a, b) -> settled.playFromStart());
        draw(vm.mapProperty().get());
    }

    /** The legend as it is drawn now (null before the first). */
    ImageView image() {
        return image;
    }

    private void draw(LoadedMap m) {
        if (m == null || !mapShown.get()) {
            return;
        }
        List<MapLayer> visible = m.model().visibleLayers();
        Viewport vp = viewport.getValue();
        long mine = ++ticket;
        workers.run(() -> LegendSwatch.legend(visible, vp, WIDTH, SCALE, texts), img -> {
            if (mine == ticket) {
                image.setImage(AwtImages.toFx(img));
                image.setAccessibleText(texts.format("legend.image",
                        visible.stream().map(l -> LayerTitles.of(l, texts)).toList()));
            }
        }, e -> image.setImage(null));
    }
}
