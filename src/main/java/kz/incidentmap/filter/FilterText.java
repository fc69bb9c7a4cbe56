package kz.incidentmap.filter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text as a filter compares it: NFKC, lower case (root locale), ё as е; and its Latin spelling, by a
 * simple Russian and Kazakh table, so that "Тараз" finds "Taraz" and "taraz" finds "Тараз". The
 * table is one-way (Cyrillic to Latin): both sides of a comparison are spelt in Latin, which needs no
 * guess at how a Latin word was meant to be written in Cyrillic.
 */
final class FilterText {

    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"),
            Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "yu"), Map.entry('я', "ya"),
            // Kazakh letters beyond the Russian alphabet
            Map.entry('ә', "a"), Map.entry('ғ', "gh"), Map.entry('қ', "q"), Map.entry('ң', "ng"), Map.entry('ө', "o"),
            Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('һ', "h"), Map.entry('і', "i"));

    private FilterText() {
    }

    /** NFKC, lower case, ё → е; "" for null. */
    static String normal(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** {@link #normal} text with its Cyrillic letters spelt in Latin; other characters kept. */
    static String latin(String normal) {
        StringBuilder out = null;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            String l = c >= 'а' && c <= 'ӿ' ? LATIN.get(c) : null;
            if (l != null && out == null) {
                out = new StringBuilder(normal.length() + 8).append(normal, 0, i);
            }
            if (out != null) {
                out.append(l != null ? l : String.valueOf(c));
            }
        }
        return out == null ? normal : out.toString();
    }

    /** A query, ready to be looked for with {@link #in}. */
    record Query(String asWritten, String inLatin) {
        static Query of(String text) {
            String n = FilterText.normal(text).strip();
            return new Query(n, FilterText.latin(n));
        }

        /** Whether {@code text} holds the query, as written or in Latin spelling. */
        boolean in(String text) {
            String n = FilterText.normal(text);
            return n.contains(asWritten) || FilterText.latin(n).contains(inLatin);
        }
    }
}
