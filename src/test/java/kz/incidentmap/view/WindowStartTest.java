package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window whose map gets another size before the user has touched it still shows all of Kazakhstan:
 * an X server gives a window its final size only after it is shown, and the map fitted to the first
 * size had the country cut off at the side. Once the user has moved the view, a new size keeps it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStartTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        ui = TestWindow.show(s, temp, 1270, 780);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private Viewport view() {
        return ui.window().viewModel().viewportProperty().get();
    }

    private Envelope home() {
        return ui.window().viewModel().mapProperty().get().home();
    }

    @Test
    void theCountryStaysWholeUntilTheUserMovesTheView(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((int) ui.window().canvas().getWidth(), view().width(), "the view has the map's new size");
        assertTrue(view().bounds().contains(home()), "all of Kazakhstan is in view: " + view().bounds() + " " + home());

        robot.interact(() -> ui.window().canvas().requestFocus());
        robot.type(KeyCode.RIGHT);
        Viewport moved = view();
        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(moved.centerX(), view().centerX(), 1e-6, "a view the user moved keeps its centre");
        assertEquals(moved.metresPerPixel(), view().metresPerPixel(), 1e-9, "and its scale");
    }
}
