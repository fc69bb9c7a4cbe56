package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.EventRoutePainter;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Taraz attack played in the window: the details of its weapons store raid say which step it is and
 * play the event from there; next and previous step through it, the map drawing the route up to the
 * step with the step's circle highlighted; stopping takes the route away.
 */
@ExtendWith(ApplicationExtension.class)
class EventPlaybackTest {

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

    private Point2D screenOf(double lon, double lat) {
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        java.awt.geom.Point2D at = vp.toScreen(c.x, c.y);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        return new Point2D.Double(canvas.getMinX() + at.getX(), canvas.getMinY() + at.getY());
    }

    private String step(FxRobot robot) {
        return robot.lookup("#event-step").queryAs(Label.class).getText();
    }

    /** The colour the route's image has at the centre of circle {@code k} (1-based), a little left of its number. */
    private Color circleColour(FxRobot robot, int k) {
        EventRoute route = window.events().routeProperty().get();
        Viewport vp = window.viewModel().viewportProperty().get();
        java.awt.geom.Point2D c = EventRoutePainter.circles(vp, route).get(k - 1);
        Image img = robot.lookup("#map-event-route").queryAs(ImageView.class).getImage();
        return img.getPixelReader().getColor((int) c.getX() - 7, (int) c.getY());
    }

    @Test
    void theTarazAttackIsPlayedStepByStep(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.events().events().isEmpty());
        robot.interact(() -> {
            Viewport vp = window.viewModel().viewportProperty().get();
            Coordinate c = MapProjection.kazakhstan().toMap(71.3667, 42.899);
            window.viewModel().viewportProperty().set(Viewport.atScale(c.x, c.y, 10_000, vp.width(), vp.height()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D store = screenOf(71.3645, 42.89837);
        robot.clickOn(store.getX(), store.getY());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.viewModel().selectionProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> said = robot.lookup(".incident-event-step").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(List.of("Step 2 of 5 of the Taraz attack of 12 November 2011"), said);
        assertFalse(robot.lookup("#event-playback").query().isVisible(), "no playback before asked");

        robot.clickOn(robot.lookup(".entry-play-event").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#event-playback").query().isVisible());
        assertEquals(2, window.events().routeProperty().get().step());
        assertTrue(step(robot).startsWith("Step 2 of 5 of Taraz attack of 12 November 2011: Taraz: raid on a weapons store"),
                step(robot));
        assertTrue(circleColour(robot, 2).getRed() > 0.95 && circleColour(robot, 2).getGreen() > 0.45, "step 2 highlighted");
        assertTrue(circleColour(robot, 1).getRed() > 0.45 && circleColour(robot, 1).getGreen() < 0.2, "step 1 drawn");

        robot.clickOn("#event-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(step(robot).startsWith("Step 3 of 5 of Taraz attack of 12 November 2011: Taraz: car hijacking and pursuit"),
                step(robot));
        assertTrue(circleColour(robot, 3).getGreen() > 0.45, "step 3 highlighted");
        assertTrue(circleColour(robot, 2).getGreen() < 0.2, "step 2 drawn as passed");
        robot.clickOn("#event-next");
        robot.clickOn("#event-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, window.events().routeProperty().get().step());
        assertTrue(robot.lookup("#event-next").queryAs(Button.class).isDisabled(), "no step after the last");
        assertTrue(step(robot).contains("blast by the central food market"), step(robot));
        for (int k = 0; k < 4; k++) {
            robot.interact(() -> window.events().previous());
        }
        assertEquals(1, window.events().routeProperty().get().step());
        assertTrue(robot.lookup("#event-previous").queryAs(Button.class).isDisabled());

        robot.clickOn("#event-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.events().routeProperty().get());
        assertNull(robot.lookup("#map-event-route").queryAs(ImageView.class).getImage(), "no route drawn");
        assertFalse(robot.lookup("#event-playback").query().isVisible());
    }
}
