package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the cities besides the one the map shows, keyed by GeoNames id: GeoNames' alternate names
 * in Latin and Cyrillic ({@code maps/alternate-names.csv}) and the former names of the official renamings
 * ({@code maps/renamings.csv}), each with the years it was in use.
 */
final class OtherNames {

    static final String ALTERNATES_HEADER = "geonames_id,name,script";
    static final String RENAMINGS_HEADER = "geonames_id,place,old_name,new_name,date,source,note,old_name_ru,old_name_kk";

    private final Map<Long, List<String>> alternates;
    private final Map<Long, List<FormerName>> former;

    private OtherNames(Map<Long, List<String>> alternates, Map<Long, List<FormerName>> former) {
        this.alternates = alternates;
        this.former = former;
    }

    /** No other names: what a maps folder without the two files gives. */
    static OtherNames none() {
        return new OtherNames(Map.of(), Map.of());
    }

    /** Reads both files of {@code mapsDir}; a malformed line is an error naming the file and the line. */
    static OtherNames read(Path mapsDir) throws IOException {
        Path altFile = mapsDir.resolve("alternate-names.csv");
        Map<Long, List<String>> alternates = new HashMap<>();
        for (MapsCsv.Row r : MapsCsv.read(altFile, ALTERNATES_HEADER)) {
            alternates.computeIfAbsent(id(altFile, r), k -> new ArrayList<>()).add(r.get(1));
        }
        Path renFile = mapsDir.resolve("renamings.csv");
        List<MapsCsv.Row> rows = MapsCsv.read(renFile, RENAMINGS_HEADER);
        Map<Long, List<FormerName>> former = new HashMap<>();
        for (MapsCsv.Row r : rows) {
            long id = id(renFile, r);
            String date = r.get(4);
            if (!date.matches("\\d{4}(-\\d{2}-\\d{2})?")) {
                throw new IOException(renFile + ":" + r.line() + ": date '" + date
                        + "' must be a day (1998-05-06) or a year (1992)");
            }
            // The name given up on this date was taken by the renaming whose new name it is, if listed.
            String from = rows.stream().filter(o -> o != r && o.get(0).equals(r.get(0)) && o.get(3).equals(r.get(2))
                    && o.get(4).compareTo(date) < 0).map(o -> o.get(4)).max(String::compareTo).orElse(null);
            former.computeIfAbsent(id, k -> new ArrayList<>()).add(new FormerName(r.get(2), from, date));
        }
        return new OtherNames(alternates, former);
    }

    /** GeoNames' other names of the city {@code geonamesId}. */
    List<String> alternates(long geonamesId) {
        return alternates.getOrDefault(geonamesId, List.of());
    }

    /** The former names of the city {@code geonamesId}, oldest first as the file lists them. */
    List<FormerName> former(long geonamesId) {
        return former.getOrDefault(geonamesId, List.of());
    }

    /** The GeoNames ids that have renamings, for checking that each names a city the map has. */
    java.util.Set<Long> renamed() {
        return former.keySet();
    }

    private static long id(Path file, MapsCsv.Row r) throws IOException {
        try {
            return Long.parseLong(r.get(0));
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + r.line() + ": geonames_id '" + r.get(0) + "' is not a number");
        }
    }
}
