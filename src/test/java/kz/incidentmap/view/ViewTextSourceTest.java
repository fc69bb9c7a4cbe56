package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words of the window are written in its source: a string literal with a Latin word, handed to a
 * control's text, tooltip, prompt, title, header or accessible name, or to the status bar, fails; and
 * so does any literal that reads as an English phrase (two words or more), unless it is one of the few
 * below that people never read.
 */
class ViewTextSourceTest {

    private static final Path VIEW = Path.of("src/main/java/kz/incidentmap/view");

    /** Where text goes to people: the literal handed to any of these is looked at. */
    private static final Pattern SINK = Pattern.compile("(?:\\b(?:setText|setTitle|setHeaderText|setContentText"
            + "|setPromptText|setAccessibleText|setAccessibleHelp|hint|updateMessage|accept)"
            + "|messageProperty\\(\\)\\.set|\\bnew (?:Label|Button|ToggleButton|CheckBox|RadioButton|RadioMenuItem"
            + "|CheckMenuItem|MenuItem|Menu|MenuButton|Tooltip|Tab|TitledPane|Hyperlink|ButtonType|Alert"
            + "|TableColumn<[^>]*>|FileChooser\\.ExtensionFilter))\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PHRASE = Pattern.compile("[A-Za-z]{2,}[ ,:;.?!]+[A-Za-z]{2,}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    /** Literals no one reads in the window, with why. */
    private static final Map<String, String> NOT_READ = Map.ofEntries(
            Map.entry("choices are picked, not typed", "a programming error's message: the choice box is not editable"),
            Map.entry("the list is not edited", "a programming error's message: the list is not editable"),
            Map.entry("Kazakhstan Incident Map: the window as it was last closed", "the comment at the top of the settings file"),
            Map.entry("Could not save the window's settings to ", "written to the log of a failed save; the window frames it"),
            Map.entry("url.dll,FileProtocolHandler", "the Windows command that opens a file or an address"),
            Map.entry("CSV", "a file type's own name"),
            Map.entry("KML", "a file type's own name"),
            Map.entry("GeoJSON", "a file type's own name"),
            Map.entry("PDF", "a file type's own name"),
            Map.entry("OpenStreetMap", "a file type's own name"),
            Map.entry("postgresql://user@host:5432/incidents", "an example of a server's address, in no language"));
    /** A date pattern (yyyy-MM-dd HH:mm, LLLL yyyy) is no phrase. */
    private static final Pattern DATE_PATTERN = Pattern.compile("[yMdLHms :\\-.']+");

    /** The source without its comments; a // or /* inside a string ("https://…") is no comment. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The literals of {@code source} that break the rule, each with its line. */
    static List<String> offences(String name, String source) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher sink = SINK.matcher(code);
        while (sink.find()) {
            String literal = sink.group(1);
            String text = literal.substring(1, literal.length() - 1);
            if (LATIN_WORD.matcher(text).find() && !NOT_READ.containsKey(text)) {
                found.add(name + ": " + literal + " handed to the window");
            }
        }
        Matcher lit = LITERAL.matcher(code);
        while (lit.find()) {
            String text = lit.group(1);
            boolean key = text.matches("[a-zA-Z_.\\-]+") || text.matches("[a-z][a-zA-Z]*(\\.[a-zA-Z_]+)+");
            // A pattern that reads a lower layer's English (CommandWords, ProblemWords) is matched, never shown.
            boolean pattern = code.substring(Math.max(0, lit.start() - 17), lit.start()).matches(".*(shape|Pattern\\.compile)\\($");
            if (!key && !pattern && PHRASE.matcher(text).find() && !NOT_READ.containsKey(text) && !text.startsWith("-fx-")
                    && !DATE_PATTERN.matcher(text).matches()) {
                found.add(name + ": \"" + text + "\" reads as an English phrase");
            }
        }
        return found;
    }

    @Test
    void theWindowsSourceHoldsNoWordsOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(VIEW)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(offences(f.getFileName().toString(), Files.readString(f)));
            }
        }
        assertEquals(List.of(), found, "put these words in kz/incidentmap/i18n/messages*.properties");
    }

    @Test
    void theScanFindsWordsWrittenInTheSource() {
        // The check above can fail: each of these would.
        assertFalse(offences("A.java", "b.setTooltip(new Tooltip(\"Zoom in\"));").isEmpty());
        assertFalse(offences("A.java", "Button b = new Button(\"Export\");").isEmpty());
        assertFalse(offences("A.java", "vm.messageProperty().set(\"Cannot export: \" + why);").isEmpty());
        assertFalse(offences("A.java", "String s = \"Drawing the preview\";").isEmpty());
        assertFalse(offences("A.java", "col = new TableColumn<>(\"Date\");").isEmpty());
        assertFalse(offences("A.java", "setText(\"Legend\");").isEmpty(), "a control's own setter");
        // What is not text for people passes.
        assertTrue(offences("A.java", "b.setId(\"export-ok\"); b.setText(texts.text(\"toolbar.export\"));"
                + " // a comment with Some Words").isEmpty());
        assertTrue(offences("A.java", "l.setStyle(\"-fx-font-weight: bold;\"); settings.get(\"export.title\");").isEmpty());
        assertTrue(offences("A.java", "Pattern u = Pattern.compile(\"https://example.org\");\nb.setText(texts.text(\"x.y\"));")
                .isEmpty(),
                "an address in a string is no comment");
        assertTrue(offences("A.java", "shape(\"'(.*)' is not a number\", \"problem.notNumber\")").isEmpty(),
                "a pattern that reads the checks' English");
    }
}
