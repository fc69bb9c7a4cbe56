package kz.incidentmap.filter;

import java.util.regex.Pattern;

/**
 * How an oblast's name is compared: in Latin spelling, ignoring case, punctuation and the words that
 * say what kind of area it is, so that "Zhambyl", "Zhambyl Region", "zhambyl oblast" and "Жамбыл облысы"
 * are one name.
 */
final class Oblasts {

    private static final Pattern KIND = Pattern.compile("\\b(region|oblast|oblysy|province|city|qalasy|gorod)\\b");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Oblasts() {
    }

    /** The name as compared; "" for none. */
    static String key(String name) {
        String latin = FilterText.latin(FilterText.normal(name));
        return NOT_LETTERS.matcher(KIND.matcher(latin).replaceAll(" ")).replaceAll("");
    }
}
