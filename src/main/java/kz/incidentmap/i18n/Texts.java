package kz.incidentmap.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;

/**
 * The words of the window and of exported pages in one language, from the bundles
 * {@code kz/incidentmap/i18n/messages*.properties}, with dates and numbers written the way that
 * language writes them. Immutable: the chosen one is handed to whatever shows text.
 */
public final class Texts {

    private static final String BUNDLE = "kz.incidentmap.i18n.messages";
    /** English dates as people write them in the app's English text ("12 Nov 2011"). */
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** The base language, for callers that were given none (after the constants it is made from). */
    public static final Texts ENGLISH = of(UiLanguage.EN);

    private final UiLanguage language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;

    private Texts(UiLanguage language) {
        this.language = language;
        // No fallback to the machine's own locale: a Kazakh bundle missing a key falls back to English only.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = language == UiLanguage.EN ? ENGLISH_DATE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
    }

    public static Texts of(UiLanguage language) {
        return language == UiLanguage.EN && ENGLISH != null ? ENGLISH : new Texts(language);
    }

    public UiLanguage language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The text of {@code key}; a key no bundle has is an error of the program, shown as the key itself. */
    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Whether some bundle of this language (or English under it) has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The pattern of {@code key} filled in with {@code args} ({@link MessageFormat}, numbers as the language writes them). */
    public String format(String key, Object... args) {
        return new MessageFormat(text(key), locale()).format(args);
    }

    /** A whole number with the language's grouping: 1,000,000 or 1 000 000. */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** A number with at most {@code decimals} decimals and the language's decimal sign. */
    public String number(double n, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(decimals);
        return f.format(n);
    }

    /** A day for people to read: 12 Nov 2011, 12 нояб. 2011 г., 2011 ж. 12 қар. */
    public String date(LocalDate day) {
        return day.format(date);
    }

    /** A pattern of {@link DateTimeFormatter} in this language ("MMM yyyy" gives нояб. 2011). */
    public DateTimeFormatter datePattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, locale());
    }

    public String typeName(IncidentType type) {
        return text("type." + type.code());
    }

    /** A built-in sub-type's name in this language; one the user added keeps the name the user gave it. */
    public String subTypeName(IncidentSubType sub) {
        return sub.builtIn() && has("subtype." + sub.code()) ? text("subtype." + sub.code()) : sub.label();
    }

    public String precisionName(LocationPrecision p) {
        return text("location." + p.code());
    }

    public String precisionName(DatePrecision p) {
        return text("date." + p.code());
    }
}
