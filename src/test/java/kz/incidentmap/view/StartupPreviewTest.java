package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The low-detail map a starting window shows where and as its map will be, until the window is built. */
@ExtendWith(ApplicationExtension.class)
class StartupPreviewTest {

    private static IncidentIndex index;
    @TempDir
    Path temp;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception {
        LoadedMap map = TestMaps.load(TestMaps.sampleIncidents());
        index = IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow()).orElseThrow().index();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WindowSettings settings() {
        return WindowSettings.load(temp.resolve("window.properties"));
    }

    @Test
    void theMapsPlaceIsTheOneRememberedElseANewWindowsOne() {
        WindowSettings s = settings();
        double[] first = StartupPreview.area(s);
        assertEquals(4, first.length);
        assertTrue(first[0] > 100 && first[2] > 400 && first[3] > 300, "beside the panes, under the toolbars");
        StartupPreview.remember(s, new BoundingBox(12.4, 30, 900.6, 640));
        s.save();
        assertArrayEquals(new double[] {12, 30, 901, 640}, StartupPreview.area(WindowSettings.load(s.file())));
        s.put("map.width", 0);
        assertArrayEquals(first, StartupPreview.area(s), "a map of no width is not remembered");
    }

    @Test
    void itIsDrawnAtTheViewRemembered() throws Exception {
        WindowSettings s = settings();
        Coordinate market = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
        s.put("view.x", market.x);
        s.put("view.y", market.y);
        s.put("view.scale", 200_000);
        double[] area = {0, 0, 400, 300};
        BufferedImage at = StartupPreview.draw(area, s, TestMaps.MAPS, IncidentIndexLoad.reading(() -> index));
        assertEquals(400, at.getWidth());
        assertTrue(red(at.getRGB(200, 150)), "the blast at the market in the middle of the view");
        s.put("layer." + IncidentLayer.NAME + ".visible", "false");
        BufferedImage hidden = StartupPreview.draw(area, s, TestMaps.MAPS, IncidentIndexLoad.reading(() -> {
            throw new IOException("not read when the incidents are hidden");
        }));
        assertFalse(red(hidden.getRGB(200, 150)), "the incidents hidden, as the window will show them");
        // Without a remembered view: the whole country, as a new window opens.
        BufferedImage country = StartupPreview.draw(area, settings(), TestMaps.MAPS, IncidentIndexLoad.reading(() -> index));
        Viewport home = Viewport.fitting(TestMaps.load(List.of()).home(), 400, 300, 20);
        Coordinate steppe = MapProjection.kazakhstan().toMap(TestMaps.STEPPE_LON, TestMaps.STEPPE_LAT);
        Point2D p = home.toScreen(steppe.x, steppe.y);
        assertEquals(new Color(0xF7F2E4).getRGB(), country.getRGB((int) p.getX(), (int) p.getY()));
    }

    @Test
    void theWindowIsBuiltOnceThePreviewIsShown(FxRobot robot) throws Exception {
        List<String> happened = new ArrayList<>();
        CountDownLatch built = new CountDownLatch(1);
        try (Workers workers = new Workers()) {
            StartupPreview preview = StartupPreview.start(workers, settings(), TestMaps.MAPS,
                    IncidentIndexLoad.reading(() -> index));
            robot.interact(() -> {
                stage.setScene(preview.scene(1100, 700));
                stage.show();
                preview.showThen(() -> happened.add("on screen"), () -> {
                    happened.add("built");
                    built.countDown();
                });
            });
            assertTrue(built.await(20, TimeUnit.SECONDS));
        }
        assertEquals(List.of("on screen", "built"), happened);
        Node shown = robot.lookup("#startup-preview").query();
        assertNotNull(((ImageView) shown).getImage());
        double[] area = StartupPreview.area(settings());
        assertEquals(area[0], shown.getLayoutX());
        assertEquals(area[1], shown.getLayoutY());
        Scene scene = stage.getScene();
        assertNotNull(scene.getUserAgentStylesheet(), "the preview's scene has its own, empty, sheet");
    }

    @Test
    void aServersPreviewSaysWhatIsOpeningUnderTheMapAndDrawsTheCountriesWithoutACopy(FxRobot robot) throws Exception {
        CountDownLatch built = new CountDownLatch(1);
        StartupPreview shown;
        try (Workers workers = new Workers()) {
            StartupPreview preview = StartupPreview.start(workers, settings(), TestMaps.MAPS,
                    IncidentIndexLoad.cachedCopy(temp.resolve("no-copy.gpkg")), "Opening the record on ana@db:5432/kim…");
            shown = preview;
            robot.interact(() -> {
                stage.setScene(preview.scene(1100, 700));
                stage.show();
                preview.showThen(() -> { }, built::countDown);
            });
            assertTrue(built.await(20, TimeUnit.SECONDS));
        }
        assertNotNull(((ImageView) robot.lookup("#startup-preview").query()).getImage(), "the countries, drawn");
        javafx.scene.text.Text note = robot.lookup("#startup-note").query();
        assertEquals("Opening the record on ana@db:5432/kim…", note.getText());
        double[] area = StartupPreview.area(settings());
        assertTrue(note.getLayoutY() >= area[1] + area[3], "under the map, not over it");
        shown.say("First opening of ana@db:5432/kim: writing the local copy of about 300,000 incidents…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("First opening of ana@db:5432/kim: writing the local copy of about 300,000 incidents…",
                note.getText(), "the note says each step as it comes");
    }

    @Test
    void aPreviewThatFailsLeavesTheWindowToBeBuilt(FxRobot robot) throws Exception {
        List<String> happened = new ArrayList<>();
        CountDownLatch built = new CountDownLatch(1);
        try (Workers workers = new Workers()) {
            StartupPreview preview = StartupPreview.start(workers, settings(), temp.resolve("no-maps"),
                    IncidentIndexLoad.reading(() -> index));
            robot.interact(() -> {
                stage.setScene(preview.scene(800, 600));
                stage.show();
                preview.showThen(() -> happened.add("on screen"), () -> {
                    happened.add("built");
                    built.countDown();
                });
            });
            assertTrue(built.await(20, TimeUnit.SECONDS));
        }
        assertEquals(List.of("built"), happened);
        assertNull(robot.lookup("#startup-preview").tryQuery().orElse(null));
    }

    @Test
    void javaFxTellsWhenItDrewAFrame(FxRobot robot) throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(10, 10);
        boolean[] asked = new boolean[1];
        robot.interact(() -> {
            stage.setScene(new Scene(new javafx.scene.Group(r), 200, 100));
            stage.show();
            asked[0] = RenderedFrames.after(stage.getScene(), drawn::countDown);
            r.setWidth(20);
        });
        assertTrue(asked[0], "JavaFX on the class path lets its tracker be asked");
        assertTrue(drawn.await(10, TimeUnit.SECONDS), "the changed scene was drawn and said so");
        robot.interact(() -> RenderedFrames.stop(stage.getScene()));
    }

    private static boolean red(int argb) {
        Color c = new Color(argb);
        return c.getRed() > 150 && c.getGreen() < 90 && c.getBlue() < 90;
    }
}
