package kz.incidentmap.view;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.LegendSwatch;

/**
 * The legend in the window, under the layers panel, folded away on a click: the symbols of the layers
 * shown (incident types, or the casualty or date classes, clusters, cities, streets), drawn on a worker
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

    /**
     * {@code mapShown} turns true when the map's first frame is on screen: the legend is drawn only then,
     * since drawing it beside the first frame on a small machine held that frame back by half a second.
     */
    LegendPane(MapViewModel vm, Workers workers, ObservableBooleanValue mapShown) {
        this.workers = workers;
        this.mapShown = mapShown;
        setText("Legend");
        setId("legend");
        setAccessibleText("Legend of the map");
        image.setId("legend-image");
        // In a narrow panel the legend is drawn smaller rather than pushing the panel's buttons out of view.
        image.setPreserveRatio(true);
        image.fitWidthProperty().bind(Bindings.min(WIDTH, widthProperty().subtract(24)));
        StackPane box = new StackPane(image);
        box.setMinWidth(0);
        setMinWidth(0);
        box.setStyle("-fx-background-color: white;");
        setContent(box);
        vm.mapProperty().addListener((o, a, m) -> draw(m));
        mapShown.addListener((o, was, now) -> {
            if (now) {
                draw(vm.mapProperty().get());
            }
        });
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
        long mine = ++ticket;
        workers.run(() -> LegendSwatch.legend(visible, WIDTH, SCALE), img -> {
            if (mine == ticket) {
                image.setImage(AwtImages.toFx(img));
                image.setAccessibleText("Legend: " + visible.stream().map(MapLayer::title).toList());
            }
        }, e -> image.setImage(null));
    }
}
