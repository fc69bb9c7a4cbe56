package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.incidentmap.store.RecordStoreContract;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ScratchServer;
import kz.incidentmap.store.pg.ServerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window on a server opened by a user who may read the record but not change it (a kim_viewer) is
 * view-only as a window on a read-only file is: every action that writes is off, saying why, and the edit
 * bar, the status bar and the title say so.
 */
@ExtendWith({ApplicationExtension.class, ScratchServer.class})
class ServerViewOnlyTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        ui = TestWindow.show(s, temp, 1200, 760);
    }

    @AfterEach
    void closeWindow() {
        ui.close();
    }

    @Test
    void aViewersWindowIsViewOnlyWithTheReasonShown(FxRobot robot, ScratchServer.Server server) throws Exception {
        ui.awaitLoaded();
        ServerAddress owner = server.newDatabase(true);
        try (PgRecords r = PgRecords.connect(owner, Map.of())) {
            r.initialise();
            r.writeAll(RecordStoreContract.sample());
        }
        server.sql("postgres", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'win_viewer') THEN
                    CREATE ROLE win_viewer LOGIN PASSWORD 'win-pw' IN ROLE kim_viewer;
                  END IF;
                END $$""");
        ServerAddress at = server.address("win_viewer", owner.database());
        robot.interact(() -> ui.reopenServer(at, Map.of("PGPASSWORD", "win-pw"), temp.resolve("cache")));
        MapWindow window = ui.window();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#store-notice").isEmpty());
        String why = "View-only: win_viewer may read this server's record but not change it (role kim_viewer)";
        assertEquals(why, text(robot, "#store-notice"));
        assertEquals(2, window.viewModel().incidentCount(), "the records are shown");
        for (String id : new String[] {"#add-on-map", "#add-at", "#edit", "#delete", "#undo", "#redo", "#import",
            "#import-osm"}) {
            Node button = robot.lookup(id).query();
            assertTrue(button.isDisabled(), id + " is disabled");
            assertEquals(why, DisabledReason.of(button.getParent()).getText(), id);
        }
        assertEquals("Server " + at + ": " + why, text(robot, "#server-status"));
        assertTrue(stage.getTitle().endsWith("server " + at + " — view-only"), stage.getTitle());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
