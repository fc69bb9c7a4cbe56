package kz.incidentmap.tools;

import java.util.Locale;

/** Latin letters spelt in Cyrillic, letter by letter (digraphs first): for made-up reports in Russian spelling. */
final class LatinToCyrillic {

    private static final String[][] LETTERS = {
        {"shch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"}, {"yu", "ю"}, {"ya", "я"},
        {"a", "а"}, {"b", "б"}, {"c", "к"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "х"}, {"i", "и"},
        {"j", "дж"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"q", "к"}, {"r", "р"},
        {"s", "с"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"w", "в"}, {"x", "кс"}, {"y", "ы"}, {"z", "з"}};

    private LatinToCyrillic() {
    }

    static String spell(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            boolean matched = false;
            for (String[] l : LETTERS) {
                if (lower.startsWith(l[0], i)) {
                    out.append(l[1]);
                    i += l[0].length();
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                out.append(lower.charAt(i++));
            }
        }
        return out.toString();
    }
}
