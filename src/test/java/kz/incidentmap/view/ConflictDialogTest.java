package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.pg.ServerIncident;
import kz.incidentmap.sync.Conflict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog of a change that met someone else's: theirs and mine field by field, and the record chosen. */
@ExtendWith(ApplicationExtension.class)
class ConflictDialogTest {

    private Stage stage;
    private ConflictDialog dialog;

    @Start
    void start(Stage s) {
        stage = s;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void closeDialog(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.close();
            }
        });
    }

    private static Incident changed(Incident i, String title, String description) {
        return new Incident(i.id(), title, i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(), i.lon(),
                i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(), description, i.eventGroup(),
                i.sources(), i.claims(), i.subType(), i.time(), i.tags(), i.created(), i.updated());
    }

    /** Theirs renamed it on the server; mine described it anew and renamed it too. */
    private static Conflict conflict() {
        Incident base = RecordStoreContract.full();
        Incident theirs = changed(base, "Renamed on the server", base.description());
        Incident mine = changed(base, "Renamed here", "Described here");
        return new Conflict(base.id(), mine, new ServerIncident(theirs, 2, "ana", Instant.parse("2026-12-07T10:00:00Z")));
    }

    private ConflictDialog open(FxRobot robot) {
        robot.interact(() -> {
            dialog = new ConflictDialog(stage, conflict(), Texts.ENGLISH);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    @Test
    void onlyTheFieldsThatDifferAreOfferedWithTheirsChosenAtFirst(FxRobot robot) {
        open(robot);
        assertTrue(dialog.getHeaderText().contains("ana") && dialog.getHeaderText().contains("version 2"),
                dialog.getHeaderText());
        RadioButton theirsTitle = robot.lookup("#theirs-TITLE").queryAs(RadioButton.class);
        RadioButton mineTitle = robot.lookup("#mine-TITLE").queryAs(RadioButton.class);
        assertEquals("Renamed on the server", theirsTitle.getText());
        assertEquals("Renamed here", mineTitle.getText());
        assertTrue(theirsTitle.isSelected());
        assertEquals("Described here", robot.lookup("#mine-DESCRIPTION").queryAs(RadioButton.class).getText());
        assertTrue(robot.lookup("#theirs-PLACE").tryQuery().isEmpty(), "a field alike on both sides is not offered");
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("6 other fields are the same on both sides")));
    }

    @Test
    void mergeTakesEachFieldFromTheSideChosenForIt(FxRobot robot) {
        open(robot);
        robot.clickOn("#mine-DESCRIPTION");
        robot.clickOn("#merge");
        WaitForAsyncUtils.waitForFxEvents();
        ConflictDialog.Settled settled = dialog.getResult();
        assertNotNull(settled);
        assertEquals("Renamed on the server", settled.kept().title());
        assertEquals("Described here", settled.kept().description());
        assertEquals(RecordStoreContract.full().claims(), settled.kept().claims());
    }

    @Test
    void takeTheirsAndKeepMineTakeOneSideWhole(FxRobot robot) {
        open(robot);
        robot.clickOn("#mine-DESCRIPTION");
        robot.clickOn("#take-theirs");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(conflict().theirs().incident(), dialog.getResult().kept());
        open(robot);
        robot.clickOn("#keep-mine");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(conflict().mine(), dialog.getResult().kept());
    }
}
