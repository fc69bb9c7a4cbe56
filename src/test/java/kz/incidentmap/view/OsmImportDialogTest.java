package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.incidentmap.store.StreetLayerReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Import OpenStreetMap…" driven as a user would: a good file reaches the map, a bad one changes nothing. */
@ExtendWith(ApplicationExtension.class)
class OsmImportDialogTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Path store;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1100, 700);
        window = ui.window();
        store = ui.store();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private String importFile(FxRobot robot, String file, String box) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.viewModel().mapProperty().get() != null);
        robot.clickOn("#import-osm");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#osm-file").write(file);
        if (box != null) {
            robot.clickOn("#osm-bbox").write(box);
        }
        robot.clickOn("#osm-start");
        Label status = robot.lookup("#osm-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !status.textProperty().isBound()
                && !status.getText().startsWith("Choose"));
        return status.getText();
    }

    @Test
    void anImportedFileShowsUpOnTheMap(FxRobot robot) throws Exception {
        String status = importFile(robot, Path.of("src/test/resources/osm/small.osm").toAbsolutePath().toString(), null);
        assertTrue(status.contains("osm_roads 4"), status);
        assertEquals(4, StreetLayerReader.readAll(store).stream().filter(f -> f.layer().name().equals("ROADS")).count());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.viewModel().mapProperty().get().model().layer("osm-roads").isPresent());
    }

    @Test
    void aBrokenFileIsReportedAndNothingIsStored(FxRobot robot) throws Exception {
        byte[] before = Files.readAllBytes(store);
        String status = importFile(robot, Path.of("src/test/resources/osm/truncated.osm").toAbsolutePath().toString(),
                null);
        assertTrue(status.startsWith("Nothing was imported: "), status);
        assertTrue(status.contains("truncated.osm:"), status);
        assertArrayEquals(before, Files.readAllBytes(store));
        assertTrue(window.viewModel().mapProperty().get().model().layer("osm-roads").isEmpty());
    }

    @Test
    void aBadBoxIsExplainedBeforeAnythingStarts(FxRobot robot) throws Exception {
        String status = importFile(robot, Path.of("src/test/resources/osm/small.osm").toAbsolutePath().toString(),
                "71,42,abc,43");
        assertEquals("Only this box: 'abc' is not a number", status);
        assertTrue(StreetLayerReader.readAll(store).isEmpty());
    }

    @Test
    void boxParsing() {
        assertNull(OsmImportDialog.parseBox("  "));
        assertEquals(71.3, OsmImportDialog.parseBox("71.3,42.8,71.5,43.0").getMinX(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> OsmImportDialog.parseBox("71.5,42.8,71.3,43.0"));
    }
}
