package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.IncidentType;
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

/**
 * The filter panel drives the map: each control narrows the incidents shown to what the same filter
 * passes in the store, a bad value is named and changes nothing, the panel and the timeline follow each
 * other, and an area drawn on the map is the filter's area.
 */
@ExtendWith(ApplicationExtension.class)
class FilterPanelTest {

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

    /** How many stored incidents {@code f} passes, by the exact test over the records. */
    private int passing(IncidentFilter f) throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            return (int) s.all().stream().filter(f::test).count();
        }
    }

    private void await(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the map shows the filter the panel asked for, and returns how many incidents it holds. */
    private int shown(MapViewModel vm, IncidentFilter expected) throws Exception {
        await(() -> vm.filter().equals(expected) && vm.messageProperty().get().contains(" of 16 incidents")
                || expected.isEmpty() && vm.incidentCount() == 16);
        return vm.incidentCount();
    }

    private void openPanel(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        // Opened at once: while the title pane's opening animation runs, the panel's height is not yet its own.
        robot.interact(() -> {
            ui.window().filterPane().setAnimated(false);
            ui.window().filterPane().setExpanded(true);
        });
        await(() -> robot.lookup("#filter-type-armed_attack").queryLabeled().getText().matches("Armed attack \\(\\d+\\)"));
    }

    @Test
    void eachControlNarrowsTheMapToWhatTheStoreHolds(FxRobot robot) throws Exception {
        openPanel(robot);
        MapViewModel vm = ui.window().viewModel();
        IncidentFilter want = IncidentFilter.builder().types(Set.of(IncidentType.ARMED_ATTACK)).build();
        String label = robot.lookup("#filter-type-armed_attack").queryLabeled().getText();
        assertEquals("Armed attack (" + passing(want) + ")", label, "the count beside a type is the store's");

        press(robot, "#filter-type-armed_attack");
        assertEquals(passing(want), shown(vm, want));
        // The timeline counts what the other parts pass, whatever the days.
        IncidentFilter armed = want;
        await(() -> vm.timelineIncidents().isPresent() && vm.filter().equals(armed));
        assertEquals(passing(want), vm.timelineIncidents().orElseThrow().size());
        assertEquals(passing(want), robot.lookup("#timeline").queryAs(TimelinePane.class).incidentsProperty().get().size());

        typeInto(robot, "#filter-min-killed", "1");
        want = want.toBuilder().killed(1, null).build();
        int withKilled = shown(vm, want);
        assertEquals(passing(want), withKilled);
        assertTrue(withKilled > 0, "some armed attacks killed someone");

        // An import or an edit gives the map its incidents anew: the filter narrows them again.
        IncidentFilter kept = want;
        robot.interact(() -> vm.incidentsReplaced(vm.latestIncidents()));
        await(() -> vm.incidentCount() == withKilled && vm.filter().equals(kept));
        assertEquals(withKilled, vm.incidentCount());

        // A value that is no number is named under the panel and the map keeps its filter.
        typeInto(robot, "#filter-max-killed", "lots");
        robot.type(KeyCode.ENTER);
        Label error = robot.lookup("#filter-error").queryAs(Label.class);
        await(error::isVisible);
        assertTrue(error.getText().startsWith("Killed at most: 'lots'"), error.getText());
        assertEquals(want, vm.filter());
        typeInto(robot, "#filter-max-killed", "");
        robot.type(KeyCode.ENTER);
        await(() -> !error.isVisible());

        // A perpetrator picked from the store's values.
        ui.reveal(robot, robot.lookup("#filter-perpetrators").query());
        javafx.scene.control.ListCell<?> kariyev = robot.lookup("#filter-perpetrators .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "M. K. Kariyev (6)".equals(c.getText())).query();
        robot.clickOn(kariyev.getGraphic());
        IncidentFilter withPerpetrator = want.toBuilder().perpetrators(Set.of("M. K. Kariyev")).build();
        assertEquals(passing(withPerpetrator), shown(vm, withPerpetrator));

        // Text, in Cyrillic, after a pause in typing.
        press(robot, "#filter-clear");
        await(() -> vm.filter().isEmpty() && vm.incidentCount() == 16);
        typeInto(robot, "#filter-text", "Тараз");
        IncidentFilter byText = IncidentFilter.builder().text("Тараз").build();
        int taraz = shown(vm, byText);
        assertEquals(passing(byText), taraz);
        assertTrue(taraz > 0 && taraz < 16, taraz + " incidents mention Taraz");
    }

    @Test
    void aControlGivenTheKeyboardIsScrolledIntoSight(FxRobot robot) throws Exception {
        openPanel(robot);
        javafx.scene.control.ScrollPane left = (javafx.scene.control.ScrollPane) ui.window().panes().getItems().get(0);
        javafx.scene.Node polygon = robot.lookup("#filter-area-polygon").query();
        robot.interact(() -> left.setVvalue(0));
        assertFalse(shownIn(left, polygon), "the area's buttons start below the pane's edge");
        robot.interact(polygon::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownIn(left, polygon), "scrolled to the focused button");
        javafx.scene.Node clear = robot.lookup("#filter-clear").query();
        robot.interact(clear::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownIn(left, clear), "and back up: " + clear.localToScene(clear.getBoundsInLocal()));
    }

    /** Whether all of {@code node} lies within the visible part of {@code pane}. */
    private static boolean shownIn(javafx.scene.control.ScrollPane pane, javafx.scene.Node node) {
        Bounds view = pane.localToScene(pane.getLayoutBounds());
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
    }

    @Test
    void theDaysOnThePanelAndOnTheTimelineAreOne(FxRobot robot) throws Exception {
        openPanel(robot);
        MapViewModel vm = ui.window().viewModel();
        TimelinePane timeline = robot.lookup("#timeline").queryAs(TimelinePane.class);
        DateRange autumn = new DateRange(LocalDate.parse("2011-10-01"), LocalDate.parse("2011-11-30"));
        robot.interact(() -> timeline.rangeProperty().set(autumn));
        IncidentFilter days = IncidentFilter.builder().time(autumn.first(), autumn.last(), null).build();
        assertEquals(passing(days), shown(vm, days));
        assertEquals(autumn.first(), robot.lookup("#filter-from").queryAs(DatePicker.class).getValue());
        assertEquals(autumn.last(), robot.lookup("#filter-to").queryAs(DatePicker.class).getValue());

        // "Certainly inside" keeps the days on the timeline and narrows the map to dates wholly in them.
        press(robot, "#filter-inside");
        IncidentFilter inside = days.toBuilder().time(autumn.first(), autumn.last(),
                kz.incidentmap.filter.TimeMatch.INSIDE).build();
        assertEquals(passing(inside), shown(vm, inside));
        assertEquals(autumn, timeline.rangeProperty().get());

        // A day typed on the panel moves the timeline's marked range.
        robot.interact(() -> robot.lookup("#filter-from").queryAs(DatePicker.class).setValue(LocalDate.parse("2011-11-01")));
        await(() -> new DateRange(LocalDate.parse("2011-11-01"), autumn.last()).equals(timeline.rangeProperty().get()));
        // A day that is no date is named and changes nothing.
        DatePicker to = robot.lookup("#filter-to").queryAs(DatePicker.class);
        robot.interact(() -> {
            to.getEditor().requestFocus();
            to.getEditor().selectAll();
        });
        robot.write("2011-11-31").type(KeyCode.ENTER);
        Label error = robot.lookup("#filter-error").queryAs(Label.class);
        await(error::isVisible);
        assertTrue(error.getText().startsWith("To: '2011-11-31' is not a date"), error.getText());
        assertEquals(autumn.last(), vm.filter().to());
    }

    @Test
    void anAreaIsDrawnOnTheMapOrChosenByDistance(FxRobot robot) throws Exception {
        openPanel(robot);
        MapViewModel vm = ui.window().viewModel();
        MapCanvas canvas = ui.window().canvas();
        // A rectangle dragged around Taraz (and nothing else that holds incidents).
        Viewport vp = vm.viewportProperty().get();
        MapProjection projection = vp.projection();
        Coordinate sw = projection.toMap(70.0, 42.0);
        Coordinate ne = projection.toMap(73.0, 44.0);
        java.awt.geom.Point2D a = vp.toScreen(sw.x, sw.y);
        java.awt.geom.Point2D b = vp.toScreen(ne.x, ne.y);
        press(robot, "#filter-area-rectangle");
        assertTrue(vm.messageProperty().get().startsWith("Filter area: drag a rectangle"));
        robot.moveTo(screen(canvas, a.getX(), a.getY())).press(MouseButton.PRIMARY)
                .moveTo(screen(canvas, (a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2))
                .moveTo(screen(canvas, b.getX(), b.getY())).release(MouseButton.PRIMARY);
        await(() -> vm.filter().area() != null && vm.messageProperty().get().contains(" of 16 incidents"));
        assertEquals(vp, vm.viewportProperty().get(), "drawing did not pan the map");
        assertEquals("in the rectangle drawn", robot.lookup("#filter-area").queryAs(Label.class).getText());
        int inBox = vm.incidentCount();
        assertEquals(passing(vm.filter()), inBox);
        assertEquals(7, inBox, "the seven Taraz incidents of the record");
        assertFalse(robot.lookup(".filter-area").queryAll().isEmpty(), "the area stays outlined on the map");
        // A page exported now prints the filter and outlines the same area.
        kz.incidentmap.render.ExportRequest[] page = new kz.incidentmap.render.ExportRequest[1];
        robot.interact(() -> page[0] = ui.window().exportActions().dialog(vm.mapProperty().get(),
                vm.viewportProperty().get(), temp.resolve("page.png")).request());
        assertEquals("in the rectangle drawn · 7 of 16 incidents", page[0].filterLine());
        assertTrue(page[0].filterArea().covers(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new Coordinate(71.37, 42.9))));

        // A polygon: three corners clicked, Enter closes it. Clicks while drawing do not identify.
        Coordinate p1 = projection.toMap(50, 45);
        Coordinate p2 = projection.toMap(62, 45);
        Coordinate p3 = projection.toMap(56, 52);
        press(robot, "#filter-area-polygon");
        for (Coordinate c : List.of(p1, p2, p3)) {
            java.awt.geom.Point2D s = vp.toScreen(c.x, c.y);
            robot.moveTo(screen(canvas, s.getX(), s.getY())).clickOn(MouseButton.PRIMARY);
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // not a double click
        }
        assertTrue(vm.selectionProperty().get().isEmpty(), "no incident was identified while drawing");
        robot.type(KeyCode.ENTER);
        await(() -> "in the polygon drawn".equals(robot.lookup("#filter-area").queryAs(Label.class).getText())
                && vm.messageProperty().get().contains(" of 16 incidents"));
        assertEquals(passing(vm.filter()), vm.incidentCount());
        assertTrue(vm.filter().area().contains(56, 47) && !vm.filter().area().contains(71.37, 42.9));

        // Escape stops a drawing and the area stays as it was.
        IncidentFilter before = vm.filter();
        press(robot, "#filter-area-rectangle");
        robot.type(KeyCode.ESCAPE);
        assertEquals(before, vm.filter());

        // Within a distance of a place: an unknown one is named with what it may be.
        typeInto(robot, "#filter-within-km", "25");
        typeInto(robot, "#filter-within-of", "Tarazz");
        robot.type(KeyCode.ENTER);
        Label error = robot.lookup("#filter-error").queryAs(Label.class);
        await(error::isVisible);
        assertTrue(error.getText().contains("unknown city 'Tarazz'") && error.getText().contains("did you mean Taraz"), error.getText());
        // The panel's top may be scrolled away from the area's fields: the status bar says it too.
        assertEquals(Texts.ENGLISH.text(FilterPanel.ERROR_PREFIX) + error.getText(), vm.messageProperty().get());
        assertEquals(before, vm.filter());
        typeInto(robot, "#filter-within-of", "Taraz");
        robot.type(KeyCode.ENTER);
        await(() -> "within 25 km of Taraz".equals(robot.lookup("#filter-area").queryAs(Label.class).getText()));
        assertFalse(vm.messageProperty().get().startsWith(Texts.ENGLISH.text(FilterPanel.ERROR_PREFIX)), "the stale error is gone");
        await(() -> vm.messageProperty().get().contains(" of 16 incidents") && vm.filter().area() != before.area());
        assertEquals(passing(vm.filter()), vm.incidentCount());
        assertEquals(7, vm.incidentCount());

        press(robot, "#filter-area-clear");
        await(() -> vm.filter().isEmpty() && vm.incidentCount() == 16);
        assertTrue(robot.lookup(".filter-area").queryAll().isEmpty());
    }

    /**
     * The panel is taller than the test's screen, so its buttons and boxes are pressed as the keyboard
     * would press them (space on the focused control) rather than clicked where they may be scrolled out.
     */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).requestFocus());
        robot.type(KeyCode.SPACE);
    }

    /** Replaces the text of the field by typing, with the keyboard in it. */
    private static void typeInto(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField field = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    private static Point2D screen(MapCanvas canvas, double x, double y) {
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        return new Point2D(b.getMinX() + x, b.getMinY() + y);
    }
}
