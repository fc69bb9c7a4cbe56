package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import kz.incidentmap.TestMaps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The incident table over 20,000 generated incidents reads the records of the pages in sight, not the store. */
@ExtendWith(ApplicationExtension.class)
class TablePagingTest {

    private static final int COUNT = 20_000;

    @TempDir
    static Path temp;

    private TestWindow ui;
    private IncidentTable table;

    @Start
    void start(Stage stage) throws Exception {
        Path db = temp.resolve("generated-" + System.nanoTime() + ".gpkg");
        SyntheticIncidents generator = SyntheticIncidents.forMaps(TestMaps.MAPS, 16);
        IncidentStore.createBulk(db, generator.sources(), generator.incidents(COUNT), n -> { });
        ui = TestWindow.show(stage, db, WindowSettings.load(temp.resolve("settings-" + System.nanoTime() + ".properties")),
                1200, 760);
        table = ui.window().table();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private void awaitCellsRead() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.status().getText().endsWith("incidents")
                && table.table().lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText())
                        .noneMatch(TableCells.WAITING::equals));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onlyThePagesInSightAreRead(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("Table");
        robot.interact(() -> robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(p -> p.getOrientation() == Orientation.VERTICAL).forEach(p -> p.setDividerPositions(0.4)));
        awaitCellsRead();
        assertEquals(COUNT, table.table().getItems().size());
        long first = table.pages().recordsRead();
        assertTrue(first > 0 && first <= 2 * TablePages.PAGE, "the first screen reads one or two pages: " + first);

        robot.interact(() -> table.table().scrollTo(COUNT / 2 + 7));
        awaitCellsRead();
        long middle = table.pages().recordsRead() - first;
        assertTrue(middle > 0 && middle <= 2 * TablePages.PAGE, "a jump to the middle reads its pages only: " + middle);

        for (int k = 0; k < TablePages.KEPT + 5; k++) {
            int at = k * (COUNT / (TablePages.KEPT + 5));
            robot.interact(() -> table.table().scrollTo(at));
        }
        awaitCellsRead();
        assertTrue(table.pages().pagesHeld() <= TablePages.KEPT, "pages held: " + table.pages().pagesHeld());
        assertTrue(table.pages().recordsRead() < COUNT / 2, "never the whole store: " + table.pages().recordsRead());
    }
}
