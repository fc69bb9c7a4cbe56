package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.timeline.DateRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view saved from the window comes back: its area and its days, and it is in the store for the command line. */
@ExtendWith(ApplicationExtension.class)
class SavedViewsMenuTest {

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

    @Test
    void aSavedViewComesBackWithItsAreaAndDays(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        MapViewModel vm = ui.window().viewModel();
        Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
        DateRange autumn = new DateRange(LocalDate.parse("2011-09-01"), LocalDate.parse("2011-11-30"));
        robot.interact(() -> {
            Viewport vp = vm.viewportProperty().get();
            vm.viewportProperty().set(Viewport.atScale(taraz.x, taraz.y, 200_000, vp.width(), vp.height()));
            robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().set(autumn);
        });
        robot.clickOn("#views").clickOn("Save this view\u2026");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.clickOn(".dialog-pane .text-field").write("Taraz autumn 2011").type(KeyCode.ENTER);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"Saved the view 'Taraz autumn 2011'".equals(vm.messageProperty().get()) && System.nanoTime() < end) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        assertEquals("Saved the view 'Taraz autumn 2011'", vm.messageProperty().get());

        robot.interact(vm::home);
        robot.interact(() -> robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().set(null));
        assertTrue(vm.viewportProperty().get().scaleDenominator() > 1_000_000);
        robot.clickOn("#views");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Taraz autumn 2011").tryQuery().isPresent());
        robot.clickOn("Taraz autumn 2011");
        Viewport back = vm.viewportProperty().get();
        assertTrue(back.bounds().contains(taraz), "the view shows Taraz again: " + back.bounds());
        // Shown again at the scale it was saved at, not fitted to its box in degrees (which is larger).
        assertEquals(200_000, back.scaleDenominator(), 1);
        assertEquals(autumn, robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().get());

        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            SavedView v = s.view("taraz autumn 2011").orElseThrow();
            assertTrue(v.filter().contains("2011-09-01") && v.filter().contains("2011-11-30"), v.filter());
        }
    }
}
