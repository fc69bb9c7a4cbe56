package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
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
 * Editing in the window, driven as a user would (headless): the add form with its field messages,
 * saving, undo and redo, deleting with confirmation, and a read-only store.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentEditingTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Path store;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1200, 760);
        window = ui.window();
        store = ui.store();
    }

    private void awaitLoaded() throws Exception {
        ui.awaitLoaded();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private int storedCount() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            return s.count();
        }
    }

    /** The records in the store, read the way the map reads them: from the file, beside the window's lock. */
    private java.util.List<Incident> storedIncidents() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            return s.all();
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(value));
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible();
    }

    @Test
    void theAddFormChecksEachFieldWhereItIsTypedThenSavesAndUndoes(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#add-at");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        robot.clickOn("#form-lat").write("95");
        assertTrue(shown(robot, "#form-lat-error"));
        assertEquals("latitude 95 is outside -90..90", text(robot, "#form-lat-error"));
        robot.clickOn("#form-lat").eraseText(2).write("41.31");
        robot.clickOn("#form-lon").write("69.59");
        assertEquals("41.31, 69.59 lies outside Kazakhstan; check the coordinates (latitude first)",
                text(robot, "#form-lat-error"), "a warning at the field");
        robot.clickOn("#form-lat").eraseText(5).write("42.32");
        assertFalse(shown(robot, "#form-lat-error"));
        assertEquals("Turkistan Region", text(robot, "#form-oblast"));
        robot.clickOn("#form-date").write("2999-01-01");
        assertEquals("2999-01-01 is in the future", text(robot, "#form-date-error"));
        robot.clickOn("#form-date").eraseText(10).write("2012-03-03");
        // The source rows lie below the fold of the form's scroll pane: typed into directly.
        set(robot, "#form-sources-0-url", "example.org");
        assertTrue(text(robot, "#form-sources-0-url-error").contains("is not a web address"));
        set(robot, "#form-sources-0-url", "https://example.org/report");
        assertFalse(shown(robot, "#form-sources-0-url-error"));
        set(robot, "#form-sources-0-killed", "-2");
        assertEquals("-2 is negative; counts are 0 or more", text(robot, "#form-sources-0-killed-error"));
        set(robot, "#form-sources-0-killed", "2");

        robot.clickOn("#form-save");
        assertTrue(robot.lookup("#form-title").tryQuery().isPresent(), "Save with errors keeps the form open");
        assertEquals("is required", text(robot, "#form-title-error"));
        robot.clickOn("#form-title").write("Shooting at a checkpoint");
        robot.interact(() -> robot.lookup("#form-type").queryComboBox().getSelectionModel().select(2));
        set(robot, "#form-sources-0-title", "A report");
        robot.clickOn("#form-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 17);
        assertEquals(17, storedCount(), "saved at once");
        Incident added = storedIncidents().stream()
                .filter(i -> i.title().equals("Shooting at a checkpoint")).findFirst().orElseThrow();
        assertEquals("Turkistan Region", added.oblast());
        assertEquals("2", added.killedRange());
        assertTrue(window.viewModel().mapProperty().get().model().layer(IncidentLayer.NAME).orElseThrow()
                .source().getFeatures().size() == 17, "the map layer shows the new incident");

        robot.clickOn("#undo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 16);
        assertEquals(16, storedCount());
        robot.clickOn("#redo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 17);
        assertEquals(17, storedCount());
    }

    @Test
    void aSubTypeAddedFromTheFormIsChosenStoredAndDrawnWithItsOwnMarker(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#add-at");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#form-type").queryComboBox().getSelectionModel().select(IncidentType.PROTEST));
        robot.clickOn("#form-new-sub-type");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#subtype-name").tryQuery().isPresent());
        assertEquals(IncidentType.PROTEST, robot.lookup("#subtype-family").queryAs(ChoiceBox.class).getValue(),
                "the form's type is the family");
        assertTrue(robot.lookup("#subtype-add").queryButton().isDisabled(), "no name yet");
        robot.clickOn("#subtype-name").write("Hunger strike");
        robot.interact(() -> {
            robot.lookup("#subtype-marker").queryAs(ChoiceBox.class).getSelectionModel().select("star");
            robot.lookup("#subtype-own-colour").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#subtype-colour").queryAs(ColorPicker.class).setValue(javafx.scene.paint.Color.web("#00C8FF"));
        });
        robot.clickOn("#subtype-add");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#form-sub_type").queryComboBox().getValue()
                instanceof IncidentSubType s && s.code().equals("hunger_strike"));
        assertEquals("Sub-type \u2018Hunger strike\u2019 of Protest \u2014 saved",
                window.viewModel().messageProperty().get());
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            IncidentSubType kept = s.vocabulary().require("hunger_strike");
            assertEquals("star", kept.mark());
            assertEquals("#00C8FF", kept.colour());
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().mapProperty().get().model()
                .layer(IncidentLayer.NAME).orElseThrow().style().featureTypeStyles().get(0).rules().stream()
                .anyMatch(r -> "hunger_strike".equals(r.getName())));

        robot.clickOn("#form-title").write("Hunger strike at a mine");
        set(robot, "#form-date", "2022-01-10");
        set(robot, "#form-lat", "43.34");
        set(robot, "#form-lon", "52.86");
        set(robot, "#form-sources-0-title", "A report");
        robot.clickOn("#form-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 17);
        Incident added = storedIncidents().stream().filter(i -> i.title().equals("Hunger strike at a mine"))
                .findFirst().orElseThrow();
        assertEquals("hunger_strike", added.subType().code());
    }

    @Test
    void theFormRefusesImplausibleDatesAndCountsAndDoubtsOddOnes(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#add-at");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        robot.clickOn("#form-date").write("1011-05-03");
        assertEquals("1011-05-03 is before 1800-01-01, the earliest date a record may hold",
                text(robot, "#form-date-error"));
        assertFalse(robot.lookup("#form-date-error").queryAs(Label.class).getStyle().contains("#a15c00"), "an error");
        robot.clickOn("#form-date").eraseText(10).write("1895-05-03");
        assertEquals("1895-05-03 is before 1900; check the year", text(robot, "#form-date-error"));
        assertTrue(robot.lookup("#form-date-error").queryAs(Label.class).getStyle().contains("#a15c00"), "in amber");
        set(robot, "#form-sources-0-killed", "2000000000");
        assertEquals("2,000,000,000 is more than 100,000, the most a count may be",
                text(robot, "#form-sources-0-killed-error"));
        set(robot, "#form-sources-0-wounded", "12000");
        assertEquals("12,000 is more than 10,000; check the figure", text(robot, "#form-sources-0-wounded-error"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(16, storedCount());
    }

    @Test
    void addOnMapPlacesTheFormAtTheClickAndCancelChangesNothing(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#add-on-map");
        assertTrue(robot.lookup("#add-on-map").queryAs(ToggleButton.class).isSelected());
        var canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getCenterX(), canvas.getCenterY());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-lat").tryQuery().isPresent());
        String lat = robot.lookup("#form-lat").queryTextInputControl().getText();
        String lon = robot.lookup("#form-lon").queryTextInputControl().getText();
        assertFalse(lat.isBlank());
        double la = Double.parseDouble(lat);
        double lo = Double.parseDouble(lon);
        assertTrue(la > 40 && la < 56 && lo > 46 && lo < 88, lat + ", " + lon + " is in the Kazakhstan view");
        assertFalse(robot.lookup("#add-on-map").queryAs(ToggleButton.class).isSelected(), "one click, one incident");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(16, storedCount());
    }

    @Test
    void deletingAsksFirstAndCanBeUndone(FxRobot robot) throws Exception {
        awaitLoaded();
        Incident first = storedIncidents().get(0);
        robot.interact(() -> window.viewModel().select(java.util.List.of(new kz.incidentmap.identify.Hit(
                IncidentLayer.NAME, IncidentLayer.TITLE, first.id(), 0, java.util.Map.of(), first))));
        assertFalse(robot.lookup("#delete").queryAs(Button.class).isDisabled());
        robot.clickOn("#delete");
        robot.clickOn("Cancel");
        assertEquals(16, storedCount(), "cancelled: nothing deleted");
        robot.clickOn("#delete");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 15);
        assertEquals(15, storedCount());
        WaitForAsyncUtils.waitForFxEvents(); // the map changes first, then the selection, in one event
        assertTrue(window.viewModel().selectedIncident().isEmpty(), "the deleted incident is no longer selected");
        robot.clickOn("#undo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 16);
        assertEquals(16, storedCount());
    }

    @Test
    void aReadOnlyStoreIsShownWithEditingDisabled(FxRobot robot) throws Exception {
        awaitLoaded();
        Path readOnly = temp.resolve("ro-" + System.nanoTime() + ".gpkg");
        Files.copy(store, readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        robot.interact(() -> ui.reopen(readOnly));
        window = ui.window();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#store-notice").isEmpty());
        assertEquals("Viewing only: the store file or its folder is read-only", text(robot, "#store-notice"));
        assertTrue(robot.lookup("#add-on-map").queryAs(ToggleButton.class).isDisabled());
        assertTrue(robot.lookup("#add-at").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#import").queryAs(Button.class).isDisabled());
        assertEquals(16, window.viewModel().incidentCount(), "the records are shown");
        // Every action that writes is off, and says why where a tooltip can be seen: on its box.
        for (String id : new String[] {"#add-on-map", "#add-at", "#edit", "#delete", "#undo", "#redo", "#import",
            "#import-osm"}) {
            Node button = robot.lookup(id).query();
            assertTrue(button.isDisabled(), id + " is disabled");
            assertEquals("Viewing only: the store file or its folder is read-only",
                    DisabledReason.of(button.getParent()).getText(), id);
            assertEquals(DisabledReason.of(button.getParent()),
                    javafx.scene.control.Tooltip.class.cast(button.getParent().getProperties().get("javafx.scene.control.Tooltip")),
                    id + ": the reason is installed as the box's tooltip");
        }
        assertFalse(robot.lookup("#export-records").query().isDisabled(), "exporting writes no store");
    }

    @Test
    void disagreeingSourcesShowARangeAndOnDemandWhoSaysWhat(FxRobot robot) throws Exception {
        awaitLoaded();
        String tarazTotal = "16981ef3-7091-4c05-a89c-c0479e5ecfee";
        Incident taraz = storedIncidents().stream().filter(i -> i.id().equals(tarazTotal)).findFirst().orElseThrow();
        robot.interact(() -> window.viewModel().select(java.util.List.of(new kz.incidentmap.identify.Hit(
                IncidentLayer.NAME, IncidentLayer.TITLE, tarazTotal, 0, java.util.Map.of(), taraz))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".incident-figures").queryAs(Label.class).getText().startsWith("Killed: 6\u20137"));
        javafx.scene.control.TitledPane who = robot.lookup(".source-claims").queryAs(javafx.scene.control.TitledPane.class);
        assertFalse(who.isExpanded(), "folded until asked for");
        robot.interact(() -> who.setExpanded(true));
        java.util.List<String> says = robot.from(who.getContent()).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(says.stream().anyMatch(t -> t.contains(" 7 killed")), says.toString());
        assertTrue(says.stream().anyMatch(t -> t.contains(" 6 killed")), says.toString());
    }

    @Test
    void messagesKeepTheirPlaceAndSaveGoesToTheFirstError(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#add-at");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        Node lon = robot.lookup("#form-lon").query();
        double before = lon.localToScene(0, 0).getY();
        robot.clickOn("#form-lat").write("95");
        assertTrue(shown(robot, "#form-lat-error"));
        assertEquals(before, lon.localToScene(0, 0).getY(), 0.5, "a message does not push the fields under it down");
        robot.clickOn("#form-lat").eraseText(2).write("42.9");
        assertFalse(shown(robot, "#form-lat-error"));
        assertEquals(before, lon.localToScene(0, 0).getY(), 0.5, "nor does its going");

        robot.clickOn("#form-save");
        assertEquals("form-title", robot.lookup("#form-title").query().getScene().getFocusOwner().getId(),
                "the first error has the focus");
        String summary = text(robot, "#form-summary");
        assertTrue(summary.matches("\\d+ fields need correcting before saving"), summary);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isEmpty());
        assertEquals(16, storedCount());
    }

    @Test
    void aStoredSourceIsPickedBySearchingItsPublisherAndStaysOneSource(FxRobot robot) throws Exception {
        awaitLoaded();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.edits().store().isPresent());
        robot.clickOn("#add-at");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        Button pick = robot.lookup("#form-sources-0-pick").queryAs(Button.class);
        robot.interact(() -> javafx.application.Platform.runLater(pick::fire));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#source-search").tryQuery().isPresent());
        robot.clickOn("#source-search").write("long war");
        javafx.scene.control.ListView<?> found = robot.lookup("#source-results").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> found.getItems().size() == 1);
        robot.interact(() -> found.getSelectionModel().selectFirst());
        robot.clickOn("#source-pick");
        assertEquals("Report on Jund al Khilafah's claim of the Taraz attack",
                robot.lookup("#form-sources-0-title").queryTextInputControl().getText());
        assertEquals("The Long War Journal", robot.lookup("#form-sources-0-publisher").queryTextInputControl().getText());
        robot.clickOn("#form-title").write("Statement on a new cell");
        set(robot, "#form-lat", "42.9");
        set(robot, "#form-lon", "71.37");
        set(robot, "#form-date", "2011-12-01");
        robot.interact(() -> robot.lookup("#form-type").queryComboBox().getSelectionModel().select(0));
        robot.clickOn("#form-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 17);
        Incident added = storedIncidents().stream().filter(i -> i.title().equals("Statement on a new cell"))
                .findFirst().orElseThrow();
        assertEquals("lwj-2011-11", added.sources().get(0).key(), "the stored source itself, not a copy");
    }
}
