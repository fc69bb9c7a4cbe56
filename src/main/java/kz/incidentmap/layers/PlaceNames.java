package kz.incidentmap.layers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises place names so that a search matches however the user types them: any case, with or
 * without diacritics, in Latin or in Cyrillic (Russian and Kazakh letters are transliterated the way
 * Kazakh place names are usually romanised: "Тараз" → "taraz", "Шымкент" → "shymkent"). The letters of
 * the Kazakh Latin alphabet of 2021 that stand for sounds English spells otherwise are read as that
 * romanisation spells them (q as k, j as zh, ş as sh, ı as i), so "Öskemen", "Oskemen" and "Өскемен", or
 * "Jambyl" and "Жамбыл", are one name; the other accented letters (ä ğ ñ ö ū ü) lose their accent.
 */
public final class PlaceNames {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('ә', "a"), Map.entry('б', "b"), Map.entry('в', "v"),
            Map.entry('г', "g"), Map.entry('ғ', "g"), Map.entry('д', "d"), Map.entry('е', "e"),
            Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('қ', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('ң', "n"), Map.entry('о', "o"),
            Map.entry('ө', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"),
            Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ұ', "u"), Map.entry('ү', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('һ', "h"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('і', "i"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "yu"), Map.entry('я', "ya"));

    /** Kazakh Latin letters (2021 alphabet) whose usual romanisation is another letter. */
    private static final Map<Character, String> KAZAKH_LATIN = Map.of(
            'q', "k", 'j', "zh", 'ş', "sh", 'ç', "ch", 'ı', "i");

    private PlaceNames() {
    }

    /** Lower case, Latin letters and digits only, one space between words. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (char ch : lower.toCharArray()) {
            String t = CYRILLIC.get(ch);
            if (t == null) {
                t = KAZAKH_LATIN.get(ch);
            }
            latin.append(t != null ? t : String.valueOf(ch));
        }
        String stripped = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** Edit distance, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
