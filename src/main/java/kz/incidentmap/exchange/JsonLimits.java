package kz.incidentmap.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Says in a user's words what the JSON parser found: which of its limits a file broke (arrays and
 * objects nested too deeply, a number, a text or a name too long), or what is malformed. The parser's
 * own messages name its settings and our classes, which mean nothing to someone importing a file.
 */
final class JsonLimits {

    private JsonLimits() {
    }

    /** What {@code e} found, given the limits the parser ran with. */
    static String describe(StreamConstraintsException e, StreamReadConstraints limits) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("NestingDepth")) {
            return String.format(Locale.ROOT, "nested too deeply (arrays and objects more than %,d levels deep)",
                    limits.getMaxNestingDepth());
        } else if (m.contains("NumberLength")) {
            return String.format(Locale.ROOT, "a number too long (more than %,d characters)",
                    limits.getMaxNumberLength());
        } else if (m.contains("StringLength")) {
            return String.format(Locale.ROOT, "a text too long (more than %,d characters)",
                    limits.getMaxStringLength());
        } else if (m.contains("NameLength")) {
            return String.format(Locale.ROOT, "a property name too long (more than %,d characters)",
                    limits.getMaxNameLength());
        }
        // A limit added in a later version: its message, without the settings class it names.
        return "too large for this reader: " + m.replaceFirst(", from `StreamReadConstraints.*$", ")");
    }

    /**
     * The parser's message on one line without its internals: a place it quotes ("[Source: …; line: 3,
     * column: 7]") as "line 3, column 7", no class names; an unknown field with the fields it knows.
     */
    static String plain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return m.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(" ?\\((?:class|through reference chain:) [^)]*\\)", "")
                .replaceAll("`[\\w.$]+`", "").strip();
    }
}
