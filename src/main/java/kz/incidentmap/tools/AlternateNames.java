package kz.incidentmap.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;

/**
 * Writes {@code maps/alternate-names.csv}: the other names GeoNames gives the cities of
 * {@code maps/cities.geojson}, taken from the {@code alternatenames} column of GeoNames'
 * {@code cities1000.txt} and matched by GeoNames id. Only names written wholly in Latin or wholly in
 * Cyrillic letters are kept; airport codes and the lower-case romanisations GeoNames gives of names in
 * other scripts are left out, since nobody types them to find a Kazakh town.
 *
 * <p>Usage: {@code AlternateNames <cities1000.txt> <cities.geojson> <alternate-names.csv>}
 */
public final class AlternateNames {

    /** The columns of {@code cities1000.txt} used (GeoNames' "geoname" table, tab separated). */
    private static final int ID = 0;
    private static final int NAME = 1;
    private static final int ALTERNATE_NAMES = 3;

    private AlternateNames() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: AlternateNames <cities1000.txt> <cities.geojson> <alternate-names.csv>");
            System.exit(2);
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (GeoJsonFeature f : GeoJsonFeatures.read(Path.of(args[1]))) {
            if (f.properties().get("geonames_id") instanceof Number n) {
                wanted.add(n.longValue());
            }
        }
        Map<Long, Set<String>> names = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String[] f = line.split("\t", -1);
                if (f.length <= ALTERNATE_NAMES) {
                    throw new IOException(args[0] + ":" + lineNo + ": expected GeoNames' tab-separated columns");
                }
                long id = Long.parseLong(f[ID]);
                if (wanted.contains(id)) {
                    names.put(id, kept(f[NAME], f[ALTERNATE_NAMES]));
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            out.write("geonames_id,name,script\n");
            for (Map.Entry<Long, Set<String>> e : names.entrySet()) {
                for (String n : e.getValue()) {
                    out.write(e.getKey() + "," + n + "," + script(n).orElseThrow() + "\n");
                }
            }
        }
    }

    /** The alternate names worth searching by, in GeoNames' order, without the main name itself. */
    static Set<String> kept(String name, String alternates) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : List.of(alternates.split(","))) {
            String n = a.strip();
            if (!n.isEmpty() && !n.equalsIgnoreCase(name) && script(n).isPresent() && !isCode(n)
                    && Character.isUpperCase(n.codePointAt(0))) {
                out.add(n);
            }
        }
        return out;
    }

    /** "latin" or "cyrillic" when every letter is of that script and nothing else but - ' . and spaces. */
    static Optional<String> script(String name) {
        Character.UnicodeScript seen = null;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '-' || cp == '\'' || cp == '\u2019' || cp == '.') {
                continue;
            }
            if (!Character.isLetter(cp) || Character.getType(cp) == Character.MODIFIER_LETTER) {
                return Optional.empty();
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s != Character.UnicodeScript.LATIN && s != Character.UnicodeScript.CYRILLIC || seen != null && s != seen) {
                return Optional.empty();
            }
            seen = s;
        }
        return seen == null ? Optional.empty()
                : Optional.of(seen == Character.UnicodeScript.LATIN ? "latin" : "cyrillic");
    }

    /** Airport and similar codes: a short word all in capitals ("TSE", "DMB"). */
    private static boolean isCode(String name) {
        return name.length() <= 4 && name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }
}
