package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.render.ScaleBar;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.AfterEach;
import kz.incidentmap.geo.MapProjection;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a desktop map has beside the map itself: a scale bar, a right-click menu, the view as an import's box. */
@ExtendWith(ApplicationExtension.class)
class MapExtrasTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1200, 760);
        window = ui.window();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private Viewport view() {
        return window.viewModel().viewportProperty().get();
    }

    private void toTaraz(FxRobot robot) {
        robot.clickOn("#search").write("Taraz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theScaleBarShowsARoundLengthForTheView(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        toTaraz(robot);
        ScaleBarView bar = window.scaleBar();
        assertTrue(bar.isVisible());
        double mpp = ScaleBar.groundMetresPerPixel(view());
        double length = ScaleBar.roundLength(ScaleBarView.MAX_WIDTH * mpp);
        assertEquals(ScaleBar.format(length), bar.text());
        assertEquals(length / mpp, bar.barWidth(), 0.5);
        assertTrue(bar.barWidth() > ScaleBarView.MAX_WIDTH / 2.6 && bar.barWidth() <= ScaleBarView.MAX_WIDTH);
        String before = bar.text();
        robot.interact(() -> window.canvas().zoomBy(4));
        assertFalse(before.equals(bar.text()), "the bar follows the zoom: " + before + " then " + bar.text());
    }

    @Test
    void rightClickOffersCoordinatesZoomAddAndWhatIsHere(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        toTaraz(robot);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.rightClickOn(canvas.getCenterX(), canvas.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.menu().menu().isShowing());
        assertEquals(5, window.menu().menu().getItems().size());
        robot.clickOn(window.menu().menu().getItems().get(2).getText());
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        String[] latLon = copied.split(", ");
        assertEquals(42.9, Double.parseDouble(latLon[0]), 0.05, copied);
        assertEquals(71.37, Double.parseDouble(latLon[1]), 0.05, copied);

        double scale = view().scaleDenominator();
        robot.rightClickOn(canvas.getCenterX(), canvas.getCenterY());
        robot.clickOn("Zoom in here");
        assertEquals(scale / 2, view().scaleDenominator(), 1);

        robot.rightClickOn(canvas.getCenterX(), canvas.getCenterY());
        robot.clickOn("Add an incident here\u2026");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-lat").tryQuery().isPresent());
        assertEquals(42.9, Double.parseDouble(robot.lookup("#form-lat").queryTextInputControl().getText()), 0.05);
        robot.type(KeyCode.ESCAPE);

        robot.rightClickOn(canvas.getCenterX(), canvas.getCenterY());
        robot.clickOn("What is here?");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.viewModel().selectionProperty().get().isEmpty());
    }

    @Test
    void importOpenStreetMapOffersTheViewAsItsBox(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.edits().store().isPresent());
        toTaraz(robot);
        robot.clickOn("#import-osm");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#osm-use-view");
        Envelope box = OsmImportDialog.parseBox(robot.lookup("#osm-bbox").queryTextInputControl().getText());
        assertTrue(box.contains(71.36667, 42.9), box.toString());
        assertTrue(box.getWidth() < 1, "the box of the view, not of the country: " + box);
        robot.clickOn("Close");
    }

    @Test
    void theLegendShowsTheLayersOnScreenAndFolds(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        LegendPane legend = window.legend();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> legend.image().getImage() != null);
        double tall = legend.image().getImage().getHeight();
        double row = 17 * LegendPane.SCALE; // a legend row on the page is 17 points high
        double rows = (tall - 28 * LegendPane.SCALE) / row;
        assertTrue(rows >= 10, "every incident type, clusters, cities, oblasts, countries: " + rows);
        // The side pane reaches below the test's 760-pixel window: scrolled first, as the user would.
        ui.reveal(robot, robot.lookup("#layer-visible-cities").query());
        robot.clickOn("#layer-visible-cities");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Math.abs(legend.image().getImage().getHeight() - (tall - row)) <= 1);
        ui.reveal(robot, legend.lookup(".title"));
        robot.clickOn(legend.lookup(".title"));
        assertFalse(legend.isExpanded(), "folded away on a click");
    }

    @Test
    void theLegendListsOnlyTheIncidentClassesInView(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        LegendPane legend = window.legend();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> legend.image().getImage() != null);
        double country = legend.image().getImage().getHeight();
        // Atyrau at 1:500,000: the explosion of 31 October 2011 is the one incident in view.
        Coordinate atyrau = MapProjection.kazakhstan().toMap(51.92, 47.1);
        robot.interact(() -> {
            Viewport vp = window.viewModel().viewportProperty().get();
            window.viewModel().viewportProperty().set(Viewport.atScale(atyrau.x, atyrau.y, 500_000, vp.width(), vp.height()));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> legend.image().getImage().getHeight() < country - 1);
        double row = 17 * LegendPane.SCALE;
        assertTrue(Math.round((country - legend.image().getImage().getHeight()) / row) >= 2,
                "at least two classes of the country view are not in this one: " + country + " "
                        + legend.image().getImage().getHeight());
    }
}
