package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The user's places in the window: marked by right-click, drawn with rings, in the details and the filter; the measure tool. */
@ExtendWith(ApplicationExtension.class)
class MyPlacesViewTest {

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

    private void toTaraz(FxRobot robot) {
        robot.clickOn("#search").write("Taraz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenOf(double lon, double lat) {
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        java.awt.geom.Point2D at = vp.toScreen(c.x, c.y);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        return new Point2D.Double(canvas.getMinX() + at.getX(), canvas.getMinY() + at.getY());
    }

    private List<MyPlace> stored() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            return s.myPlaces();
        }
    }

    @Test
    void aPlaceMarkedByRightClickIsStoredAndDrawnWithItsRings(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        toTaraz(robot);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.rightClickOn(canvas.getCenterX(), canvas.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Mark a place of mine here\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#my-place-name").write("where I lived");
        robot.interact(() -> robot.lookup("#my-place-rings").queryTextInputControl().setText("abc"));
        assertTrue(robot.lookup("#my-place-problem").queryAs(Label.class).getText().contains("'abc' is not a whole number"));
        robot.interact(() -> robot.lookup("#my-place-rings").queryTextInputControl().setText("1000,5000"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().size() == 1);
        MyPlace p = stored().get(0);
        assertEquals("where I lived", p.name());
        assertEquals(List.of(1000, 5000), p.rings());
        assertEquals(42.9, p.lat(), 0.05);
        assertEquals(71.37, p.lon(), 0.05);

        List<Polygon> rings = robot.lookup(".my-place-ring").queryAllAs(Polygon.class).stream().toList();
        assertEquals(2, rings.size());
        assertEquals(List.of(6.0, 4.0), rings.get(0).getStrokeDashArray(), "dashed");
        // The 5 km ring's points are 5 km from the place: on the screen, its radius in pixels.
        Viewport vp = window.viewModel().viewportProperty().get();
        double pixels = rings.get(1).getBoundsInLocal().getHeight() / 2;
        assertEquals(5000 / vp.metresPerPixel(), pixels, 5000 / vp.metresPerPixel() * 0.05);
        assertTrue(robot.lookup(".my-place-name").queryAllAs(Text.class).stream()
                .anyMatch(t -> t.getText().equals("where I lived")));
    }

    @Test
    void theDetailsSayHowFarAnIncidentWasFromEachPlace(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident taraz;
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            taraz = s.all().stream().filter(i -> Math.abs(i.lon() - 71.36667) < 0.01 && Math.abs(i.lat() - 42.9) < 0.01)
                    .findFirst().orElseThrow();
        }
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        calc.setStartingGeographicPoint(taraz.lon(), taraz.lat());
        calc.setDirection(0, 180);
        java.awt.geom.Point2D north = calc.getDestinationGeographicPoint();
        robot.interact(() -> {
            window.myPlaces().add(new MyPlace("where I lived", north.getX(), north.getY(), List.of(200), Instant.now()));
            window.myPlaces().add(new MyPlace("the office", 71.4304, 51.1283, List.of(), Instant.now()));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().size() == 2);
        toTaraz(robot);
        Point2D at = screenOf(taraz.lon(), taraz.lat());
        robot.clickOn(at.getX(), at.getY());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.viewModel().selectionProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> said = robot.lookup(".incident-my-place").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList();
        assertTrue(said.size() >= 2, said.toString());
        assertEquals("180 m from where I lived", said.get(0), "nearest first");
        assertTrue(said.get(1).matches("9\\d\\d\\.\\d km from the office"), said.get(1));
    }

    @Test
    void theFilterOffersThePlacesInItsWithinChoice(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.interact(() -> window.myPlaces().add(new MyPlace("where I lived", 71.37, 42.9, List.of(), Instant.now())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().size() == 1);
        MenuButton mine = robot.lookup("#filter-within-mine").queryAs(MenuButton.class);
        assertFalse(mine.isDisabled());
        assertEquals(List.of("where I lived"), mine.getItems().stream().map(i -> i.getText()).toList());
        robot.interact(() -> {
            robot.lookup("#filter-within-km").queryTextInputControl().setText("25");
            mine.getItems().get(0).fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().filter().area() != null);
        assertEquals("place:where I lived", robot.lookup("#filter-within-of").queryTextInputControl().getText());
        assertTrue(window.viewModel().filter().area().contains(71.37, 43.1));
        assertFalse(window.viewModel().filter().area().contains(71.37, 43.2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 7);
    }

    @Test
    void theMeasureToolGivesLengthThenAreaAndEscapeStops(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        toTaraz(robot);
        robot.clickOn("#measure");
        assertTrue(window.measure().onProperty().get());
        assertEquals(Texts.ENGLISH.text(MeasureTool.PROMPT), window.viewModel().messageProperty().get());
        // Two clicks on the map: a line, its length in the status bar; the clicks do not identify.
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getCenterX() - 100, canvas.getCenterY());
        robot.clickOn(canvas.getCenterX() + 100, canvas.getCenterY() + 50);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.measure().points().size());
        assertTrue(window.viewModel().selectionProperty().get().isEmpty(), "no identify while measuring");
        assertTrue(window.viewModel().messageProperty().get().startsWith("Measure: "), window.viewModel().messageProperty().get());

        // A known square, 0.01° on the equator: 1113.19 m by 1105.74 m.
        robot.interact(() -> {
            window.measure().stop();
            window.measure().onProperty().set(true);
            for (double[] c : new double[][] {{0, 0}, {0.01, 0}, {0.01, 0.01}, {0, 0.01}}) {
                window.measure().add(new Coordinate(c[0], c[1]));
            }
        });
        assertEquals("Measure: 3.3 km (4 points; double-click or Enter closes, Escape stops)",
                window.viewModel().messageProperty().get());
        robot.interact(() -> window.measure().close());
        assertTrue(window.measure().isClosed());
        assertEquals("Measure: area 1.2 km², perimeter 4.4 km (click to start again, Escape stops)",
                window.viewModel().messageProperty().get());
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.measure().onProperty().get());
        assertTrue(window.canvas().measureLayer().getChildren().isEmpty());
        assertFalse(robot.lookup("#measure").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void theListGoesToRenamesAndDeletesAPlace(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.interact(() -> {
            window.myPlaces().add(new MyPlace("flat", 71.40, 42.88, List.of(500), Instant.now()));
            window.myPlaces().add(new MyPlace("office", 76.95, 43.24, List.of(), Instant.now()));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().size() == 2);
        MyPlace flat = window.myPlaces().places().get(0);
        robot.interact(() -> MyPlacesManager.goTo(window.viewModel(), flat));
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate at = vp.projection().toMap(flat.lon(), flat.lat());
        assertTrue(vp.bounds().contains(at.x, at.y), "the place is in view");
        assertTrue(vp.bounds().getWidth() < 5_000 && vp.bounds().getWidth() > 1_000, "its 500 m ring fills the view: "
                + vp.bounds().getWidth());

        robot.interact(() -> window.myPlaces().rename(flat, "my friend's flat"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().get(0).name().equals("my friend's flat"));
        robot.interact(() -> window.myPlaces().rename(window.myPlaces().places().get(0), "Office"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().messageProperty().get().startsWith("Could not rename"));
        assertTrue(window.viewModel().messageProperty().get().contains("there is a place of that name already"),
                window.viewModel().messageProperty().get());
        robot.interact(() -> window.myPlaces().delete(window.myPlaces().places().get(1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.myPlaces().places().size() == 1);
        assertEquals(List.of("my friend's flat"), stored().stream().map(MyPlace::name).toList());
    }
}
