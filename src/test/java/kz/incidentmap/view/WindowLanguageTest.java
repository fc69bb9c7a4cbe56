package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
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
 * The window in Russian says nothing in English: every text a person reads in the main window and in
 * the export dialog and the incident form (labels, buttons, menus with their submenus, tooltips, column
 * headers, prompts, tabs, folds, choices, titles and the names a screen reader reads) is either Russian
 * or the user's own data (incident titles, places, sources: the shipped records are English). The map
 * itself and the rows of the table and lists are data and are not read. The language menu keeps the
 * choice for the next start.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLanguageTest {

    @TempDir
    static Path temp;

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    private TestWindow ui;
    private MapWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ui = TestWindow.show(stage, temp, 1300, 860, Texts.of(UiLanguage.RU));
        stage.setTitle(Texts.of(UiLanguage.RU).text("app.title")); // as MapApplication titles the window
        window = ui.window();
    }

    @AfterEach
    void closeStore() {
        ui.close();
    }

    /** Latin words the Russian bundle itself uses (file types, key names, Taraz) and the languages' own names. */
    private static Set<String> allowedWords() throws IOException {
        Properties ru = new Properties();
        try (InputStream in = WindowLanguageTest.class.getResourceAsStream("/kz/incidentmap/i18n/messages_ru.properties")) {
            ru.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> words = new HashSet<>();
        for (String v : ru.stringPropertyNames()) {
            Matcher m = LATIN_WORD.matcher(ru.getProperty(v));
            while (m.find()) {
                words.add(m.group());
            }
        }
        for (UiLanguage l : UiLanguage.values()) {
            words.add(l.nativeName());
        }
        return words;
    }

    /** What the store holds and the window shows as it is: the user's data, in whatever language it was written. */
    private List<String> data(IncidentStore store) throws Exception {
        List<String> out = new ArrayList<>();
        for (Incident i : store.all()) {
            out.add(i.id());
            out.add(i.title());
            out.add(i.place());
            out.add(i.oblast());
            out.add(i.description());
            out.add(i.perpetrator());
            out.add(i.claimedBy());
            out.add(i.eventGroup());
            out.addAll(i.tags());
            for (Source s : i.sources()) {
                out.addAll(List.of(s.key(), String.valueOf(s.title()), String.valueOf(s.publisher()),
                        String.valueOf(s.url()), String.valueOf(s.language())));
            }
            for (Claim c : i.claims()) {
                out.add(c.note());
            }
        }
        for (kz.incidentmap.model.IncidentEvent e : store.events()) {
            out.add(e.id());
            out.add(e.title());
            out.add(e.title().replaceFirst("^(?i)the ", "")); // "Step 3 of 5 of the …" drops its article
        }
        // A street layer is named by where its streets came from ("Улицы · Taraz centre").
        for (MapLayer l : window.viewModel().mapProperty().get().model().layers()) {
            int dot = l.title().indexOf(" \u00b7 ");
            if (dot > 0) {
                out.add(l.title().substring(dot + 3));
            }
        }
        out.removeIf(s -> s == null || s.isBlank() || "null".equals(s));
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }

    private static void collect(Node node, List<String> into) {
        if (node instanceof MapCanvas || node instanceof ImageView || node instanceof TableCell<?, ?>
                || node instanceof ListCell<?>) {
            return; // the map and the rows of data
        }
        if (!node.isVisible()) {
            return; // nobody reads it, such as the close button of a tab that cannot be closed
        }
        add(into, node.getAccessibleText());
        if (node instanceof Labeled l) {
            add(into, l.getText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            add(into, c.getTooltip().getText());
        }
        if (node instanceof TextInputControl t) {
            add(into, t.getPromptText());
        }
        if (node instanceof MenuButton m) {
            m.getItems().forEach(i -> collect(i, into));
        }
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                add(into, t.getText());
            }
        }
        if (node instanceof TableView<?> table) {
            for (TableColumn<?, ?> c : table.getColumns()) {
                add(into, c.getText());
            }
            if (table.getPlaceholder() != null) {
                collect(table.getPlaceholder(), into);
            }
        }
        if (node instanceof ComboBox<?> box) {
            choices(box.getItems(), box.getConverter(), into);
        }
        if (node instanceof ChoiceBox<?> box) {
            choices(box.getItems(), box.getConverter(), into);
        }
        if (node instanceof TitledPane pane && pane.getContent() != null) {
            collect(pane.getContent(), into); // a folded pane's content is out of the scene graph's children
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choices(List items, StringConverter converter, List<String> into) {
        for (Object item : items) {
            add(into, converter == null ? String.valueOf(item) : converter.toString(item));
        }
    }

    private static void collect(MenuItem item, List<String> into) {
        add(into, item.getText());
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> collect(i, into));
        }
    }

    private static void add(List<String> into, String text) {
        if (text != null && !text.isBlank()) {
            into.add(text);
        }
    }

    /** The texts of {@code shown} with a Latin word that is neither data nor a word the Russian bundle uses. */
    static List<String> english(List<String> shown, List<String> data, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String text : shown) {
            String rest = text;
            for (String d : data) {
                rest = rest.replaceAll("(?<![A-Za-z])" + Pattern.quote(d) + "(?![A-Za-z])", " ");
            }
            Matcher m = LATIN_WORD.matcher(rest);
            while (m.find()) {
                if (!allowed.contains(m.group())) {
                    out.add(text);
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void theWindowAndItsDialogsSpeakRussian(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        IncidentStore store = window.edits().store().orElseThrow();
        Incident first = store.all().get(0);
        robot.interact(() -> {
            window.filterPane().setExpanded(true);
            window.viewModel().select(List.of(new Hit(IncidentLayer.NAME, IncidentLayer.TITLE, first.id(), 0,
                    java.util.Map.of(), first)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".source-claims").queryAll().forEach(n -> ((TitledPane) n).setExpanded(true)));
        robot.interact(() -> window.exportActions().open());
        Platform.runLater(() -> window.edits().add(window.getScene().getWindow(), 71.38, 42.9));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#form-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = new ArrayList<>();
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof Stage s) {
                    add(shown, s.getTitle());
                }
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), shown);
                }
            }
        });
        List<String> data = data(store);
        assertTrue(shown.size() > 150, "the window, the export dialog and the form were read: " + shown.size());
        assertTrue(shown.contains("Слои"), "the layers panel");
        assertTrue(shown.contains("Экспорт карты"), "the export dialog");
        assertTrue(shown.contains("Новый инцидент"), "the form");
        assertTrue(shown.contains("Источники"), "the details pane");
        assertEquals(List.of(), english(shown, data, allowedWords()), "text in the window not from the Russian bundle");
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != window.getScene().getWindow()).toList()
                .forEach(Window::hide));
    }

    @Test
    void theCheckFindsEnglishBesideRussian() throws IOException {
        Set<String> allowed = allowedWords();
        List<String> data = List.of("Explosion in Taraz market");
        assertEquals(List.of("Слои Layers"), english(List.of("Слои Layers", "Экспорт PDF"), data, allowed));
        assertEquals(List.of(), english(List.of("Инцидент: Explosion in Taraz market"), data, allowed),
                "the user's own data is not the window's words");
        assertEquals(List.of("Cancel"), english(List.of("Отмена", "Cancel"), data, allowed));
    }

    @Test
    void theLanguageMenuKeepsTheChoiceForTheNextStart(FxRobot robot) throws Exception {
        ui.awaitLoaded();
        robot.clickOn("#language");
        robot.clickOn("#language-kk");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("kk", WindowSettings.load(ui.settings().file()).get(WindowLanguage.KEY).orElse(""),
                "kept in the settings file at once");
        assertEquals(UiLanguage.KK, WindowLanguage.chosen(ui.settings()));
        String said = window.viewModel().messageProperty().get();
        assertTrue(said.startsWith("«Қазақша» тілі"), "told in the language chosen: " + said);
        assertFalse(window.lookupAll(".label").isEmpty());
        assertEquals("Слои", ((Labeled) window.lookup("#show-layers")).getText(), "the window keeps its words until the next start");
    }
}
