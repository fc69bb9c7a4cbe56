package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import kz.incidentmap.layers.AdminLayers;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.BoundaryChoice;
import kz.incidentmap.layers.MapModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The boundary choice in the layer list: off with its reason, then on after an import, and applied. */
@ExtendWith(ApplicationExtension.class)
class BoundaryPickerTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1100, 700);
        window = ui.window();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private MapModel model() {
        return window.viewModel().mapProperty().get().model();
    }

    @Test
    void theChoiceIsOffUntilAnImportBringsBoundariesThenSwapsThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.viewModel().mapProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        RadioButton imported = robot.lookup("#boundaries-imported").queryAs(RadioButton.class);
        RadioButton shipped = robot.lookup("#boundaries-shipped").queryAs(RadioButton.class);
        assertTrue(imported.isDisabled());
        assertTrue(shipped.isSelected());
        assertEquals("No boundaries imported: import an OpenStreetMap extract that has them (admin levels 4 and 6)",
                DisabledReason.of(imported.getParent()).getText());

        robot.clickOn("#import-osm");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#osm-file").write(Path.of("src/test/resources/osm/admin-boundaries.osm").toAbsolutePath().toString());
        robot.clickOn("#osm-start");
        Label status = robot.lookup("#osm-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !status.textProperty().isBound()
                && !status.getText().startsWith("Choose"));
        assertTrue(status.getText().contains("boundaries: oblasts 2, districts 2"), status.getText());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model().layer(AdminLayers.OBLASTS_LAYER).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(imported.isDisabled());
        assertTrue(imported.getText().startsWith("From OpenStreetMap, extract of "), imported.getText());
        assertTrue(imported.getText().contains("2026"), imported.getText());
        assertEquals(BoundaryChoice.SHIPPED, BoundaryChoice.of(model()), "an import does not change what is drawn");
        assertEquals("Testgrad", window.viewModel().mapProperty().get().gazetteer().find("Тестград").orElseThrow()
                .name(), "the search knows the imported places at once");

        // The dialog may still be open over the layer list: close it before using the list.
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(imported::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BoundaryChoice.IMPORTED, BoundaryChoice.of(model()));
        assertFalse(model().layer(BasemapLayers.OBLASTS).orElseThrow().visible());
        assertTrue(model().layer(AdminLayers.DISTRICTS_LAYER).orElseThrow().visible());
        robot.interact(shipped::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BoundaryChoice.SHIPPED, BoundaryChoice.of(model()));
        assertTrue(model().layer(BasemapLayers.OBLASTS).orElseThrow().visible());
    }
}
