package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.util.Set;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.timeline.DateRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A view saved from the window comes back: its area, its days and the rest of its filter (a type and an
 * area drawn on the map), and it is in the store for the command line.
 */
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
    void aSavedViewComesBackWithItsAreaDaysAndFilter(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        MapViewModel vm = ui.window().viewModel();
        Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
        DateRange autumn = new DateRange(LocalDate.parse("2011-09-01"), LocalDate.parse("2011-11-30"));
        robot.interact(() -> {
            Viewport vp = vm.viewportProperty().get();
            vm.viewportProperty().set(Viewport.atScale(taraz.x, taraz.y, 200_000, vp.width(), vp.height()));
            robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().set(autumn);
        });
        IncidentFilter chosen = IncidentFilter.builder().time(autumn.first(), autumn.last(), TimeMatch.OVERLAPS)
                .types(Set.of(IncidentType.ARMED_ATTACK, IncidentType.EXPLOSION))
                .area(Area.inside(new Envelope(70.5, 72.5, 42.5, 43.5))).build();
        robot.interact(() -> vm.setFilter(chosen, ui.workers()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains(" of 16 incidents"));
        int shownBefore = vm.incidentCount();
        robot.clickOn("#views").clickOn("Save this view\u2026");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.clickOn(".dialog-pane .text-field").write("Taraz autumn 2011").type(KeyCode.ENTER);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"Saved the view 'Taraz autumn 2011'".equals(vm.messageProperty().get()) && System.nanoTime() < end) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        assertEquals("Saved the view 'Taraz autumn 2011'", vm.messageProperty().get());

        robot.interact(vm::home);
        robot.interact(() -> vm.setFilter(IncidentFilter.ALL, ui.workers()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.incidentCount() == 16);
        assertEquals(null, robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().get());
        assertTrue(vm.viewportProperty().get().scaleDenominator() > 1_000_000);
        robot.clickOn("#views");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Taraz autumn 2011").tryQuery().isPresent());
        robot.clickOn("Taraz autumn 2011");
        Viewport back = vm.viewportProperty().get();
        assertTrue(back.bounds().contains(taraz), "the view shows Taraz again: " + back.bounds());
        // Shown again at the scale it was saved at, not fitted to its box in degrees (which is larger).
        assertEquals(200_000, back.scaleDenominator(), 1);
        assertEquals(autumn, robot.lookup("#timeline").queryAs(TimelinePane.class).rangeProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains(" of 16 incidents"));
        IncidentFilter restored = vm.filter();
        assertEquals(chosen.types(), restored.types(), "the view's types are the map's again");
        assertEquals(chosen.area().bounds(), restored.area().bounds(), "and so is its drawn area");
        assertEquals(shownBefore, vm.incidentCount());
        assertTrue(shownBefore > 0 && shownBefore < 16, shownBefore + " shown");

        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            SavedView v = s.view("taraz autumn 2011").orElseThrow();
            assertTrue(v.filter().contains("2011-09-01") && v.filter().contains("2011-11-30"), v.filter());
            assertTrue(v.filter().contains("--area") && v.filter().contains("POLYGON"), v.filter());
        }
    }
}
