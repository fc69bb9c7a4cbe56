package kz.incidentmap.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the window and the exported pages speak; English is the base every other falls back to. */
public enum UiLanguage {
    EN("en", "English"), RU("ru", "Русский"), KK("kk", "Қазақша");

    private final String code;
    private final String nativeName;

    UiLanguage(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
    }

    /** The ISO 639-1 code, as {@code --lang} and the window's settings spell it. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as the language menu lists it. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of an ISO 639-1 code, any case, or empty. */
    public static Optional<UiLanguage> ofCode(String code) {
        for (UiLanguage l : values()) {
            if (l.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
