package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
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
 * The details pane as a user reads and acts on it: each incident of a stack can be edited and deleted
 * (the open one from the toolbar, any one from its own buttons), missing fields are left out instead of
 * "null", long titles wrap, the pane can be widened, and source addresses open in the browser.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsEntriesTest {

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

    private List<Incident> stored() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            return s.all();
        }
    }

    private void clickMap(FxRobot robot, double lon, double lat) {
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        Point2D at = vp.toScreen(c.x, c.y);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getMinX() + at.getX(), canvas.getMinY() + at.getY());
    }

    private static TitledPane entry(FxRobot robot, String title) {
        return robot.lookup(".incident-details").queryAllAs(TitledPane.class).stream()
                .filter(p -> p.getText().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
    }

    private static Hit hit(Incident i) {
        return new Hit(IncidentLayer.NAME, IncidentLayer.TITLE, i.id(), 0, Map.of(), i);
    }

    @Test
    void editAndDeleteActOnTheIncidentTheUserHasOpen(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#search").write("Taraz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        clickMap(robot, 71.36667, 42.9);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().selectionProperty().get().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        String hijacking = "Taraz: car hijacking and pursuit";
        TitledPane pane = entry(robot, hijacking);
        robot.interact(() -> pane.setExpanded(true));
        assertEquals(1, robot.lookup(".incident-details").queryAllAs(TitledPane.class).stream()
                .filter(TitledPane::isExpanded).count(), "one entry open at a time");
        robot.clickOn("#edit");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        assertEquals(hijacking, robot.lookup("#form-title").queryTextInputControl().getText(),
                "the toolbar's Edit… opens the incident that is open, not the first of the stack");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        String raid = "Taraz: raid on a weapons store";
        TitledPane raidPane = entry(robot, raid);
        robot.interact(() -> raidPane.setExpanded(true));
        Button delete = (Button) raidPane.getContent().lookup(".entry-delete");
        robot.clickOn(delete);
        DialogPane confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(confirm.getContentText().contains(raid), confirm.getContentText());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 15);
        List<String> titles = stored().stream().map(Incident::title).toList();
        assertFalse(titles.contains(raid), "the raid was deleted");
        assertTrue(titles.contains("Taraz: two surveillance officers killed"), "the first of the stack stays");
        assertTrue(titles.contains(hijacking));
    }

    private static Incident withSource(String title, Source source, Claim claim) {
        return new Incident("00000000-0000-4000-8000-000000000001", title, IncidentType.ARMED_ATTACK,
                LocalDate.of(2011, 11, 12), DatePrecision.DAY, "Taraz", "Zhambyl", 71.36667, 42.9,
                LocationPrecision.CITY, null, null, "What happened.", null, List.of(source), List.of(claim));
    }

    private static List<String> texts(FxRobot robot) {
        List<String> out = new java.util.ArrayList<>();
        robot.lookup(".incident-details").queryAllAs(TitledPane.class).forEach(p -> {
            out.add(p.getText());
            robot.from(p.getContent()).lookup(".label").queryAllAs(Label.class).forEach(l -> out.add(l.getText()));
        });
        return out;
    }

    @Test
    void aSourceWithoutPublisherIsNamedByItsTitleAndNothingSaysNull(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident i = withSource("Shooting", new Source("test", "Test source", null, null, null, "en"),
                new Claim("test", 1, 2, null, null));
        robot.interact(() -> window.viewModel().select(List.of(hit(i))));
        robot.interact(() -> robot.lookup(".source-claims").queryAs(TitledPane.class).setExpanded(true));
        List<String> shown = texts(robot);
        assertTrue(shown.stream().noneMatch(t -> t.contains("null")), shown.toString());
        assertTrue(shown.contains("\u2022 Test source"), shown.toString());
        assertTrue(shown.contains("Test source says: 1 killed, 2 wounded"), shown.toString());
    }

    @Test
    void aPlaceRenamedSinceIsGivenWithTheNameOfItsDay(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident astana = new Incident("00000000-0000-4000-8000-000000000002", "Shooting in the capital",
                IncidentType.ARMED_ATTACK, LocalDate.of(2020, 5, 1), DatePrecision.DAY, "Astana", "Astana city",
                71.43, 51.13, LocationPrecision.CITY, null, null, "What happened.", null, List.of(), List.of());
        robot.interact(() -> window.viewModel().select(List.of(hit(astana))));
        assertEquals(List.of("Called Nur-Sultan, Nur-Sultan city on 1 May 2020"),
                robot.lookup(".incident-name-of-its-day").queryAllAs(Label.class).stream().map(Label::getText).toList());
        Incident taraz = withSource("Shooting", new Source("s", "A report", "A paper", null, null, "en"),
                new Claim("s", 1, null, null, null));
        robot.interact(() -> window.viewModel().select(List.of(hit(taraz))));
        assertTrue(robot.lookup(".incident-name-of-its-day").queryAll().isEmpty(), "Taraz was Taraz in 2011");
    }

    @Test
    void aLongTitleWrapsAndIsRepeatedInFull(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        String title = "Taraz: attack on the National Security Committee office of the Zhambyl region on Tole Bi avenue";
        Incident i = withSource(title, new Source("s", "A report", "A paper", null, null, "en"),
                new Claim("s", 1, null, null, null));
        robot.interact(() -> window.viewModel().select(List.of(hit(i))));
        TitledPane pane = entry(robot, title);
        Label heading = (Label) pane.getGraphic();
        Text shown = (Text) heading.lookup(".text");
        assertEquals(title, shown.getText(), "the header is not cut short");
        assertTrue(heading.getHeight() > 2.5 * heading.getFont().getSize(), "it wraps: " + heading.getHeight());
        assertTrue(robot.from(pane.getContent()).lookup(".incident-title").queryAs(Label.class).getText().equals(title),
                "the open entry repeats the title");
        assertEquals(title, pane.getTooltip().getText());
    }

    @Test
    void theDetailsPaneCanBeWidenedAndKeepsItsWidthForTheNextStart(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        SidePanes panes = window.panes();
        double before = window.lookup("#details").getLayoutBounds().getWidth();
        Node divider = panes.lookupAll(".split-pane-divider").stream()
                .max(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getX())).orElseThrow();
        robot.drag(divider).moveBy(-150, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double wider = window.lookup("#details").getLayoutBounds().getWidth();
        assertEquals(before + 150, wider, 6);
        robot.interact(() -> window.remember());
        assertEquals(wider, ui.settings().number("pane.details.width").orElseThrow(), 6);
        robot.interact(() -> ui.reopen(ui.store()));
        ui.awaitLoaded();
        assertEquals(wider, ui.window().lookup("#details").getLayoutBounds().getWidth(), 6, "the next window too");
    }

    @Test
    void aSourceAddressIsALinkThatOpensInTheBrowser(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident i = withSource("Shooting", new Source("s", "A report", "A paper", "https://example.org/report?id=7",
                null, "en"), new Claim("s", 1, null, null, null));
        robot.interact(() -> window.viewModel().select(List.of(hit(i))));
        Hyperlink link = robot.lookup(".source-link").queryAs(Hyperlink.class);
        assertEquals("https://example.org/report?id=7", link.getText());
        robot.clickOn(link);
        assertEquals(List.of(URI.create("https://example.org/report?id=7")), ui.opened());
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertEquals(URI.create("http://example.org/a"), IncidentEntry.webAddress(" http://example.org/a "));
        assertEquals(null, IncidentEntry.webAddress("file:///etc/passwd"));
        assertEquals(null, IncidentEntry.webAddress("example.org"));
        assertEquals(null, IncidentEntry.webAddress(null));
    }
}
