package kz.incidentmap.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import kz.incidentmap.layers.PlaceNames;

/**
 * Writes {@code maps/place-languages.csv}: the Russian and the Kazakh name of each city of
 * {@code maps/cities.geojson}, in Cyrillic, for map labels in those languages, each with where it came
 * from:
 * <ul>
 * <li>{@code curated}: the Cyrillic name of {@code maps/place-names.csv};</li>
 * <li>{@code geonames}: GeoNames' preferred name in that language, as Debian's {@code libgeonames-common}
 *     packages it ({@code /usr/share/locale/ru|kk/LC_MESSAGES/geonames.mo}, keyed by GeoNames id);</li>
 * <li>{@code alternate}: a Cyrillic alternate name of {@code maps/alternate-names.csv}, one with a letter
 *     only Kazakh has (ә ғ қ ң ө ұ ү һ і) for Kazakh, one without for Russian, the one spelt like the map's
 *     name first;</li>
 * <li>{@code transliterated}: GeoNames' Latin name read back into Cyrillic ({@link PlaceTransliteration});</li>
 * <li>{@code as-russian}: the Kazakh name where nothing tells it from the Russian one (most names are
 *     spelt alike: Тараз, Семей, Атырау).</li>
 * </ul>
 *
 * <p>Usage: {@code PlaceLanguages <locale folder of libgeonames-common> <maps folder>}
 */
public final class PlaceLanguages {

    static final String HEADER = "geonames_id,name_ru,name_kk,ru_from,kk_from";
    private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*");
    private static final Pattern KAZAKH_LETTER = Pattern.compile(".*[әғқңөұүһіӘҒҚҢӨҰҮҺІ].*");
    private static final Pattern KAZAKH_ROMANISED = Pattern.compile("(?i)[qğäöüūıñ]|gh");

    private PlaceLanguages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlaceLanguages <locale folder of libgeonames-common> <maps folder>");
            System.exit(2);
        }
        Path locale = Path.of(args[0]);
        Path maps = Path.of(args[1]);
        Map<String, String> ru = MoCatalog.read(locale.resolve("ru/LC_MESSAGES/geonames.mo"));
        Map<String, String> kk = MoCatalog.read(locale.resolve("kk/LC_MESSAGES/geonames.mo"));
        Map<String, List<String>> cyrillicAlternates = cyrillicAlternates(maps.resolve("alternate-names.csv"));
        Map<String, String[]> current = currentNames(maps.resolve("place-names.csv"));
        try (Writer out = Files.newBufferedWriter(maps.resolve("place-languages.csv"), StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (GeoJsonFeature f : GeoJsonFeatures.read(maps.resolve("cities.geojson"))) {
                if (!(f.properties().get("geonames_id") instanceof Number n)) {
                    continue;
                }
                String id = String.valueOf(n.longValue());
                String[] curated = current.get(id);
                String name = curated == null ? f.string("name") : curated[0];
                List<String> alternates = cyrillicAlternates.getOrDefault(id, List.of());
                // A place renamed since GeoNames' data (Nur-Sultan is Astana again) has stale catalogue names.
                boolean renamed = !PlaceNames.key(name).equals(PlaceNames.key(f.string("name")));
                Named r = curated != null && !curated[1].isEmpty() ? new Named(curated[1], "curated")
                        : russian(name, ru.get(id), alternates);
                Named k = renamed ? new Named(r.name(), "as-russian") : kazakh(name, kk.get(id), alternates, r);
                out.write(id + "," + r.name() + "," + k.name() + "," + r.from() + "," + k.from() + "\n");
            }
        }
    }

    private record Named(String name, String from) {
    }

    private static Named russian(String name, String preferred, List<String> alternates) {
        if (preferred != null && CYRILLIC.matcher(preferred).matches()) {
            return new Named(preferred, "geonames");
        }
        String alt = closest(name, alternates.stream().filter(a -> !KAZAKH_LETTER.matcher(a).matches()).toList());
        return alt != null ? new Named(alt, "alternate") : new Named(PlaceTransliteration.russian(name), "transliterated");
    }

    private static Named kazakh(String name, String preferred, List<String> alternates, Named russian) {
        if (preferred != null && CYRILLIC.matcher(preferred).matches()) {
            return new Named(preferred, "geonames");
        }
        String alt = closest(name, alternates.stream().filter(a -> KAZAKH_LETTER.matcher(a).matches()).toList());
        if (alt != null) {
            return new Named(alt, "alternate");
        }
        for (String latin : new String[] {preferred, name}) {
            // Only a romanisation that spells a sound Russian lacks (q, gh, ä, ö, ü, ū, ı, ñ) is read as Kazakh.
            if (latin != null && KAZAKH_ROMANISED.matcher(latin).find()) {
                String read = PlaceTransliteration.kazakh(latin);
                return new Named(read, "transliterated");
            }
        }
        return new Named(russian.name(), "as-russian");
    }

    /** The alternate spelt like {@code name} once both are romanised, else the first; null when none. */
    private static String closest(String name, List<String> alternates) {
        String key = PlaceNames.key(name);
        return alternates.stream().filter(a -> PlaceNames.key(a).equals(key)).findFirst()
                .orElse(alternates.isEmpty() ? null : alternates.get(0));
    }

    private static Map<String, List<String>> cyrillicAlternates(Path csv) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length == 3 && f[2].equals("cyrillic")) {
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
            }
        }
        return out;
    }

    /** The map's name and the Cyrillic name {@code place-names.csv} gives, by GeoNames id. */
    private static Map<String, String[]> currentNames(Path csv) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 5);
            if (f.length >= 4) {
                out.put(f[0], new String[] {f[2], f[3]});
            }
        }
        return out;
    }
}
