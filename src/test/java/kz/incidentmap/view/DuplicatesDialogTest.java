package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
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
    void anImportAskedToReviewOpensTheListOfThePairsItBrought(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.edits().store().isPresent());
        ExchangeActions actions = new ExchangeActions(window.viewModel(), window.edits(), ui.workers(),
                new RememberedMappings(ui.settings()));
        // ACLED's suicide bomb in Taraz, told in words close to the curated record of the blast by the food market.
        Path acled = temp.resolve("acled-" + System.nanoTime() + ".csv");
        Files.writeString(acled, Files.readString(Path.of("src/test/resources/exchange/acled-sample.csv"),
                StandardCharsets.UTF_8).replace("\"Made-up record for the importer tests, not a real event.\",1,",
                "\"A suicide bomber blew himself up in front of the central food market on Kazybek Bi street in Taraz.\",1,"),
                StandardCharsets.UTF_8);
        Task<?>[] imp = new Task<?>[1];
        robot.interact(() -> imp[0] = actions.startImport(acled, null, false, window.getScene().getWindow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, imp[0]::isDone);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#duplicate-pairs").tryQuery().isPresent()
                && !pairs(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<DuplicatePair> listed = List.copyOf(pairs(robot).getItems());
        assertEquals(1, listed.size(), "only the pair with an imported record, not the curated Aktobe pairs");
        assertEquals("Taraz: blast by the central food market", text(robot, "#left-title"));
        assertEquals("Suicide bomb in Taraz", text(robot, "#right-title"));
        assertEquals("acled-KAZ9001", text(robot, "#right-sources"));
        assertTrue(text(robot, "#duplicate-reasons").contains("same day; 0.3 km apart; both suicide bombing"),
                text(robot, "#duplicate-reasons"));
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
