package kz.incidentmap.exchange;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/**
 * Says in a user's words which of the JSON parser's limits a file broke: arrays and objects nested
 * too deeply, a number, a text or a name too long. The parser's own message names its settings
 * class, which means nothing to someone importing a file.
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
}
