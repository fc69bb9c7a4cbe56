package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import kz.incidentmap.redact.RedactionProfile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Report… in the window: the toolbar's button, the redaction asked, the PDF written off the JavaFX thread. */
@ExtendWith(ApplicationExtension.class)
class ReportActionsTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1100, 700);
        window = ui.window();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    /** The question the window asks for {@code out}, answered with {@code profile} (null: none) and OK. */
    private void answer(FxRobot robot, Path out, RedactionProfile profile) {
        Alert[] ask = new Alert[1];
        robot.interact(() -> ask[0] = window.reportActions().ask(out));
        @SuppressWarnings("unchecked")
        ChoiceBox<RedactionProfile> choice = robot.lookup("#redaction-choice").queryAs(ChoiceBox.class);
        assertEquals(null, choice.getValue(), "nothing is redacted unless asked");
        robot.interact(() -> {
            choice.setValue(profile);
            ((Button) ask[0].getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
    }

    @Test
    void theToolbarsReportWritesThePdfOfWhatTheWindowShows(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        // Looked up on the JavaFX thread: the window may still be adding nodes (its legend) after its first
        // frame, and a look-up from the test's thread then walked a list that changed under it.
        String[] label = new String[1];
        robot.interact(() -> label[0] = ((Button) window.lookup("#report")).getText());
        assertEquals("Report\u2026", label[0]);
        Path out = temp.resolve("window-report-" + System.nanoTime() + ".pdf");
        answer(robot, out, null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out)
                && window.viewModel().messageProperty().get().startsWith("Report written: "));
        assertTrue(window.viewModel().messageProperty().get().contains("16 incidents"),
                window.viewModel().messageProperty().get());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("This report holds 16 incidents.") && text.contains("Taraz: raid on a weapons store"),
                    text.substring(0, 300));
            assertFalse(text.contains("Redacted:"));
        }
    }

    @Test
    void aRedactionChosenInTheQuestionShapesTheReport(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Path out = temp.resolve("shared-report-" + System.nanoTime() + ".pdf");
        answer(robot, out, RedactionProfile.GRID25);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out)
                && window.viewModel().messageProperty().get().startsWith("Report written: "));
        assertTrue(window.viewModel().messageProperty().get().contains("Redacted: grid25"));
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Redacted: grid25 ("), "the profile is printed");
            assertFalse(text.contains("12 Nov 2011"), "no day of the Taraz attack");
        }
    }

    @Test
    void aFolderThatDoesNotExistIsSaidAndNothingIsWritten(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Path out = temp.resolve("missing-" + System.nanoTime()).resolve("r.pdf");
        answer(robot, out, null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().messageProperty().get()
                .startsWith("Report not written: "));
        assertTrue(window.viewModel().messageProperty().get().contains("does not exist"));
        assertFalse(Files.exists(out.getParent()));
    }
}
