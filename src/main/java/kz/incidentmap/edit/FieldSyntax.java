package kz.incidentmap.edit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text forms {@link IncidentValidator} accepts, read without regular expressions or the general
 * date-time parser for the forms our own files use ({@code 2024-05-01}, {@code 2024-05-01T12:00:00.000Z}):
 * an import checks a million of each. Any other text goes to {@link LocalDate#parse} or
 * {@link Instant#parse}, so what is accepted, what it means and the exception a bad value gives are
 * exactly theirs.
 */
final class FieldSyntax {

    private FieldSyntax() {
    }

    /** 8-4-4-4-12 hexadecimal digits (either case), as {@code [0-9a-fA-F]{8}-…-[0-9a-fA-F]{12}}. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** A language code as {@code [a-z]{2,3}(-[A-Za-z0-9]{2,8})?}. */
    static boolean isLanguage(String s) {
        int n = s.length();
        int letters = 0;
        while (letters < n && s.charAt(letters) >= 'a' && s.charAt(letters) <= 'z') {
            letters++;
        }
        if (letters < 2 || letters > 3) {
            return false;
        }
        if (letters == n) {
            return true;
        }
        if (s.charAt(letters) != '-') {
            return false;
        }
        int rest = n - letters - 1;
        if (rest < 2 || rest > 8) {
            return false;
        }
        for (int i = letters + 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** An optional sign and one or more decimal digits, of any length. */
    static boolean isWholeNumber(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@link LocalDate#parse(CharSequence)}, quicker for {@code yyyy-MM-dd}. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    // Not a day of the calendar: the parser says so in its own words below.
                }
            }
        }
        return LocalDate.parse(s);
    }

    /**
     * {@link Instant#parse(CharSequence)}, quicker for {@code yyyy-MM-ddTHH:mm:ssZ} and
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} with a second below 60 (a leap second goes to the parser).
     */
    static Instant instant(String s) {
        int n = s.length();
        if ((n == 20 || n == 24) && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z'
                && (n == 20 || s.charAt(19) == '.')) {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            int h = digits(s, 11, 13);
            int mi = digits(s, 14, 16);
            int sec = digits(s, 17, 19);
            int milli = n == 24 ? digits(s, 20, 23) : 0;
            if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60
                    && milli >= 0) {
                try {
                    return LocalDateTime.of(y, mo, d, h, mi, sec, milli * 1_000_000).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // Not a day of the calendar: the parser says so in its own words below.
                }
            }
        }
        return Instant.parse(s);
    }

    /** The decimal number in s[from, to), or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
