package kz.incidentmap.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import org.junit.jupiter.api.Test;

/**
 * The bundles are complete in every language: the same keys, no empty value, the same placeholders,
 * and every pattern one that {@link MessageFormat} reads and fills in whole.
 */
class I18nBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    static Properties bundle(UiLanguage language) throws IOException {
        String name = "/kz/incidentmap/i18n/messages" + (language == UiLanguage.EN ? "" : "_" + language.code())
                + ".properties";
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyLanguageHasEveryKeyAndNoOther() throws IOException {
        Properties en = bundle(UiLanguage.EN);
        assertTrue(en.size() > 300, "the English bundle holds the window's words");
        for (UiLanguage l : List.of(UiLanguage.RU, UiLanguage.KK)) {
            Properties other = bundle(l);
            Set<String> missing = new TreeSet<>(en.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(en.stringPropertyNames());
            assertEquals(Set.of(), missing, "keys missing in " + l);
            assertEquals(Set.of(), extra, "keys in " + l + " that English has not");
        }
    }

    @Test
    void noValueIsEmptyAndThePlaceholdersAreTheSame() throws IOException {
        Properties en = bundle(UiLanguage.EN);
        List<String> wrong = new ArrayList<>();
        for (UiLanguage l : UiLanguage.values()) {
            Properties p = bundle(l);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.isBlank()) {
                    wrong.add(l + " " + key + ": empty");
                }
                if (!placeholders(value).equals(placeholders(en.getProperty(key, "")))) {
                    wrong.add(l + " " + key + ": placeholders " + placeholders(value) + ", English has "
                            + placeholders(en.getProperty(key, "")));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPatternFillsInWhole() throws IOException {
        // A lone quote in a pattern swallows the placeholders after it; a broken choice throws.
        List<String> wrong = new ArrayList<>();
        for (UiLanguage l : UiLanguage.values()) {
            Properties p = bundle(l);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (placeholders(value).isEmpty()) {
                    continue;
                }
                Object[] args = {2, 16, 3, "X"};
                try {
                    String out = new MessageFormat(value, l.locale()).format(args);
                    if (out.contains("{") || out.contains("}")) {
                        wrong.add(l + " " + key + ": " + out);
                    }
                } catch (IllegalArgumentException e) {
                    wrong.add(l + " " + key + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aBundleThatLacksAKeyWouldFail() {
        // The check above compares key sets; a key only one side has is reported.
        Properties en = new Properties();
        en.setProperty("a", "A {0}");
        Properties ru = new Properties();
        ru.setProperty("a", "Б");
        assertFalse(placeholders(en.getProperty("a")).equals(placeholders(ru.getProperty("a"))));
    }

    @Test
    void textsSpeakTheLanguageAndNameTheModelsValues() {
        Texts ru = Texts.of(UiLanguage.RU);
        Texts kk = Texts.of(UiLanguage.KK);
        assertEquals("Слои", ru.text("layers.title"));
        assertEquals("Қабаттар", kk.text("layers.title"));
        assertEquals("Layers", Texts.ENGLISH.text("layers.title"));
        assertEquals("Взрыв", ru.typeName(IncidentType.EXPLOSION));
        assertEquals("Граната", ru.subTypeName(IncidentSubType.GRENADE));
        IncidentSubType mine = IncidentSubType.added(40, IncidentType.EXPLOSION, "Car bomb", null, null);
        assertEquals("Car bomb", ru.subTypeName(mine), "a sub-type the user added keeps its name");
        for (IncidentType t : IncidentType.values()) {
            assertTrue(ru.has("type." + t.code()) && kk.has("type." + t.code()), t.code());
        }
        for (IncidentSubType s : IncidentSubType.BUILT_IN) {
            assertTrue(ru.has("subtype." + s.code()), s.code());
        }
    }

    @Test
    void datesAndNumbersAreWrittenForTheLanguage() {
        Texts ru = Texts.of(UiLanguage.RU);
        assertEquals("12 нояб. 2011 г.", ru.date(LocalDate.of(2011, 11, 12)));
        assertEquals("12 Nov 2011", Texts.ENGLISH.date(LocalDate.of(2011, 11, 12)));
        assertEquals("1,000,000", Texts.ENGLISH.number(1_000_000));
        // Russian groups thousands with a (no-break) space.
        assertEquals("1 000 000", ru.number(1_000_000).replace('\u00a0', ' ').replace('\u202f', ' '));
        assertEquals("Инцидентов: 1 234", ru.format("status.incidents", 1234).replace('\u00a0', ' ')
                .replace('\u202f', ' '));
    }

    @Test
    void aLanguageIsChosenByItsCode() {
        assertEquals(UiLanguage.KK, UiLanguage.ofCode(" KK ").orElseThrow());
        assertTrue(UiLanguage.ofCode("de").isEmpty());
        assertEquals("Қазақша", UiLanguage.KK.nativeName());
    }
}
