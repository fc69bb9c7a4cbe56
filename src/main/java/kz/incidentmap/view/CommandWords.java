package kz.incidentmap.view;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.i18n.Texts;

/**
 * An edit's name (as Undo, Redo and the status bar give it) in the window's language. The edits name
 * themselves in English, with the record's title in quotes; the title is kept, the words around it
 * are the bundle's. A name of another shape is shown as it is.
 */
final class CommandWords {

    private record Shape(Pattern pattern, String key) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("Add '(.*)'", Pattern.DOTALL), "command.add"),
            new Shape(Pattern.compile("Edit '(.*)'", Pattern.DOTALL), "command.edit"),
            new Shape(Pattern.compile("Delete '(.*)'", Pattern.DOTALL), "command.delete"),
            new Shape(Pattern.compile("Merge '(.*)' into '(.*)'", Pattern.DOTALL), "command.merge"),
            new Shape(Pattern.compile("Import (.*) \\((\\d+) added, (\\d+) updated\\)", Pattern.DOTALL), "command.import"));

    private CommandWords() {
    }

    static String of(String label, Texts texts) {
        if (label == null || label.isEmpty()) {
            return label;
        }
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(label);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int g = 0; g < parts.length; g++) {
                    parts[g] = m.group(g + 1);
                }
                return texts.format(s.key(), parts);
            }
        }
        return label;
    }
}
