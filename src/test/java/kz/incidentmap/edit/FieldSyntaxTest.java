package kz.incidentmap.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The quick readers accept, mean and refuse exactly what the general ones do. */
class FieldSyntaxTest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    @Test
    void datesAsLocalDateParseReadsThem() {
        List<String> samples = List.of("2024-05-01", "2024-02-29", "2023-02-29", "2023-02-30", "2023-13-01",
                "2023-00-10", "2023-04-31", "0000-01-01", "9999-12-31", "2024-5-01", "2024/05/01", "２０２４-05-01",
                "2024-05-01x", "+2024-05-01", "-0001-01-01", "+10000-01-01", "20240501", "", "2024-05-0a");
        for (String s : samples) {
            assertEquals(outcome(() -> LocalDate.parse(s)), outcome(() -> FieldSyntax.date(s)), s);
        }
        Random random = new Random(1);
        for (int k = 0; k < 20_000; k++) {
            String s = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
            assertEquals(outcome(() -> LocalDate.parse(s)), outcome(() -> FieldSyntax.date(s)), s);
        }
    }

    @Test
    void timestampsAsInstantParseReadsThem() {
        List<String> samples = List.of("2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00Z", "2024-05-01T23:59:60Z",
                "2024-05-01T24:00:00Z", "2024-02-30T10:00:00Z", "2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00.123456Z",
                "2024-05-01T12:00Z", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00+01:00", "2024-05-01T12:60:00Z",
                "2024-05-01T12:00:00.000z", "0000-01-01T00:00:00Z", "2024-05-01T1a:00:00Z", "");
        for (String s : samples) {
            assertEquals(outcome(() -> Instant.parse(s)), outcome(() -> FieldSyntax.instant(s)), s);
        }
        Random random = new Random(2);
        for (int k = 0; k < 20_000; k++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), random.nextInt(1000));
            assertEquals(outcome(() -> Instant.parse(s)), outcome(() -> FieldSyntax.instant(s)), s);
        }
    }

    @Test
    void idsAndLanguagesAsTheirPatternsMatchThem() {
        List<String> ids = List.of("6f1c2e9a-0b7d-4a53-9c1e-2f8b7d6a5c41", "6F1C2E9A-0B7D-4A53-9C1E-2F8B7D6A5C41",
                "6f1c2e9a-0b7d-4a53-9c1e-2f8b7d6a5c4", "6f1c2e9a-0b7d-4a53-9c1e-2f8b7d6a5c4g", "6f1c2e9a0b7d-4a53-9c1e-2f8b7d6a5c41-",
                "", "not-a-uuid", "6f1c2e9a-0b7d-4a53-9c1e_2f8b7d6a5c41");
        for (String s : ids) {
            assertEquals(UUID_TEXT.matcher(s).matches(), FieldSyntax.isUuid(s), s);
        }
        List<String> languages = List.of("en", "ru", "kk", "kaz", "e", "engl", "EN", "en-US", "en-", "en-u",
                "zh-Hant", "zh-Hant123", "zh-Hant1234", "en_US", "", "sr-Latn-RS", "en-9a");
        for (String s : languages) {
            assertEquals(LANGUAGE.matcher(s).matches(), FieldSyntax.isLanguage(s), s);
        }
    }

    /** The value, or the exception's class and message. */
    private static String outcome(Callable<?> parse) {
        try {
            return String.valueOf(parse.call());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
