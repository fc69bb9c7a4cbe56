package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import kz.incidentmap.exchange.ColumnMapping;
import kz.incidentmap.exchange.CsvPreview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The mapping of an unknown CSV's columns: guessed from the header, required fields enforced, remembered. */
@ExtendWith(ApplicationExtension.class)
class ColumnMappingDialogTest {

    @TempDir
    static Path temp;

    private Stage stage;
    private ColumnMappingDialog dialog;

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

    private ColumnMappingDialog open(FxRobot robot, CsvPreview preview, RememberedMappings remembered) {
        robot.interact(() -> {
            dialog = new ColumnMappingDialog(stage, "events.csv", preview, remembered);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> box(FxRobot robot, String field) {
        return robot.lookup("#map-" + field).queryAs(ChoiceBox.class);
    }

    private static RememberedMappings remembered() {
        return new RememberedMappings(WindowSettings.load(temp.resolve("settings-" + System.nanoTime() + ".properties")));
    }

    @Test
    void fieldsAreGuessedFromTheHeaderAndTheRowsShown(FxRobot robot) {
        CsvPreview preview = new CsvPreview(List.of("Event Name", "event_type", "event_date", "Latitude", "Longitude",
                "Fatalities", "Notes"), List.of(List.of("Blast", "explosion", "2012-01-02", "43.25", "76.95", "1", "a"),
                List.of("Raid", "security_operation", "2012-02-03", "42.9", "71.37", "", "b")));
        open(robot, preview, remembered());
        assertEquals("Event Name", box(robot, "title").getValue());
        assertEquals("event_type", box(robot, "type").getValue());
        assertEquals("event_date", box(robot, "date").getValue());
        assertEquals("Latitude", box(robot, "lat").getValue());
        assertEquals("Longitude", box(robot, "lon").getValue());
        assertEquals("Fatalities", box(robot, "claim_killed").getValue());
        assertEquals(ColumnMappingDialog.NONE, box(robot, "perpetrator").getValue());
        TableView<?> table = robot.lookup("#mapping-preview").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals("Event Name", table.getColumns().get(0).getText());
        assertFalse(robot.lookup("#mapping-import").query().isDisabled(), "every required field has a column");
    }

    @Test
    void importWaitsForTheRequiredFieldsAndTheChoiceIsRememberedForTheSameHeader(FxRobot robot) {
        CsvPreview preview = new CsvPreview(List.of("name", "kind", "when", "x", "y"),
                List.of(List.of("Blast", "explosion", "2012-01-02", "76.95", "43.25")));
        RememberedMappings remembered = remembered();
        open(robot, preview, remembered);
        assertEquals("name", box(robot, "title").getValue());
        assertEquals("x", box(robot, "lon").getValue());
        Node importButton = robot.lookup("#mapping-import").query();
        assertTrue(importButton.isDisabled());
        assertEquals("Choose a column for: type, date", robot.lookup("#mapping-missing").queryAs(Label.class).getText());
        robot.interact(() -> {
            box(robot, "type").setValue("kind");
            box(robot, "date").setValue("when");
        });
        assertFalse(importButton.isDisabled());
        robot.clickOn(importButton);
        WaitForAsyncUtils.waitForFxEvents();
        ColumnMapping chosen = dialog.getResult();
        assertEquals("title=name,type=kind,date=when,lon=x,lat=y", chosen.spec());
        assertEquals(Optional.of(chosen), remembered.forHeader(preview.header()));

        open(robot, new CsvPreview(preview.header(), List.of()), remembered);
        assertEquals("kind", box(robot, "type").getValue(), "the same header opens with the choice made");
        assertEquals("when", box(robot, "date").getValue());
        assertEquals(Optional.empty(), remembered.forHeader(List.of("name", "kind", "when", "x", "y", "z")),
                "another header is guessed afresh");
    }
}
