package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import kz.incidentmap.cli.Cli;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.ExportFormat;
import kz.incidentmap.render.ExportRequest;
import kz.incidentmap.render.PageSize;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven as a user would, headless (Monocle): search, click a marker, export. */
@ExtendWith(ApplicationExtension.class)
class MapWindowTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;
    private Workers workers;
    private Path store;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1100, 700);
        window = ui.window();
        workers = ui.workers();
        store = ui.store();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private void awaitLoaded() throws Exception {
        ui.awaitLoaded();
    }

    @Test
    void searchingTarazZoomsThereInAnyScript(FxRobot robot) throws Exception {
        awaitLoaded();
        for (String name : new String[] {"Taraz", "\u0442\u0430\u0440\u0430\u0437", "TARAZ"}) {
            robot.clickOn("#home");
            robot.clickOn("#search").eraseText(20).write(name).type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            Viewport vp = window.viewModel().viewportProperty().get();
            Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
            assertEquals(50_000, vp.scaleDenominator(), 1, name);
            assertEquals(taraz.x, vp.centerX(), 1, name);
            assertEquals(taraz.y, vp.centerY(), 1, name);
            assertEquals("", robot.lookup("#search-error").queryAs(Label.class).getText());
        }
    }

    @Test
    void aTypedPositionIsShownAtStreetScale(FxRobot robot) throws Exception {
        awaitLoaded();
        for (String typed : new String[] {"42.8970, 71.3670", "71.3670E 42.8970N", "42,897 71,367"}) {
            robot.clickOn("#home");
            robot.clickOn("#search").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write(typed)
                    .type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            Viewport vp = window.viewModel().viewportProperty().get();
            Coordinate market = MapProjection.kazakhstan().toMap(71.3670, 42.8970);
            assertEquals(MapViewModel.POSITION_SCALE, vp.scaleDenominator(), 1, typed + " typed as '"
                    + robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText() + "': "
                    + robot.lookup("#search-error").queryAs(Label.class).getText());
            assertEquals(market.x, vp.centerX(), 1, typed);
            assertEquals(market.y, vp.centerY(), 1, typed);
            assertEquals("", robot.lookup("#search-error").queryAs(Label.class).getText(), typed);
        }
    }

    @Test
    void anUnknownCityIsSaidAndTheViewStays(FxRobot robot) throws Exception {
        awaitLoaded();
        Viewport before = window.viewModel().viewportProperty().get();
        robot.clickOn("#search").write("Atlantis").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#search-error").queryAs(Label.class).getText().contains("Unknown place 'Atlantis'"));
        assertEquals(before, window.viewModel().viewportProperty().get());
    }

    private void clickMap(FxRobot robot, double lon, double lat) {
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
        Point2D at = vp.toScreen(c.x, c.y);
        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getMinX() + at.getX(), canvas.getMinY() + at.getY());
    }

    @Test
    void clickingAClusterZoomsInAndThenAMarkerShowsTheIncident(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("Taraz").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // At the city view the seven Taraz incidents are one cluster on the city.
        clickMap(robot, 71.36667, 42.9);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().selectionProperty().get().size() == 7);
        Viewport zoomed = window.viewModel().viewportProperty().get();
        assertTrue(zoomed.scaleDenominator() <= 20_000, "zoomed in until the cluster splits: 1:" + zoomed.scaleDenominator());
        clickMap(robot, 71.3670, 42.8970);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().selectionProperty().get().stream()
                .filter(h -> h.layer().equals("incidents")).count() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane first = robot.lookup(".incident-details").queryAs(TitledPane.class);
        assertTrue(first.getText().toLowerCase().contains("blast"), first.getText());
        assertTrue(robot.lookup(".incident-details .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Sources")), "the sources are shown");

        Bounds canvas = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        robot.clickOn(canvas.getMinX() + 40, canvas.getMinY() + 40);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#details-hint").tryQuery().isPresent());
        assertTrue(robot.lookup(".incident-details").queryAll().isEmpty());
    }

    private static final ZonedDateTime EXPORTED = ZonedDateTime.parse("2026-11-22T18:00Z");

    private ExportDialog.Request pngRequest(Path out) {
        Viewport vp = window.viewModel().viewportProperty().get();
        return new ExportDialog.Request(out, new ExportRequest(ExportFormat.PNG, PageSize.A4, false, 96,
                ExportRequest.DEFAULT_MARGIN_MM, "Taraz", "Central market", vp.bounds(), EXPORTED));
    }

    @Test
    void exportWritesTheAskedPage(FxRobot robot) throws Exception {
        awaitLoaded();
        Path out = temp.resolve("export-" + System.nanoTime() + ".png");
        robot.interact(() -> window.export(pngRequest(out)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1123, img.getWidth(), "A4 landscape at 96 dpi");
        assertEquals(794, img.getHeight());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.viewModel().messageProperty().get().startsWith("Exported"));
    }

    /** The app's export of the Taraz view and the command line's snapshot of Taraz are the same file. */
    @Test
    void theAppAndTheCommandLineExportTheSamePicture(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("Taraz").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport vp = window.viewModel().viewportProperty().get();
        Path app = temp.resolve("app-" + System.nanoTime() + ".png");
        robot.interact(() -> window.export(pngRequest(app)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.viewModel().messageProperty().get().startsWith("Exported"));
        Path cli = temp.resolve("cli-" + System.nanoTime() + ".png");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"snapshot", "--page", "A4", "--db", store.toString(), "--city", "Taraz",
                "--width", Integer.toString(vp.width()), "--height", Integer.toString(vp.height()),
                "--title", "Taraz", "--subtitle", "Central market", "--dpi", "96", "--exported-at", EXPORTED.toString(),
                "--out", cli.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(app), "app and command line differ");
    }

    @Test
    void theExportDialogShowsAPreviewOfThePage(FxRobot robot) throws Exception {
        awaitLoaded();
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> dialog[0] = new ExportDialog(window.getScene().getWindow(),
                window.viewModel().mapProperty().get().model(), window.viewModel().viewportProperty().get().bounds(),
                workers, ui.settings(), temp.resolve("p.pdf"), (r, failed, done) -> { }, ExportDialog.PageFilter.NONE));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> dialog[0].getDialogPane().lookup("#export-preview") instanceof ImageView v && v.getImage() != null);
        ImageView preview = (ImageView) dialog[0].getDialogPane().lookup("#export-preview");
        assertEquals(297.0 / 210, preview.getImage().getWidth() / preview.getImage().getHeight(), 0.02,
                "the preview has the page's shape");
        ExportRequest r = dialog[0].request();
        assertEquals(ExportFormat.PDF, r.format(), "format from the file name");
        assertEquals(window.viewModel().viewportProperty().get().bounds(), r.extent());
    }

    @Test
    void exportToAMissingFolderSaysSoAndWritesNothing(FxRobot robot) throws Exception {
        awaitLoaded();
        Path out = temp.resolve("no-such-folder").resolve("x.png");
        robot.interact(() -> window.export(pngRequest(out)));
        assertTrue(window.viewModel().messageProperty().get().contains("does not exist"));
        assertFalse(Files.exists(out));
    }

    private MapLayer layer(String name) {
        return window.viewModel().mapProperty().get().model().layer(name).orElseThrow();
    }

    @Test
    void theLayersPanelShowsHidesFadesMovesAndRestylesLayers(FxRobot robot) throws Exception {
        awaitLoaded();
        assertTrue(robot.lookup("#layers-panel .image-view").queryAll().size() >= 5, "a legend symbol per layer");
        robot.clickOn("#layer-visible-cities");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(layer("cities").visible());
        robot.clickOn("#layer-visible-heatmap");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(layer("heatmap").visible(), "the heat map can be switched on");
        robot.interact(() -> robot.lookup("#layer-opacity-oblasts").queryAs(Slider.class).setValue(0.3));
        assertEquals(0.3, layer("oblasts").opacity(), 1e-9);
        robot.clickOn("#layer-down-incidents");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> order = window.viewModel().mapProperty().get().model().layers().stream().map(MapLayer::name).toList();
        assertEquals("heatmap", order.get(order.size() - 1), "incidents moved under the heat map: " + order);
        robot.interact(() -> robot.lookup("#incident-styling").queryAs(ChoiceBox.class).setValue(IncidentStyling.BY_CASUALTIES));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> layer("incidents").style().featureTypeStyles().get(0)
                .rules().get(0).getDescription().getTitle().toString().equals("No casualties reported"));
        robot.clickOn("#incident-clusters");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LayerPresentation.FEATURES, layer("incidents").presentation());
    }

    @Test
    void aMapExportRedactedByGrid25SaysSoAndShowsAWiderViewAroundACellsCentre(FxRobot robot) throws Exception {
        awaitLoaded();
        Path out = temp.resolve("shared-" + System.nanoTime() + ".png");
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> {
            dialog[0] = window.exportActions().dialog(window.viewModel().mapProperty().get(),
                    window.viewModel().viewportProperty().get(), out);
            dialog[0].show();
        });
        @SuppressWarnings("unchecked")
        ChoiceBox<kz.incidentmap.redact.RedactionProfile> choice = robot.lookup("#redaction-choice").queryAs(ChoiceBox.class);
        assertEquals(null, choice.getValue(), "nothing is redacted unless asked");
        assertTrue(choice.getItems().containsAll(kz.incidentmap.redact.RedactionProfile.BUILT_IN), choice.getItems().toString());
        assertFalse(dialog[0].request().redacted());
        robot.interact(() -> choice.setValue(kz.incidentmap.redact.RedactionProfile.GRID25));
        assertTrue(robot.lookup("#redaction-words").queryLabeled().getText().startsWith("Profile grid25: positions to"));
        var request = dialog[0].request();
        assertTrue(request.redaction().startsWith("Redacted: grid25 ("), request.redaction());
        assertTrue(request.extent().getWidth() >= 100_000 && request.extent().getHeight() >= 100_000,
                "at least four 25 km cells each way: " + request.extent());
        robot.interact(() -> robot.lookup("#export-file").queryTextInputControl().setText(out.toString()));
        robot.clickOn("#export-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialog[0].isShowing());
        String bytes = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("iTXtDescription") && bytes.contains("Redacted: grid25 ("), "the PNG says how it was redacted");
    }

    @Test
    void aFailedExportKeepsTheDialogOpenWithTheReasonAtTheFileAndItsFieldsAreRemembered(FxRobot robot) throws Exception {
        awaitLoaded();
        Path notAFolder = Files.writeString(temp.resolve("plain-" + System.nanoTime() + ".txt"), "x");
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> {
            dialog[0] = window.exportActions().dialog(window.viewModel().mapProperty().get(),
                    window.viewModel().viewportProperty().get(), notAFolder.resolve("map.png"));
            dialog[0].show();
        });
        robot.clickOn("#export-title").eraseText(60).write("Taraz market");
        robot.interact(() -> robot.lookup("#export-page").queryAs(ChoiceBox.class).setValue(PageSize.A3));
        robot.clickOn("#export-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog[0].isShowing(), "the dialog stays open");
        assertTrue(dialog[0].fileError().getText().contains("does not exist"), dialog[0].fileError().getText());
        assertEquals("Taraz market", robot.lookup("#export-title").queryTextInputControl().getText(), "nothing typed is lost");

        Path out = temp.resolve("market-" + System.nanoTime() + ".png");
        robot.interact(() -> robot.lookup("#export-file").queryTextInputControl().setText(out.toString()));
        assertEquals("", dialog[0].fileError().getText(), "the message goes with the change");
        robot.clickOn("#export-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialog[0].isShowing());
        assertTrue(Files.exists(out));

        // The next export, in this run or the next, starts from what was filled in.
        WindowSettings again = WindowSettings.load(ui.settings().file());
        robot.interact(() -> {
            dialog[0] = new ExportDialog(window.getScene().getWindow(), window.viewModel().mapProperty().get().model(),
                    window.viewModel().viewportProperty().get().bounds(), workers, again, Path.of("/nowhere/kz.png"),
                    (r, failed, done) -> { }, ExportDialog.PageFilter.NONE);
        });
        ExportRequest r = dialog[0].request();
        assertEquals("Taraz market", r.title());
        assertEquals(PageSize.A3, r.page());
        assertEquals(ExportFormat.PNG, r.format());
        assertEquals(temp.toAbsolutePath(), Path.of(((javafx.scene.control.TextField) dialog[0].getDialogPane()
                .lookup("#export-file")).getText()).getParent(), "the folder of the last export");
    }

    @Test
    void searchGoesToTheOblastNamedAndOnlyOffersNearNames(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("Zhambyl").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport vp = window.viewModel().viewportProperty().get();
        Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
        assertTrue(vp.bounds().contains(taraz.x, taraz.y), "the oblast's view holds Taraz");
        assertTrue(vp.scaleDenominator() > 1_000_000, "the whole oblast: 1:" + vp.scaleDenominator());

        robot.clickOn("#search").eraseText(10).write("Tarazz").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vp, window.viewModel().viewportProperty().get(), "a near miss moves nothing");
        javafx.scene.control.ContextMenu offered = ((SearchBar) robot.lookup("#search").query().getParent()).suggestions();
        assertTrue(offered.isShowing());
        assertEquals("Taraz, Zhambyl Region \u00b7 358,153 people", offered.getItems().get(0).getText());
        robot.clickOn("Taraz, Zhambyl Region \u00b7 358,153 people");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(taraz.x, window.viewModel().viewportProperty().get().centerX(), 1, "picked: now it moves");
        assertEquals("Taraz", robot.lookup("#search").queryTextInputControl().getText(), "the field names the place shown");
        assertEquals("", robot.lookup("#search-error").queryLabeled().getText());
    }

    @Test
    void searchByAFormerNameGoesToThePlaceAndSaysWhichNameMatched(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("Nur-Sultan").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Coordinate astana = MapProjection.kazakhstan().toMap(71.44598, 51.1801);
        assertEquals(astana.x, window.viewModel().viewportProperty().get().centerX(), 1);
        assertEquals(astana.y, window.viewModel().viewportProperty().get().centerY(), 1);
        assertEquals("Nur-Sultan \u2014 the name of Astana from 23 Mar 2019 to 17 Sep 2022",
                robot.lookup("#search-matched").queryLabeled().getText());
        assertEquals("", robot.lookup("#search-error").queryLabeled().getText());

        robot.interact(() -> robot.lookup("#search").queryTextInputControl().clear());
        robot.clickOn("#search").write("Zhambyl").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu offered = ((SearchBar) robot.lookup("#search").query().getParent()).suggestions();
        assertTrue(offered.isShowing(), "a name of two places offers both");
        assertEquals("Zhambyl Region", offered.getItems().get(0).getText());
        assertTrue(offered.getItems().stream().anyMatch(i -> i.getText().equals(
                "Taraz \u00b7 city in Zhambyl Region \u00b7 358,153 people \u2014 Zhambyl \u2014 a former name of Taraz (1993\u20131997)")));
        assertTrue(window.viewModel().viewportProperty().get().scaleDenominator() > 1_000_000, "the oblast is shown meanwhile");
        assertTrue(window.viewModel().messageProperty().get().startsWith("'Zhambyl' names "),
                window.viewModel().messageProperty().get());
    }
}
