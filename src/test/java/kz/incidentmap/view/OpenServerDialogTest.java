package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.store.pg.ServerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Open server…": the recent servers offered, kept without passwords, and an address with one refused. */
@ExtendWith(ApplicationExtension.class)
class OpenServerDialogTest {

    @TempDir
    Path temp;

    private Stage stage;
    private OpenServerDialog dialog;

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

    @Test
    void recentServersAreKeptNewestFirstWithoutPasswords() throws Exception {
        Path file = temp.resolve("window.properties");
        WindowSettings settings = WindowSettings.load(file);
        RecentServers recent = new RecentServers(settings);
        recent.opened(ServerAddress.parse("postgresql://ana@db.example.org:5432/incidents"));
        recent.opened(ServerAddress.parse("postgresql://bek@127.0.0.1:5433/test"));
        recent.opened(ServerAddress.parse("postgresql://ana@db.example.org/incidents"));
        settings.save();
        assertEquals(List.of("postgresql://ana@db.example.org:5432/incidents", "postgresql://bek@127.0.0.1:5433/test"),
                new RecentServers(WindowSettings.load(file)).all());
        assertFalse(Files.readString(file).contains(":secret"), "no password is ever written");
    }

    @Test
    void anAddressWithAPasswordIsRefusedInTheDialogAndAGoodOneGiven(FxRobot robot) {
        robot.interact(() -> {
            dialog = new OpenServerDialog(stage, List.of("postgresql://ana@db.example.org:5432/incidents"), Texts.ENGLISH);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> address = robot.lookup("#server-address").queryAs(ComboBox.class);
        assertEquals("postgresql://ana@db.example.org:5432/incidents", address.getEditor().getText());
        robot.interact(() -> address.getEditor().setText("postgresql://ana:secret@db.example.org/incidents"));
        robot.clickOn(robot.lookup(".button").match(b -> "OK".equals(((javafx.scene.control.Button) b).getText()))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "the dialog stays open");
        String problem = robot.lookup("#server-problem").queryAs(Label.class).getText();
        assertTrue(problem.contains("~/.pgpass") && !problem.contains("secret"), problem);
        assertNull(dialog.getResult());
        robot.interact(() -> address.getEditor().setText("postgresql://bek@127.0.0.1:5433/test"));
        robot.clickOn(robot.lookup(".button").match(b -> "OK".equals(((javafx.scene.control.Button) b).getText()))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new ServerAddress("bek", "127.0.0.1", 5433, "test"), dialog.getResult());
    }
}
