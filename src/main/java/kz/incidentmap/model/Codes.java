package kz.incidentmap.model;

import java.util.Arrays;
import java.util.Locale;

/** The lower-case codes the model's enums are stored under in files and the database. */
final class Codes {

    private Codes() {
    }

    /** {@code suicide_bombing} for {@code SUICIDE_BOMBING}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant with this code (ignoring case and surrounding blanks); an unknown code is an error
     * naming {@code what} was looked up and listing the known codes.
     */
    static <E extends Enum<E>> E lookUp(Class<E> type, String what, String code) {
        String wanted = code == null ? "" : code.trim();
        E[] constants = type.getEnumConstants();
        for (E e : constants) {
            if (of(e).equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + code + "' (known: "
                + String.join(", ", Arrays.stream(constants).map(Codes::of).toList()) + ")");
    }
}
