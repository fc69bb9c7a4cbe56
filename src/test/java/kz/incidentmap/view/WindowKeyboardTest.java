package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window from the keyboard, with a screen reader, and in a small window: the map and the details
 * are in the Tab order, arrows pan, + − 0 zoom, Ctrl+F searches, Escape clears; every control has an
 * accessible name; Add on map is a mode one can see and leave.
 */
@ExtendWith(ApplicationExtension.class)
class WindowKeyboardTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
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

    private Node focused() {
        return window.getScene().getFocusOwner();
    }

    @Test
    void tabReachesTheMapAndTheDetailsAndTheMapAnswersItsKeys(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#search");
        List<Node> reached = new ArrayList<>();
        for (int i = 0; i < 120 && !(reached.contains(window.canvas()) && reached.stream().anyMatch(this::inDetails)); i++) {
            robot.type(KeyCode.TAB);
            reached.add(focused());
        }
        assertTrue(reached.contains(window.canvas()), "the map takes the focus: " + reached);
        assertTrue(reached.stream().anyMatch(this::inDetails), "the details pane is reachable");

        robot.interact(() -> window.canvas().requestFocus());
        Viewport before = view();
        robot.type(KeyCode.RIGHT);
        assertTrue(view().centerX() > before.centerX(), "the right arrow pans east");
        assertEquals(before.centerY(), view().centerY(), 1e-6);
        assertEquals(window.canvas(), focused(), "an arrow does not move the focus away from the map");
        robot.type(KeyCode.UP);
        assertTrue(view().centerY() > before.centerY(), "the up arrow pans north");
        robot.type(KeyCode.PLUS);
        assertEquals(before.scaleDenominator() / 2, view().scaleDenominator(), 1);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertEquals(before.scaleDenominator() * 2, view().scaleDenominator(), 1);
        robot.type(KeyCode.DIGIT0);
        assertEquals(before.centerX(), view().centerX(), 1, "0 shows all of Kazakhstan");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertEquals("search", focused().getId(), "Ctrl+F goes to the search field");
    }

    private boolean inDetails(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if ("details".equals(at.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void escapeClearsTheSelection(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident first;
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            first = s.all().get(0);
        }
        robot.interact(() -> window.viewModel().select(List.of(new Hit(IncidentLayer.NAME, IncidentLayer.TITLE,
                first.id(), 0, Map.of(), first))));
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertTrue(window.viewModel().selectionProperty().get().isEmpty());
        assertTrue(robot.lookup("#details-hint").tryQuery().isPresent());
    }

    /** A control's name as a screen reader hears it: its own accessible text, its label, or a label pointing at it. */
    private static boolean named(Control c, List<Label> labels) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return true;
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return true;
        }
        return labels.stream().anyMatch(l -> l.getLabelFor() == c);
    }

    /** The controls the window puts on screen, and in the content they hold (not the parts of their skins). */
    private static void controls(Node n, List<Control> out) {
        if (n instanceof Control c) {
            out.add(c);
            if (c instanceof ScrollPane sp && sp.getContent() != null) {
                controls(sp.getContent(), out);
            } else if (c instanceof TitledPane tp) {
                if (tp.getContent() != null) {
                    controls(tp.getContent(), out);
                }
                if (tp.getGraphic() != null) {
                    controls(tp.getGraphic(), out);
                }
            } else if (c instanceof SplitPane sp) {
                sp.getItems().forEach(i -> controls(i, out));
            } else if (c instanceof Accordion a) {
                a.getPanes().forEach(p -> controls(p, out));
            } else if (c instanceof TabPane tp) {
                tp.getTabs().forEach(t -> controls(t.getContent(), out));
            }
            return;
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> controls(child, out));
        }
    }

    @Test
    void everyControlHasAnAccessibleName(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident first;
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            first = s.all().get(0);
        }
        robot.interact(() -> window.viewModel().select(List.of(new Hit(IncidentLayer.NAME, IncidentLayer.TITLE,
                first.id(), 0, Map.of(), first))));
        List<Control> all = new ArrayList<>();
        controls(window, all);
        List<Label> labels = all.stream().filter(c -> c instanceof Label).map(c -> (Label) c).toList();
        List<String> unnamed = all.stream().filter(c -> !named(c, labels))
                .map(c -> c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId())).toList();
        assertTrue(all.size() > 40, "the walk finds the window's controls: " + all.size());
        assertTrue(unnamed.isEmpty(), "controls without an accessible name: " + unnamed);
    }

    @Test
    void aSmallWindowKeepsTheMapWideAndResizingKeepsTheCentreAndScale(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#search").write("Taraz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        double width = window.getScene().getWidth();
        // Half the window, but for the two dividers beside the map.
        assertTrue(window.canvas().getWidth() >= 0.5 * width - 12,
                "the map keeps most of a 1024-pixel window: " + window.canvas().getWidth());
        Viewport before = view();
        robot.interact(() -> stage.setWidth(1500));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.setWidth(800));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.panes().isOnScreen((javafx.scene.layout.Region) window.panes().getItems().get(0))
                && window.panes().getItems().size() == 3, "a side pane folds away at 800 pixels");
        assertTrue(window.canvas().getWidth() >= SidePanes.MIN_MAP_PX - 12, "map " + window.canvas().getWidth());
        assertEquals(before.centerX(), view().centerX(), 1e-6, "the centre stays");
        assertEquals(before.centerY(), view().centerY(), 1e-6);
        assertEquals(before.scaleDenominator(), view().scaleDenominator(), 1e-6, "so does the scale");
    }

    @Test
    void addOnMapIsAModeOneSeesAndLeavesWithEscape(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#add-on-map");
        assertTrue(robot.lookup("#add-on-map").queryAs(ToggleButton.class).isSelected(), "the button stays pressed");
        assertEquals(Cursor.CROSSHAIR, window.canvas().getCursor());
        assertEquals(Texts.ENGLISH.text(AddOnMapMode.PROMPT), window.viewModel().messageProperty().get());
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.RIGHT);
        assertEquals(Texts.ENGLISH.text(AddOnMapMode.PROMPT), window.viewModel().messageProperty().get(), "the prompt stays while panning");
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#add-on-map").queryAs(ToggleButton.class).isSelected());
        assertEquals(Cursor.DEFAULT, window.canvas().getCursor());
        assertEquals("", window.viewModel().messageProperty().get());
    }

    @Test
    void messagesGoWhenWhatTheyWereAboutHasChanged(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#search").write("Atlantis").type(KeyCode.ENTER);
        assertFalse(robot.lookup("#search-error").queryAs(Label.class).getText().isEmpty());
        robot.write("x");
        assertEquals("", robot.lookup("#search-error").queryAs(Label.class).getText(), "the field holds other text now");

        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).setText("Taraz"));
        robot.clickOn("#search").type(KeyCode.END).type(KeyCode.ENTER);
        assertTrue(window.viewModel().messageProperty().get().startsWith("Zoomed to Taraz"));
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.LEFT);
        assertEquals("", window.viewModel().messageProperty().get(), "the view moved on");

        // The pointer rests over the map while a search moves it: the coordinates follow.
        robot.moveTo(window.canvas());
        String overTaraz = window.viewModel().pointerProperty().get();
        assertTrue(overTaraz.contains("42.") && overTaraz.contains("71."), overTaraz);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("Almaty").type(KeyCode.ENTER);
        String overAlmaty = window.viewModel().pointerProperty().get();
        assertTrue(overAlmaty.contains("43.") && overAlmaty.contains("76."), overAlmaty);

        Hit street = new Hit("schematic-roads", "Streets", "way.1", 0, Map.of("name", "Abai street"));
        robot.interact(() -> window.viewModel().select(List.of(street)));
        assertFalse(robot.lookup("#details-hint").tryQuery().isPresent(), "the street is shown");
        robot.clickOn("#home");
        assertTrue(robot.lookup("#details-hint").tryQuery().isPresent(), "all of Kazakhstan: the street is let go");
    }
}
