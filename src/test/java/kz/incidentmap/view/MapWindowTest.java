package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven as a user would, headless (Monocle): search, click a marker, export. */
@ExtendWith(ApplicationExtension.class)
class MapWindowTest {

    @TempDir
    static Path temp;

    private MapWindow window;
    private Workers workers;

    @Start
    void start(Stage stage) throws Exception {
        Path store = temp.resolve("ui-" + System.nanoTime() + ".gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        workers = new Workers();
        window = new MapWindow(workers);
        stage.setScene(new Scene(window, 1100, 700));
        stage.show();
        window.attach(workers.supply(() -> MapApplication.load(Path.of("maps"), store, null, null)));
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.viewModel().mapProperty().get() != null);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.canvas().currentFrame() != null);
    }

    @Test
    void searchingTarazZoomsThereInAnyScript(FxRobot robot) throws Exception {
        awaitLoaded();
        for (String name : new String[] {"Taraz", "\u0442\u0430\u0440\u0430\u0437", "TARAZ"}) {
            robot.clickOn("#home");
            robot.clickOn("#search").eraseText(20).write(name).type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            Viewport vp = window.viewModel().viewportProperty().get();
            Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
            assertEquals(50_000, vp.scaleDenominator(), 1, name);
            assertEquals(taraz.x, vp.centerX(), 1, name);
            assertEquals(taraz.y, vp.centerY(), 1, name);
            assertEquals("", robot.lookup("#search-error").queryAs(Label.class).getText());
        }
    }

    @Test
    void anUnknownCityIsSaidAndTheViewStays(FxRobot robot) throws Exception {
        awaitLoaded();
        Viewport before = window.viewModel().viewportProperty().get();
        robot.clickOn("#search").write("Atlantis").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#search-error").queryAs(Label.class).getText().contains("Unknown city 'Atlantis'"));
        assertEquals(before, window.viewModel().viewportProperty().get());
    }

    @Test
    void clickingAMarkerShowsTheIncidentAndEmptyMapClearsIt(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("Taraz").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate market = MapProjection.kazakhstan().toMap(71.3670, 42.8970);
        Point2D at = vp.toScreen(market.x, market.y);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getMinX() + at.getX(), canvas.getMinY() + at.getY());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.viewModel().selectionProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane first = robot.lookup(".incident-details").queryAs(TitledPane.class);
        assertTrue(first.getText().toLowerCase().contains("blast"), first.getText());
        assertTrue(robot.lookup(".incident-details .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Sources")), "the sources are shown");

        robot.clickOn(canvas.getMinX() + 40, canvas.getMinY() + 40);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#details-hint").tryQuery().isPresent());
        assertTrue(robot.lookup(".incident-details").queryAll().isEmpty());
    }

    @Test
    void exportWritesThePngAtTheRequestedSize(FxRobot robot) throws Exception {
        awaitLoaded();
        Path out = temp.resolve("export-" + System.nanoTime() + ".png");
        robot.interact(() -> window.export(new ExportDialog.Request(out, 900, 600, "Test export")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.viewModel().messageProperty().get().startsWith("Exported"));
    }

    @Test
    void exportToAMissingFolderSaysSoAndWritesNothing(FxRobot robot) throws Exception {
        awaitLoaded();
        Path out = temp.resolve("no-such-folder").resolve("x.png");
        robot.interact(() -> window.export(new ExportDialog.Request(out, 900, 600, "Test export")));
        assertTrue(window.viewModel().messageProperty().get().contains("does not exist"));
        assertFalse(Files.exists(out));
    }
}
