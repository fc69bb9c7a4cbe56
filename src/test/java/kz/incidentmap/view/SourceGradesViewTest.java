package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
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
 * Grades and kept copies in the window, headless: the form sets a source's grade and a claim's
 * credibility (and names a grade off the scale), the details pane shows them and the figures of the
 * graded sources under a minimum grade, the filter panel sets that grade, and a kept copy is listed
 * with its SHA-256 and opened, or said to be damaged.
 */
@ExtendWith(ApplicationExtension.class)
class SourceGradesViewTest {

    @TempDir
    static Path temp;

    private TestWindow ui;
    private MapWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1200, 760);
        window = ui.window();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    private List<Incident> stored() throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(ui.store())) {
            return s.all();
        }
    }

    private static Hit hit(Incident i) {
        return new Hit(IncidentLayer.NAME, IncidentLayer.TITLE, i.id(), 0, Map.of(), i);
    }

    private static List<String> texts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.lookup(".incident-details").queryAllAs(TitledPane.class).forEach(p -> {
            robot.from(p.getContent()).lookup(".label").queryAllAs(Label.class).forEach(l -> out.add(l.getText()));
        });
        return out;
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(value));
    }

    /** The Taraz record with two sources: the paper (B) says 5 killed, credibility 2; the blog (D) says 7. */
    private static Incident graded() {
        Source paper = new Source("paper", "A report", "A paper", null, null, "en", Reliability.B);
        Source blog = new Source("blog", "A post", "A blog", null, null, "en", Reliability.D);
        return new Incident("00000000-0000-4000-8000-000000000002", "Shooting", IncidentType.ARMED_ATTACK,
                LocalDate.of(2011, 11, 12), DatePrecision.DAY, "Taraz", "Zhambyl", 71.36667, 42.9,
                LocationPrecision.CITY, null, null, "What happened.", null, List.of(paper, blog),
                List.of(new Claim("paper", 5, null, null, null, Credibility.PROBABLY_TRUE),
                        new Claim("blog", 7, 3, null, null)));
    }

    @Test
    void theDetailsPaneShowsGradesCredibilityAndTheGradedFigures(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident i = graded();
        robot.interact(() -> window.viewModel().select(List.of(hit(i))));
        robot.interact(() -> robot.lookup(".source-claims").queryAs(TitledPane.class).setExpanded(true));
        List<String> shown = texts(robot);
        assertTrue(shown.contains("\u2022 A report \u2014 A paper (B)"), shown.toString());
        assertTrue(shown.contains("  graded B, usually reliable"), shown.toString());
        assertTrue(shown.contains("A paper (B) says: 5 killed, credibility 2"), shown.toString());
        assertTrue(shown.contains("A blog (D) says: 7 killed, 3 wounded"), shown.toString());
        assertTrue(shown.contains("Killed: 5\u20137    Wounded: 3"), shown.toString());
        assertTrue(shown.stream().noneMatch(t -> t.startsWith("By sources graded")), "no grade asked for: " + shown);

        // The panel's choice sets the filter, and the pane then gives the figures of the graded sources.
        ComboBox<?> grade = robot.lookup("#filter-min-grade").queryAs(ComboBox.class);
        robot.interact(() -> grade.getSelectionModel().select(2));
        assertEquals(Reliability.B, window.viewModel().filter().minGrade());
        shown = texts(robot);
        assertTrue(shown.contains("By sources graded B or better: killed 5, wounded unknown"), shown.toString());
        robot.interact(() -> window.viewModel().setFilter(IncidentFilter.builder().minGrade(Reliability.A).build(),
                ui.workers()));
        assertEquals(1, grade.getSelectionModel().getSelectedIndex(), "the panel follows the filter");
    }

    @Test
    void theFormSetsGradeAndCredibilityAndNamesAGradeOffTheScale(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident taraz = stored().stream().filter(i -> i.title().equals("Taraz: car hijacking and pursuit"))
                .findFirst().orElseThrow();
        robot.interact(() -> window.viewModel().select(List.of(hit(taraz))));
        robot.clickOn(robot.lookup(".entry-edit").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        assertEquals("", robot.lookup("#form-sources-0-reliability").queryTextInputControl().getText(), "not graded");
        set(robot, "#form-sources-0-reliability", "G");
        Label error = robot.lookup("#form-sources-0-reliability-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("grade 'G' is not one of A\u2013F", error.getText());
        set(robot, "#form-sources-0-credibility", "9");
        assertEquals("credibility '9' is not one of 1\u20136",
                robot.lookup("#form-sources-0-credibility-error").queryAs(Label.class).getText());
        set(robot, "#form-sources-0-reliability", "b");
        set(robot, "#form-sources-0-credibility", "2");
        assertTrue(!error.isVisible());
        robot.clickOn("#form-save");
        String key = taraz.sources().get(0).key();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored().stream().filter(i -> i.id().equals(taraz.id()))
                .findFirst().orElseThrow().sources().get(0).reliability() == Reliability.B);
        Incident saved = stored().stream().filter(i -> i.id().equals(taraz.id())).findFirst().orElseThrow();
        assertEquals(Reliability.B, saved.sources().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow().reliability());
        assertEquals(Credibility.PROBABLY_TRUE, saved.claims().get(0).credibility());
    }

    @Test
    void aKeptCopyIsListedWithItsChecksumOpenedAndToldWhenDamaged(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        Incident taraz = stored().stream().filter(i -> i.sources().stream()
                .anyMatch(s -> s.key().equals("blog-2011-11-12"))).findFirst().orElseThrow();
        IncidentStore store = window.edits().store().orElseThrow();
        String sha = store.keepCopy("blog-2011-11-12", "post.txt", "text/plain; charset=utf-8",
                "Two blocks from the market".getBytes(java.nio.charset.StandardCharsets.UTF_8)).sha256();
        robot.interact(() -> window.viewModel().select(List.of(hit(taraz))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".copy-open").tryQuery().isPresent());
        Hyperlink open = robot.lookup(".copy-open").queryAs(Hyperlink.class);
        assertEquals("Kept copy: post.txt", open.getText());
        String about = robot.lookup(".copy-about").queryAs(Label.class).getText();
        assertTrue(about.contains("SHA-256 " + sha) && about.contains("saved "), about);
        assertTrue(robot.lookup(".copy-keep").tryQuery().isPresent(), "Keep a copy… is offered");

        robot.clickOn(open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#copy-text").tryQuery().isPresent());
        assertEquals("Two blocks from the market", robot.lookup("#copy-text").queryAs(TextArea.class).getText());
        robot.interact(() -> robot.lookup("#copy-text").queryAs(TextArea.class).getScene().getWindow().hide());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ui.store()); Statement s = c.createStatement()) {
            s.execute("UPDATE source_copies SET bytes = CAST('Three blocks' AS BLOB)");
        }
        robot.interact(() -> window.viewModel().messageProperty().set(""));
        robot.clickOn(open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.viewModel().messageProperty().get().contains("is damaged"));
        assertTrue(window.viewModel().messageProperty().get().contains("the copy post.txt of source 'blog-2011-11-12'"
                + " is damaged"), window.viewModel().messageProperty().get());
    }
}
