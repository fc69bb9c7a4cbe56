package kz.incidentmap.dedupe;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the finder compares of an incident's words: title, place and description folded to lower-case
 * Latin letters and digits (Cyrillic transliterated, so that "Тараз" and "Taraz" meet; accents and
 * punctuation dropped), cut into the three-letter pieces of each word. Trigrams rather than whole words,
 * because transliterations differ in a letter here and there ("Aktobe", "Aqtöbe", "Актобе").
 */
final class TextKey {

    /** Russian and Kazakh Cyrillic letters in a plain Latin spelling, by letter. */
    private static final java.util.Map<Character, String> CYRILLIC = letters(new String[][] {
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
        {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
        {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
        {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
        {"я", "ya"}, {"ә", "a"}, {"ғ", "g"}, {"қ", "k"}, {"ң", "n"}, {"ө", "o"}, {"ұ", "u"}, {"ү", "u"},
        {"һ", "h"}, {"і", "i"}});

    /** Words every report uses, in English and Russian (after transliteration): they say nothing of the event. */
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("a", "an", "the", "of", "in", "on", "at",
            "by", "to", "and", "or", "near", "was", "were", "is", "are", "with", "from", "for", "as", "it", "its",
            "v", "na", "i", "s", "po", "u", "k", "o", "ot", "za", "iz", "pod", "pri", "bylo", "byl", "byli");

    private final int[] trigrams;

    private TextKey(int[] trigrams) {
        this.trigrams = trigrams;
    }

    /** The key of these texts (nulls are skipped). */
    static TextKey of(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            if (t != null) {
                all.append(' ').append(t);
            }
        }
        return new TextKey(trigrams(normalise(all.toString())));
    }

    /** Lower case, Latin letters, digits and single spaces only. */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            latin.append(c >= '\u0400' && c <= '\u04ff' ? transliterate(c) : String.valueOf(c));
        }
        // Accents go with the marks NFD splits off: "ö" becomes "o".
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
                space = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && !space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    private static String transliterate(char c) {
        return CYRILLIC.getOrDefault(c, " ");
    }

    private static java.util.Map<Character, String> letters(String[][] pairs) {
        java.util.Map<Character, String> m = new java.util.HashMap<>();
        for (String[] p : pairs) {
            m.put(p[0].charAt(0), p[1]);
        }
        return java.util.Map.copyOf(m);
    }

    /** The distinct trigrams of each word padded with a space either side, as sorted hash codes. */
    private static int[] trigrams(String normalised) {
        if (normalised.isEmpty()) {
            return new int[0];
        }
        String[] words = normalised.split(" ");
        int[] grams = new int[normalised.length() + 2 * words.length];
        int n = 0;
        for (String w : words) {
            if (STOP_WORDS.contains(w)) {
                continue;
            }
            String padded = " " + w + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams[n++] = padded.substring(i, i + 3).hashCode();
            }
        }
        int[] sorted = Arrays.copyOf(grams, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** Jaccard similarity of the two trigram sets, 0..1; 0 when either is empty. */
    double similarity(TextKey other) {
        int[] a = trigrams;
        int[] b = other.trigrams;
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
