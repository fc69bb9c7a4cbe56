package kz.incidentmap.tools;

import java.util.List;
import java.util.Map;

/**
 * Writes a romanised Kazakh place name back in Cyrillic, for the few towns no source gives in Cyrillic.
 * Two readings: the Russian one undoes the BGN/PCGN romanisation of Russian ("Dzhalagash" → "Джалагаш",
 * "Maloye" → "Малое"); the Kazakh one reads the letters that only Kazakh has, in the 2021 Latin alphabet
 * and in BGN/PCGN's spelling ("Qarağandı", "Taldyqorghan" → "Қарағанды", "Талдықорған"). The result is a
 * best reading, not a source: the names file marks every such name as transliterated.
 */
final class PlaceTransliteration {

    /** Letter groups first (longest first), then single letters; upper case is handled by the caller. */
    private static final List<Map.Entry<String, String>> RUSSIAN = List.of(
            Map.entry("shch", "щ"), Map.entry("dzh", "дж"), Map.entry("kh", "х"), Map.entry("ts", "ц"),
            Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("zh", "ж"), Map.entry("yu", "ю"),
            Map.entry("ya", "я"), Map.entry("ye", "е"), Map.entry("yo", "ё"), Map.entry("gh", "г"),
            Map.entry("q", "к"), Map.entry("’", "ь"), Map.entry("'", "ь"), Map.entry("ī", "и"),
            Map.entry("ū", "у"), Map.entry("ä", "а"), Map.entry("ö", "о"), Map.entry("ü", "у"));

    private static final List<Map.Entry<String, String>> KAZAKH = List.of(
            Map.entry("shch", "щ"), Map.entry("gh", "ғ"), Map.entry("kh", "х"), Map.entry("ts", "ц"),
            Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("zh", "ж"), Map.entry("yu", "ю"),
            Map.entry("ya", "я"), Map.entry("q", "қ"), Map.entry("ğ", "ғ"), Map.entry("ñ", "ң"),
            Map.entry("ä", "ә"), Map.entry("ö", "ө"), Map.entry("ü", "ү"), Map.entry("ū", "у"),
            Map.entry("ı", "ы"), Map.entry("i", "і"), Map.entry("ī", "и"), Map.entry("j", "ж"),
            Map.entry("ş", "ш"), Map.entry("h", "һ"), Map.entry("’", "ь"));

    private static final Map<Character, Character> PLAIN = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('b', 'б'), Map.entry('v', 'в'), Map.entry('g', 'г'),
            Map.entry('d', 'д'), Map.entry('e', 'е'), Map.entry('z', 'з'), Map.entry('i', 'и'),
            Map.entry('k', 'к'), Map.entry('l', 'л'), Map.entry('m', 'м'), Map.entry('n', 'н'),
            Map.entry('o', 'о'), Map.entry('p', 'п'), Map.entry('r', 'р'), Map.entry('s', 'с'),
            Map.entry('t', 'т'), Map.entry('u', 'у'), Map.entry('f', 'ф'), Map.entry('c', 'к'),
            Map.entry('w', 'у'), Map.entry('h', 'х'));

    private static final String VOWELS = "аеиоуыэюяёәөұүі";

    private PlaceTransliteration() {
    }

    /** The Russian reading of a BGN/PCGN romanisation. */
    static String russian(String latin) {
        return convert(latin, RUSSIAN);
    }

    /** The Kazakh reading of a Kazakh Latin (2021) or BGN/PCGN romanisation. */
    static String kazakh(String latin) {
        return convert(latin, KAZAKH);
    }

    private static String convert(String latin, List<Map.Entry<String, String>> groups) {
        StringBuilder out = new StringBuilder();
        String lower = latin.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            boolean upper = Character.isUpperCase(latin.charAt(i));
            String piece = null;
            int used = 1;
            for (Map.Entry<String, String> g : groups) {
                if (lower.startsWith(g.getKey(), i)) {
                    piece = g.getValue();
                    used = g.getKey().length();
                    break;
                }
            }
            char c = lower.charAt(i);
            if (piece == null && c == 'y') {
                // y is a vowel (ы) between consonants, a glide (й) after a vowel.
                piece = out.length() > 0 && VOWELS.indexOf(Character.toLowerCase(out.charAt(out.length() - 1))) >= 0
                        ? "й" : "ы";
            }
            if (piece == null) {
                Character plain = PLAIN.get(c);
                piece = plain == null ? String.valueOf(c) : String.valueOf(plain);
            }
            out.append(upper && !piece.isEmpty() ? Character.toUpperCase(piece.charAt(0)) + piece.substring(1) : piece);
            i += used;
        }
        return out.toString();
    }
}
