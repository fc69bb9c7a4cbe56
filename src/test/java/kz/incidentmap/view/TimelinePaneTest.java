package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.timeline.DateRange;
import kz.incidentmap.timeline.IndexTimeline;
import kz.incidentmap.timeline.TimelineHistogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline under the map: its bars count the incidents, a drag marks days, and playback steps on. */
@ExtendWith(ApplicationExtension.class)
class TimelinePaneTest {

    @TempDir
    static Path temp;

    private TestWindow ui;

    @Start
    void start(Stage s) throws Exception {
        ui = TestWindow.show(s, temp, 1270, 780);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private TimelinePane timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelinePane.class);
    }

    private TimelineHistogram bars(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline(robot).chart().histogramProperty().get() != null);
        return timeline(robot).chart().histogramProperty().get();
    }

    private int datedIncidents() {
        IncidentFeatureSource s = ui.window().viewModel().mapProperty().get().model().layer(IncidentLayer.NAME)
                .flatMap(IncidentLayer::indexed).orElseThrow();
        int n = 0;
        for (int row = 0; row < s.index().size(); row++) {
            n += s.index().epochDay(row) == kz.incidentmap.layers.IncidentIndex.NO_DATE ? 0 : 1;
        }
        return n;
    }

    @Test
    void theBarsHoldEveryDatedIncident(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        TimelineHistogram h = bars(robot);
        assertTrue(datedIncidents() > 0);
        assertEquals(datedIncidents(), h.sum(), 1e-9);
    }

    @Test
    void aDragMarksDaysAndADoubleClickShowsAll(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        bars(robot);
        TimelineChart chart = timeline(robot).chart();
        Bounds b = chart.localToScreen(chart.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.3, y));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, y));
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.6, y));
        robot.release(MouseButton.PRIMARY);
        DateRange marked = timeline(robot).rangeProperty().get();
        assertNotNull(marked, "a drag marks a range");
        LocalDate leftEdge = chart.scaleProperty().get().dayAt(b.getWidth() * 0.3);
        assertTrue(Math.abs(marked.first().toEpochDay() - leftEdge.toEpochDay()) <= 2 * chart.scaleProperty().get().daysPerPixel() + 1,
                "the range starts where the drag did: " + marked + " vs " + leftEdge);
        robot.doubleClickOn(chart, MouseButton.PRIMARY);
        assertNull(timeline(robot).rangeProperty().get(), "a double click shows all days");
    }

    @Test
    void stepsMoveTheRangeByAMonthAndPlaybackStopsAfterTheLastIncident(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        bars(robot);
        robot.clickOn(robot.from(timeline(robot)).lookup("\u25b6").queryButton()); // the playback bar of an event has one too
        DateRange first = timeline(robot).rangeProperty().get();
        assertNotNull(first);
        assertEquals(1, first.first().getDayOfMonth());
        assertEquals(first.first().plusMonths(1).minusDays(1), first.last(), "one month: " + first);
        robot.clickOn(robot.from(timeline(robot)).lookup("\u25b6").queryButton()); // the playback bar of an event has one too
        assertEquals(first.first().plusMonths(1), timeline(robot).rangeProperty().get().first());

        robot.interact(() -> timeline(robot).lookupAll(".combo-box").forEach(n -> {
            if (n instanceof javafx.scene.control.ComboBox<?> c && c.getValue() instanceof Integer) {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<Integer> speed = (javafx.scene.control.ComboBox<Integer>) c;
                speed.setValue(20);
            }
        }));
        Button play = robot.lookup("#timeline-play").queryButton();
        robot.clickOn(play);
        assertEquals("Pause", play.getText());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !timeline(robot).playing());
        assertEquals("Play", play.getText());
        LocalDate lastDay = IndexTimeline.extent(ui.window().viewModel().latestIncidents().index()).last();
        assertTrue(timeline(robot).rangeProperty().get().contains(lastDay),
                "playback ends on the step of the last day an incident may have happened: "
                        + timeline(robot).rangeProperty().get() + ", " + lastDay);
    }
}
