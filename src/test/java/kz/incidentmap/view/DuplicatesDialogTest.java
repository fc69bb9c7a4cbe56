package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.model.Incident;
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
 * Find duplicates… driven as a user would (headless), on the curated record, whose 2011 events in
 * Aktobe Region known only to the year are offered: the pair side by side with its reasons, Not a
 * duplicate remembered in the store, Merge saved and taken back by Undo, the map following.
 */
@ExtendWith(ApplicationExtension.class)
class DuplicatesDialogTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Path store;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1300, 760);
        window = ui.window();
        store = ui.store();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private List<Incident> stored() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            return s.all();
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<DuplicatePair> pairs(FxRobot robot) {
        return robot.lookup("#duplicate-pairs").queryAs(ListView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void pairsAreShownSideBySideSetAsideMergedAndTheMergeUndone(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        int before = stored().size();
        robot.clickOn("#find-duplicates");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#duplicate-pairs").tryQuery().isPresent()
                && !pairs(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ListView<DuplicatePair> list = pairs(robot);
        assertEquals(3, list.getItems().size(), "the three Aktobe pairs of the curated record");
        DuplicatePair first = list.getItems().get(0);
        assertEquals(first.first().title(), text(robot, "#left-title"));
        assertEquals(first.second().title(), text(robot, "#right-title"));
        assertEquals(first.first().killedRange(), text(robot, "#left-killed"));
        assertTrue(text(robot, "#duplicate-reasons").contains("dates overlap (known to the year)"),
                text(robot, "#duplicate-reasons"));

        robot.clickOn("#not-duplicate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            assertEquals(1, s.notDuplicates().size(), "remembered in the store");
        }

        DuplicatePair next = list.getSelectionModel().getSelectedItem();
        robot.clickOn("#merge-keep-left");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == before - 1);
        List<Incident> merged = stored();
        assertEquals(before - 1, merged.size());
        assertTrue(merged.stream().noneMatch(i -> i.id().equals(next.second().id())), "the right one is gone");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#duplicate-status").startsWith("Merged"));
        assertTrue(list.getItems().stream().noneMatch(p -> p.first().id().equals(next.second().id())
                || p.second().id().equals(next.second().id())), "no pair left with the merged-away incident");

        robot.interact(() -> ((Stage) list.getScene().getWindow()).close());
        robot.clickOn("#undo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == before);
        List<Incident> undone = stored();
        assertEquals(before, undone.size());
        assertTrue(undone.contains(next.first()) && undone.contains(next.second()), "both back as they were");
    }
}
