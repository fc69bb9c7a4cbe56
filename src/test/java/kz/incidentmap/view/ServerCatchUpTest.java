package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ScratchServer;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.sync.ServerReplica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window on a server opened again shows its local copy as it was left, then brings it up to the
 * server's state behind the map: what others wrote meanwhile appears without a reload, and the status bar
 * says what it is doing until it is done.
 */
@ExtendWith({ApplicationExtension.class, ScratchServer.class})
class ServerCatchUpTest {

    @TempDir
    static Path temp;

    private TestWindow ui;

    @Start
    void start(Stage s) throws Exception {
        ui = TestWindow.show(s, temp, 1200, 760);
    }

    @AfterEach
    void closeWindow() {
        ui.close();
    }

    @Test
    void whatOthersWroteWhileTheWindowWasClosedAppearsAfterItOpens(FxRobot robot, ScratchServer.Server server)
            throws Exception {
        Path cache = temp.resolve("cache");
        ServerAddress at = openedOnceAndClosed(robot, server, cache);

        Incident full = RecordStoreContract.full();
        Incident added = new Incident("44444444-4444-4444-8444-444444444444", "Added on the server meanwhile",
                full.type(), full.date(), full.datePrecision(), full.place(), full.oblast(), full.lon(), full.lat(),
                full.locationPrecision(), null, null, null, null, full.sources(), full.claims(), full.subType(), null,
                List.of(), null, null);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            assertTrue(r.insert(added).isPresent());
        }

        robot.interact(() -> ui.reopenServer(at, Map.of(), cache));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.window().viewModel().incidentCount() == 3);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).equals("Server " + at));
    }

    @Test
    void aServerOutOfReachOpensItsCopyAsLastLeftForViewingSayingSo(FxRobot robot, ScratchServer.Server server)
            throws Exception {
        Path cache = temp.resolve("cache-offline");
        ServerAddress at = openedOnceAndClosed(robot, server, cache);
        // The same record's copy under an address where nothing listens: the server, out of reach.
        ServerAddress away = ServerAddress.parse("postgresql://" + at.user() + "@127.0.0.1:1/" + at.database());
        Path copy = ServerReplica.fileFor(cache, at);
        Path awayCopy = ServerReplica.fileFor(cache, away);
        Files.copy(copy, awayCopy);
        Files.copy(copy.resolveSibling(copy.getFileName() + ".base"),
                awayCopy.resolveSibling(awayCopy.getFileName() + ".base"));
        byte[] before = Files.readAllBytes(awayCopy);

        robot.interact(() -> ui.reopenServer(away, Map.of(), cache));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.window().viewModel().incidentCount() == 2);
        String why = "View-only: the server " + away + " cannot be reached; this is its record as this window last"
                + " had it. Open the window again when the server answers";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> why.equals(
                robot.lookup("#store-notice").queryAs(Label.class).getText()));
        for (String id : new String[] {"#add-on-map", "#edit", "#delete", "#import"}) {
            assertTrue(robot.lookup(id).query().isDisabled(), id + " is disabled");
        }
        closeServerWindow(robot);
        assertTrue(Arrays.equals(before, Files.readAllBytes(awayCopy)), "the copy is unchanged");

        // Out of reach with no copy: the window says why it cannot open, as before.
        ServerAddress never = ServerAddress.parse("postgresql://" + at.user() + "@127.0.0.1:1/never_opened");
        robot.interact(() -> ui.reopenServer(never, Map.of(), cache));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());
    }

    /**
     * A new record of the contract's two incidents on the server, opened in a window (its copy made under
     * {@code cache}) until it is up to date, then closed: the window on its first file takes its place.
     */
    private ServerAddress openedOnceAndClosed(FxRobot robot, ScratchServer.Server server, Path cache) throws Exception {
        ui.awaitLoaded();
        ServerAddress at = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(at, Map.of())) {
            r.writeAll(RecordStoreContract.sample());
        }
        robot.interact(() -> ui.reopenServer(at, Map.of(), cache));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.window().viewModel().incidentCount() == 2);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).equals("Server " + at));
        closeServerWindow(robot);
        return at;
    }

    private void closeServerWindow(FxRobot robot) throws Exception {
        robot.interact(() -> ui.reopen(ui.store()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.window().viewModel().incidentCount() == 16);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#server-status").queryAs(Label.class).getText();
    }
}
