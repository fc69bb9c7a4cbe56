package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import kz.incidentmap.exchange.ExchangeFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Import and export from the window: work on a worker thread, the map follows, a refusal changes nothing. */
@ExtendWith(ApplicationExtension.class)
class ExchangeActionsTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Path store;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1100, 700);
        window = ui.window();
        store = ui.store();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private ExchangeActions actions() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.edits().store().isPresent());
        return new ExchangeActions(window.viewModel(), window.edits(), ui.workers(), new RememberedMappings(ui.settings()));
    }

    /** Waits until the task has ended and its end was handled on the JavaFX thread; returns its state. */
    private static Worker.State awaitEnd(Task<?> task) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, task::isDone);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(task::getState).get()
                != Worker.State.RUNNING && WaitForAsyncUtils.asyncFx(task::getState).get() != Worker.State.SCHEDULED
                && WaitForAsyncUtils.asyncFx(task::getState).get() != Worker.State.READY);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(task::getState).get();
    }

    @Test
    void exportThenImportIntoTheWindowsStore(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        Path out = temp.resolve("records-" + System.nanoTime() + ".geojson");
        Task<?>[] export = new Task<?>[1];
        robot.interact(() -> export[0] = actions.startExport(out, ExchangeFormat.GEOJSON));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(export[0]));
        assertEquals(1.0, WaitForAsyncUtils.asyncFx(export[0]::getProgress).get(), 1e-9, "the bar ends full");
        assertTrue(window.viewModel().messageProperty().get().startsWith("Exported 16 incidents to "));

        String text = Files.readString(out, StandardCharsets.UTF_8).replace("56e52baf-b37e-45ee-8a25-5e79ea7c5f30",
                "56e52baf-b37e-45ee-8a25-000000000001");
        Path copy = temp.resolve("one-new-" + System.nanoTime() + ".geojson");
        Files.writeString(copy, text, StandardCharsets.UTF_8);
        Task<?>[] imp = new Task<?>[1];
        robot.interact(() -> imp[0] = actions.startImport(copy, null, false));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(imp[0]));
        assertEquals(17, window.viewModel().incidentCount(), "the map shows the imported record");
        assertTrue(window.viewModel().messageProperty().get().contains("1 added, 0 updated, 15 unchanged"),
                window.viewModel().messageProperty().get());
    }

    @Test
    void aRedactedExportFromTheWindowSaysSoAndHoldsMonthsAndCellCentres(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        Path out = temp.resolve("shared-" + System.nanoTime() + ".geojson");
        kz.incidentmap.store.IncidentStore store = window.edits().store().orElseThrow();
        kz.incidentmap.redact.Redaction grid25 = kz.incidentmap.redact.Redaction.of(
                kz.incidentmap.redact.RedactionProfile.GRID25, null);
        Task<?>[] export = new Task<?>[1];
        robot.interact(() -> export[0] = actions.startExport(out, ExchangeFormat.GEOJSON,
                () -> store.scan(kz.incidentmap.store.IncidentScan.Where.ANYWHERE), grid25));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(export[0]));
        assertTrue(window.viewModel().messageProperty().get().contains("Redacted: grid25 ("),
                window.viewModel().messageProperty().get());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertTrue(root.get("redaction").asText().startsWith("Redacted: grid25 ("));
        for (var f : root.get("features")) {
            assertTrue(f.get("properties").get("date").asText().endsWith("-01"), f.toString());
            var c = f.get("geometry").get("coordinates");
            double[] centre = kz.incidentmap.redact.GridCells.centre(c.get(0).asDouble(), c.get(1).asDouble(), 25);
            assertEquals(centre[0], c.get(0).asDouble(), 1e-9);
            assertEquals(centre[1], c.get(1).asDouble(), 1e-9);
        }
    }

    @Test
    void theWindowExportsAcledsColumnsAndReadsThemBack(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        Path out = temp.resolve("for-acled-" + System.nanoTime() + ".csv");
        Task<?>[] export = new Task<?>[1];
        robot.interact(() -> export[0] = actions.startExport(out, ExchangeFormat.ACLED));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(export[0]));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"), text);
        assertEquals(17, text.lines().count(), "a header and the 16 incidents");
        assertEquals(ExchangeFormat.ACLED, ExchangeFormat.detect(out).orElseThrow());
    }

    @Test
    void aRefusedImportChangesNothingAndSaysWhy(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        Path bad = temp.resolve("bad-" + System.nanoTime() + ".csv");
        Files.writeString(bad, "title,type,date,lon,lat,source_title\r\nBlast,explosion,2011-11-12,71.36,420,Report\r\n");
        byte[] before = Files.readAllBytes(store);
        Task<?>[] imp = new Task<?>[1];
        robot.interact(() -> imp[0] = actions.startImport(bad, null, false));
        assertEquals(Worker.State.FAILED, awaitEnd(imp[0]));
        assertEquals("Import refused, nothing was changed: " + bad + ":2: field 'lat': latitude 420 is outside -90..90",
                window.viewModel().messageProperty().get());
        assertEquals(16, window.viewModel().incidentCount());
        assertArrayEquals(before, Files.readAllBytes(store));
        robot.interact(() -> robot.lookup("#exchange-report").queryAs(javafx.scene.Node.class).getScene().getWindow().hide());
    }

    @Test
    void aCancelledExportWritesNoFile(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        Path out = temp.resolve("cancelled-" + System.nanoTime() + ".kml");
        HeldRecords held = new HeldRecords(storedById().values());
        Task<?>[] export = new Task<?>[1];
        boolean[] accepted = new boolean[1];
        robot.interact(() -> export[0] = actions.startExport(out, ExchangeFormat.KML, held));
        assertTrue(held.opening.await(20, TimeUnit.SECONDS));
        robot.interact(() -> accepted[0] = export[0].cancel());
        assertTrue(accepted[0], "cancelled while the records were being read");
        held.release.countDown();
        assertEquals(Worker.State.CANCELLED, awaitEnd(export[0]));
        // The task is done at the cancel; the export's thread has finished once it closed the records.
        assertTrue(held.closed.await(20, TimeUnit.SECONDS));
        assertFalse(Files.exists(out));
        assertEquals("Export cancelled; no file was written", window.viewModel().messageProperty().get());
    }

    /** A Cancel once the work has committed is refused, so the task ends as what happened; a cancelled one never commits. */
    @Test
    void aCancelAfterTheCommitIsRefused() {
        ProgressTask<Void> late = new NoWork();
        assertTrue(late.commit());
        assertFalse(late.cancel(), "a committed task cannot be cancelled");
        assertFalse(late.isCancelled());
        ProgressTask<Void> early = new NoWork();
        assertTrue(early.cancel());
        assertFalse(early.commit(), "a cancelled task does not commit");
    }

    private static final class NoWork extends ProgressTask<Void> {
        @Override
        protected Void call() {
            return null;
        }
    }

    /** Records an export waits for until released, telling when the export has closed them. */
    private static final class HeldRecords implements ExchangeActions.ExportedIncidents {
        final java.util.concurrent.CountDownLatch opening = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        private final java.util.Collection<kz.incidentmap.model.Incident> records;

        HeldRecords(java.util.Collection<kz.incidentmap.model.Incident> records) {
            this.records = records;
        }

        @Override
        public java.util.Collection<kz.incidentmap.model.Incident> open() {
            opening.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (release.getCount() > 0 && System.nanoTime() < end) {
                try { // the cancel interrupts this thread; the export is to go on and find the cancel itself
                    release.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // keep waiting for the release
                }
            }
            return new Closing();
        }

        private final class Closing extends java.util.AbstractCollection<kz.incidentmap.model.Incident>
                implements AutoCloseable {
            @Override
            public java.util.Iterator<kz.incidentmap.model.Incident> iterator() {
                return records.iterator();
            }

            @Override
            public int size() {
                return records.size();
            }

            @Override
            public void close() {
                closed.countDown();
            }
        }
    }

    private java.util.Map<String, kz.incidentmap.model.Incident> storedById() throws Exception {
        try (kz.incidentmap.store.IncidentStore s = kz.incidentmap.store.IncidentStore.openForViewing(store)) {
            java.util.Map<String, kz.incidentmap.model.Incident> out = new java.util.HashMap<>();
            s.all().forEach(i -> out.put(i.id(), i));
            return out;
        }
    }

    /** Undo after an import takes back the import, and only it: never an older step written over it. */
    @Test
    void anImportIsOneStepThatUndoTakesBack(FxRobot robot) throws Exception {
        ExchangeActions actions = actions();
        String deleted = "0560a82c";
        kz.incidentmap.model.Incident gone = storedById().values().stream().filter(i -> i.id().startsWith(deleted))
                .findFirst().orElseThrow();
        robot.interact(() -> window.edits().execute(new kz.incidentmap.edit.DeleteIncident(gone)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 15);
        java.util.Map<String, kz.incidentmap.model.Incident> before = storedById();

        Path out = temp.resolve("undo-" + System.nanoTime() + ".geojson");
        Task<?>[] export = new Task<?>[1];
        robot.interact(() -> export[0] = actions.startExport(out, ExchangeFormat.GEOJSON));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(export[0]));
        // One new record (a copy under a new id) and one changed title; the rest as stored.
        String text = Files.readString(out, StandardCharsets.UTF_8)
                .replace("56e52baf-b37e-45ee-8a25-5e79ea7c5f30", "56e52baf-b37e-45ee-8a25-000000000002")
                .replace("Two blasts in Atyrau", "Two blasts in Atyrau, corrected");
        Path file = temp.resolve("changed-" + System.nanoTime() + ".geojson");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Task<?>[] imp = new Task<?>[1];
        robot.interact(() -> imp[0] = actions.startImport(file, null, false));
        assertEquals(Worker.State.SUCCEEDED, awaitEnd(imp[0]));
        assertEquals(16, window.viewModel().incidentCount());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.edits().undoLabelProperty().get().startsWith("Import " + file.getFileName()));
        assertEquals("Import " + file.getFileName() + " (1 added, 1 updated)", window.edits().undoLabelProperty().get());

        robot.clickOn("#undo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 15);
        assertEquals(before, storedById(), "the store as it was before the import, the deletion still done");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.edits().undoLabelProperty().get().startsWith("Delete"));

        robot.clickOn("#redo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().incidentCount() == 16);
        assertTrue(storedById().values().stream().anyMatch(i -> i.title().equals("Two blasts in Atyrau, corrected")));
        assertFalse(storedById().containsKey(gone.id()), "redoing the import does not bring back the deleted one");
    }
}
