package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;
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
 * The incident table on the shipped record: it lists every incident, sorts by date and by killed,
 * selects the marker of the row selected and the row of the marker clicked, follows the view when
 * asked to list only what is on the map, and opens the details on Enter.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentTableTest {

    private static final double ATYRAU_LON = 51.88333;
    private static final double ATYRAU_LAT = 47.11667;
    private static final String ATYRAU = "5eeac029-1f9f-4941-8e24-3001ccb410a1";

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private IncidentTable table;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1200, 760);
        window = ui.window();
        table = window.table();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    /** The loaded window with the Table tab shown and its first sort done. */
    private void tableShown(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("Table");
        // Room for several rows: the pane under the map is a fifth of the window at first.
        robot.interact(() -> robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(p -> p.getOrientation() == Orientation.VERTICAL).forEach(p -> p.setDividerPositions(0.4)));
        awaitSorted();
    }

    private void awaitSorted() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.status().getText().endsWith("incidents"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private IncidentFeatureSource source() {
        return table.sourceProperty().get();
    }

    /** The records of the table's rows, in the table's order. */
    private List<Incident> rowsInOrder() throws Exception {
        IncidentIndex index = source().index();
        long[] fids = table.table().getItems().stream().mapToLong(index::fid).toArray();
        return Arrays.asList(source().records().inOrder(fids));
    }

    private void sortBy(FxRobot robot, String columnId, TableColumn.SortType type) throws Exception {
        TableColumn<Integer, ?> c = table.table().getColumns().stream().filter(col -> columnId.equals(col.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            c.setSortType(type);
            table.table().getSortOrder().setAll(List.of(c));
        });
        awaitSorted();
    }

    /** The texts of the table's visible cells once their records are in. */
    private Set<String> shownTexts() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.table().lookupAll(".table-cell").stream()
                .noneMatch(n -> TableCells.WAITING.equals(((Labeled) n).getText())));
        return table.table().lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).collect(Collectors.toSet());
    }

    @Test
    void listsEveryIncidentOfTheStore(FxRobot robot) throws Exception {
        tableShown(robot);
        try (IncidentStore store = IncidentStore.openForViewing(ui.store())) {
            List<Incident> all = store.all();
            assertEquals(all.size(), table.table().getItems().size());
            assertEquals(all.size() + " incidents", table.status().getText());
            Set<String> shown = shownTexts();
            Incident first = rowsInOrder().get(0);
            assertTrue(shown.contains(first.title()), "the first row's title is shown: " + shown);
            assertTrue(rowsInOrder().subList(0, 5).stream().map(Incident::title).allMatch(shown::contains),
                    "the first rows with their titles: " + shown);
        }
    }

    @Test
    void sortingByDateAndByKilledOrdersTheRows(FxRobot robot) throws Exception {
        tableShown(robot);
        sortBy(robot, "column-date", TableColumn.SortType.ASCENDING);
        List<Incident> byDate = rowsInOrder();
        for (int k = 1; k < byDate.size(); k++) {
            assertFalse(byDate.get(k).date().isBefore(byDate.get(k - 1).date()), "by date at row " + k);
        }
        sortBy(robot, "column-killed", TableColumn.SortType.DESCENDING);
        List<Incident> byKilled = rowsInOrder();
        int[] killed = byKilled.stream().mapToInt(i -> i.maxKilled().orElse(-1)).toArray();
        for (int k = 1; k < killed.length; k++) {
            assertTrue(killed[k] <= killed[k - 1], "most killed first: " + Arrays.toString(killed));
        }
        assertTrue(killed[0] > killed[killed.length - 1], Arrays.toString(killed));
        assertTrue(shownTexts().contains(byKilled.get(0).title()), "the deadliest is the first row shown");
    }

    @Test
    void aRowSelectsItsMarkerAndAMarkerClickedSelectsItsRow(FxRobot robot) throws Exception {
        tableShown(robot);
        sortBy(robot, "column-date", TableColumn.SortType.DESCENDING);
        shownTexts();
        TableRow<?> third = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == 2).findFirst().orElseThrow();
        robot.clickOn(third);
        Incident expected = rowsInOrder().get(2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedIds().equals(List.of(expected.id())));
        assertEquals(1, window.viewModel().selectedPoints().size(), "its marker is highlighted");
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate at = MapProjection.kazakhstan().toMap(expected.lon(), expected.lat());
        assertTrue(vp.bounds().contains(at.x, at.y), "the map shows it");

        // A click on the Atyrau marker, alone at a city's scale.
        Coordinate atyrau = MapProjection.kazakhstan().toMap(ATYRAU_LON, ATYRAU_LAT);
        robot.interact(() -> window.viewModel().viewportProperty().set(Viewport.atScale(atyrau.x, atyrau.y, 50_000,
                vp.width(), vp.height())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.canvas().currentFrame() != null);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getMinX() + vp.width() / 2.0, canvas.getMinY() + vp.height() / 2.0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedIds().equals(List.of(ATYRAU)));
        List<Incident> rows = rowsInOrder();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.table().getSelectionModel().getSelectedIndex() >= 0
                && ATYRAU.equals(rows.get(table.table().getSelectionModel().getSelectedIndex()).id()));
        assertEquals(1, table.table().getSelectionModel().getSelectedIndices().size());
    }

    private List<String> selectedIds() {
        return window.viewModel().selectionProperty().get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer()))
                .map(Hit::featureId).toList();
    }

    @Test
    void onlyWhatIsOnTheMapFollowsAPan(FxRobot robot) throws Exception {
        tableShown(robot);
        int all = table.table().getItems().size();
        Coordinate atyrau = MapProjection.kazakhstan().toMap(ATYRAU_LON, ATYRAU_LAT);
        Viewport vp = window.viewModel().viewportProperty().get();
        Viewport there = Viewport.atScale(atyrau.x, atyrau.y, 200_000, vp.width(), vp.height());
        robot.interact(() -> window.viewModel().viewportProperty().set(there));
        robot.clickOn("#table-on-map");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.table().getItems().size() == 1);
        assertEquals(ATYRAU, rowsInOrder().get(0).id());

        Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
        robot.interact(() -> window.viewModel().viewportProperty().set(there.pannedTo(taraz.x, taraz.y)));
        IncidentIndex index = source().index();
        int inTaraz = index.countWithin(there.pannedTo(taraz.x, taraz.y).bounds());
        assertTrue(inTaraz > 1 && inTaraz < all, inTaraz + " in Taraz of " + all);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.table().getItems().size() == inTaraz);
        assertTrue(rowsInOrder().stream().allMatch(i -> Math.abs(i.lon() - 71.367) < 0.1), "only Taraz is listed");

        robot.clickOn("#table-on-map");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.table().getItems().size() == all);
    }

    @Test
    void enterOpensTheDetailsOfTheSelectedIncident(FxRobot robot) throws Exception {
        tableShown(robot);
        robot.interact(() -> window.panes().rightShownProperty().set(false));
        shownTexts();
        TableRow<?> first = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == 0).findFirst().orElseThrow();
        robot.clickOn(first);
        Incident expected = rowsInOrder().get(0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedIds().equals(List.of(expected.id())));
        assertFalse(window.panes().rightShownProperty().get());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.panes().rightShownProperty().get(), "the details pane is shown");
        TitledPane entry = robot.lookup(".incident-details").queryAs(TitledPane.class);
        assertEquals(expected.title(), entry.getText());
        assertTrue(entry.isExpanded());
        Node focus = window.getScene().getFocusOwner();
        assertEquals(window.details(), focus, "the keyboard is in the details");
    }
}
