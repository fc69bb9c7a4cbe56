package kz.incidentmap.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lower-case codes the model's enums are stored under in files and the database. Each enum's codes
 * are made once: an import or a bulk write asks for them millions of times.
 */
final class Codes {

    /** Per enum: its codes by ordinal. */
    private static final ClassValue<String[]> CODES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
        }
    };

    /** Per enum: its constants by code. */
    private static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byCode = new HashMap<>();
            for (Object e : type.getEnumConstants()) {
                byCode.put(CODES.get(type)[((Enum<?>) e).ordinal()], e);
            }
            return Map.copyOf(byCode);
        }
    };

    private Codes() {
    }

    /** {@code suicide_bombing} for {@code SUICIDE_BOMBING}. */
    static String of(Enum<?> constant) {
        return CODES.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    /**
     * The constant with this code (ignoring case and surrounding blanks); an unknown code is an error
     * naming {@code what} was looked up and listing the known codes.
     */
    static <E extends Enum<E>> E lookUp(Class<E> type, String what, String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        Object found = BY_CODE.get(type).get(wanted);
        if (found == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + code + "' (known: "
                    + String.join(", ", CODES.get(type)) + ")");
        }
        return type.cast(found);
    }
}
