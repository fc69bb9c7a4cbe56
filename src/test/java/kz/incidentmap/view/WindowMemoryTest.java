package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The next start shows the view and the layers as the window was closed. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {

    @TempDir
    static Path temp;

    private TestWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1200, 760);
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private MapLayer layer(String name) {
        return ui.window().viewModel().mapProperty().get().model().layer(name).orElseThrow();
    }

    private List<String> order() {
        return ui.window().viewModel().mapProperty().get().model().layers().stream().map(MapLayer::name).toList();
    }

    @Test
    void theViewAndTheLayersComeBackAtTheNextStart(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#search").write("Taraz").type(KeyCode.ENTER);
        robot.clickOn("#layer-visible-cities");
        robot.interact(() -> robot.lookup("#layer-opacity-oblasts").queryAs(Slider.class).setValue(0.3));
        robot.clickOn("#layer-down-incidents");
        robot.clickOn("#incident-clusters");
        robot.interact(() -> robot.lookup("#incident-styling").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(IncidentStyling.BY_CASUALTIES));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> layer("incidents").style().featureTypeStyles().get(0)
                .rules().get(0).getDescription().getTitle().toString().equals("No casualties reported"));
        Viewport view = ui.window().viewModel().viewportProperty().get();
        List<String> order = order();
        robot.interact(() -> {
            ui.window().remember();
            ui.settings().save();
        });

        WindowSettings saved = WindowSettings.load(ui.settings().file());
        assertEquals(ui.settings().get("view.scale"), saved.get("view.scale"), "written to the file");
        robot.interact(() -> ui.reopen(ui.store()));
        ui.awaitLoaded();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> layer("incidents").style().featureTypeStyles().get(0)
                .rules().get(0).getDescription().getTitle().toString().equals("No casualties reported"));
        Viewport again = ui.window().viewModel().viewportProperty().get();
        assertEquals(view.centerX(), again.centerX(), 1e-6);
        assertEquals(view.centerY(), again.centerY(), 1e-6);
        assertEquals(view.scaleDenominator(), again.scaleDenominator(), 1e-6);
        assertFalse(layer("cities").visible());
        assertEquals(0.3, layer("oblasts").opacity(), 1e-9);
        assertEquals(order, order());
        assertEquals(LayerPresentation.FEATURES, layer("incidents").presentation());
    }
}
