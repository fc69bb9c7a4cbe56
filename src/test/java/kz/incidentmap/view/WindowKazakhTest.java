package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window in Kazakh, whose words are the longest: it still fits an 800-pixel window, as in English. */
@ExtendWith(ApplicationExtension.class)
class WindowKazakhTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ui = TestWindow.show(stage, temp, 1200, 760, Texts.of(UiLanguage.KK));
        window = ui.window();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    @Test
    void inAnEightHundredPixelWindowASidePaneFoldsAndNoButtonIsCut(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        assertEquals("Қабаттар", ((Labeled) window.lookup("#show-layers")).getText());
        robot.interact(() -> stage.setWidth(800));
        WaitForAsyncUtils.waitForFxEvents();
        Region top = (Region) window.getTop();
        assertTrue(top.minWidth(-1) <= 800, "the toolbars fit: " + top.minWidth(-1));
        assertFalse(window.panes().isOnScreen((Region) window.panes().getItems().get(0))
                && window.panes().getItems().size() == 3, "a side pane folds away at 800 pixels");
        assertTrue(window.canvas().getWidth() >= SidePanes.MIN_MAP_PX - 12, "map " + window.canvas().getWidth());
        for (String id : new String[] {"#export", "#show-layers", "#show-details", "#import-osm", "#language", "#measure"}) {
            Labeled b = (Labeled) window.lookup(id);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " shows its whole word: " + b.getWidth());
        }
    }
}
