package kz.incidentmap.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A first guess at which column of a CSV holds which field, from the names other programs commonly give
 * (lat, latitude or y for the latitude; date, day or event_date for the date; ...). A column is guessed
 * for one field at most; the user checks the guess in the import dialog.
 */
public final class ColumnGuess {

    /** Field → column names taken for it, most telling first; compared ignoring case, blanks and dashes. */
    private static final Map<String, List<String>> NAMES = names();

    private ColumnGuess() {
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> n = new LinkedHashMap<>();
        n.put("id", List.of("id", "uuid", "event_id", "eventid"));
        n.put("title", List.of("title", "name", "event_name", "headline", "summary_title"));
        n.put("type", List.of("type", "event_type", "incident_type", "category"));
        n.put("sub_type", List.of("sub_type", "subtype", "sub_event_type"));
        n.put("date", List.of("date", "day", "event_date", "incident_date", "date_start"));
        n.put("date_precision", List.of("date_precision", "time_precision"));
        n.put("time", List.of("time", "event_time"));
        n.put("place", List.of("place", "location", "city", "town", "settlement"));
        n.put("oblast", List.of("oblast", "region", "province", "admin1", "provstate"));
        n.put("lon", List.of("lon", "longitude", "lng", "long", "x"));
        n.put("lat", List.of("lat", "latitude", "y"));
        n.put("location_precision", List.of("location_precision", "geo_precision"));
        n.put("perpetrator", List.of("perpetrator", "actor", "actor1", "group", "gname"));
        n.put("claimed_by", List.of("claimed_by"));
        n.put("description", List.of("description", "notes", "summary", "details"));
        n.put("event_group", List.of("event_group"));
        n.put("tags", List.of("tags", "keywords"));
        n.put("source_title", List.of("source_title", "source", "sources"));
        n.put("source_publisher", List.of("source_publisher", "publisher"));
        n.put("source_url", List.of("source_url", "url", "link"));
        n.put("claim_killed", List.of("claim_killed", "killed", "fatalities", "deaths", "nkill"));
        n.put("claim_wounded", List.of("claim_wounded", "wounded", "injured", "nwound"));
        return n;
    }

    /** The fields guessed for the columns of {@code header}. */
    public static ColumnMapping guess(List<String> header) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String column : header) {
            byName.putIfAbsent(normal(column), column.trim());
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
            for (String name : e.getValue()) {
                String column = byName.get(name);
                if (column != null && taken.add(column)) {
                    columnOf.put(e.getKey(), column);
                    break;
                }
            }
        }
        return ColumnMapping.of(columnOf);
    }

    private static String normal(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
