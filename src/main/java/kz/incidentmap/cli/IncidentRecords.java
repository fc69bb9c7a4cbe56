package kz.incidentmap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/** An incident as plain maps and rows, for the JSON and CSV the commands print. */
final class IncidentRecords {

    static final List<String> CSV_COLUMNS = List.of("id", "title", "type", "date", "date_precision", "place",
            "oblast", "lon", "lat", "location_precision", "killed", "wounded", "perpetrator", "claimed_by",
            "event_group", "sources");

    private IncidentRecords() {
    }

    static Map<String, Object> json(Incident i) {
        return json(i, i);
    }

    /**
     * The incident with its killed and wounded ranges taken from {@code counted}: the same record with
     * only the claims a filter counts (see {@link kz.incidentmap.filter.IncidentFilter#counted}).
     */
    static Map<String, Object> json(Incident i, Incident counted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("type", i.type().code());
        m.put("type_label", i.type().label());
        m.put("sub_type", i.subType() == null ? null : i.subType().code());
        m.put("acled_event_type", i.subType() == null ? i.type().acledEventType() : i.subType().acledEventType());
        m.put("acled_sub_event_type", i.subType() == null ? i.type().acledSubEventType() : i.subType().acledSubEventType());
        m.put("date", i.date() == null ? null : i.date().toString());
        m.put("date_precision", i.datePrecision() == null ? null : i.datePrecision().code());
        m.put("time", i.time() == null ? null : i.time().toString());
        m.put("place", i.place());
        m.put("oblast", i.oblast());
        m.put("lon", i.lon());
        m.put("lat", i.lat());
        m.put("location_precision", i.locationPrecision() == null ? null : i.locationPrecision().code());
        m.put("killed", counted.killedRange());
        m.put("wounded", counted.woundedRange());
        m.put("perpetrator", i.perpetrator());
        m.put("claimed_by", i.claimedBy());
        m.put("event_group", i.eventGroup());
        m.put("description", i.description());
        m.put("tags", i.tags());
        m.put("created", i.created() == null ? null : i.created().toString());
        m.put("updated", i.updated() == null ? null : i.updated().toString());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Source s : i.sources()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("key", s.key());
            sm.put("title", s.title());
            sm.put("publisher", s.publisher());
            sm.put("url", s.url());
            sm.put("published", s.published() == null ? null : s.published().toString());
            sm.put("language", s.language());
            sm.put("reliability", s.reliability() == null ? null : s.reliability().code());
            sources.add(sm);
        }
        m.put("sources", sources);
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Claim c : i.claims()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("source", c.sourceKey());
            cm.put("killed", c.killed());
            cm.put("wounded", c.wounded());
            cm.put("date", c.date() == null ? null : c.date().toString());
            cm.put("note", c.note());
            cm.put("credibility", c.credibility() == null ? null : c.credibility().code());
            claims.add(cm);
        }
        m.put("claims", claims);
        return m;
    }

    static List<String> csvRow(Incident i, Incident counted) {
        Map<String, Object> m = json(i, counted);
        List<String> row = new ArrayList<>();
        for (String col : CSV_COLUMNS) {
            if (col.equals("sources")) {
                row.add(i.sources().stream().map(s -> s.publisher() + ": " + s.title()
                        + (s.reliability() == null ? "" : " (" + s.reliability().code() + ")"))
                        .collect(Collectors.joining("; ")));
            } else {
                Object v = m.get(col);
                row.add(v == null ? "" : v.toString());
            }
        }
        return row;
    }

    /** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
    static String csvLine(List<String> fields) {
        return fields.stream().map(f -> f.matches("(?s).*[,\"\\r\\n].*") ? '"' + f.replace("\"", "\"\"") + '"' : f)
                .collect(Collectors.joining(","));
    }
}
