package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;

/**
 * Writes incidents as ACLED's CSV export, the 31 columns {@link AcledCsv} reads: an event imported from
 * ACLED goes back with its event id, its sources and the columns kept as tags; any other record with its
 * sub-type's ACLED names, its first perpetrator as actor1 and the largest number killed as fatalities.
 */
final class AcledWriter {

    private AcledWriter() {
    }

    static int write(Collection<Incident> incidents, Writer out, Progress progress) throws IOException, CancelledException {
        out.write(CsvTable.line(AcledCsv.COLUMNS));
        int n = 0;
        for (Incident i : incidents) {
            if (progress.isCancelled()) {
                throw new CancelledException("export cancelled");
            }
            out.write(CsvTable.line(row(i)));
            progress.report(++n, incidents.size());
        }
        return n;
    }

    private static List<String> row(Incident i) {
        IncidentSubType sub = i.subType() != null ? i.subType() : IncidentSubType.defaultFor(i.type());
        Map<String, String> kept = new HashMap<>();
        List<String> ownTags = new ArrayList<>();
        for (String t : i.tags()) {
            int eq = t.indexOf('=');
            if (t.startsWith(AcledCsv.TAG) && eq > 0) {
                kept.put(t.substring(AcledCsv.TAG.length(), eq), t.substring(eq + 1).replace(" |", ";"));
            } else {
                ownTags.add(t);
            }
        }
        List<Source> acled = i.sources().stream().filter(s -> s.key().startsWith(AcledCsv.KEY)).toList();
        String eventId = acled.isEmpty() ? i.id() : acled.get(0).key().substring(AcledCsv.KEY.length());
        List<Source> named = acled.isEmpty() ? i.sources() : acled;
        Map<String, String> v = new HashMap<>(kept);
        v.put("event_id_cnty", eventId);
        v.put("event_date", i.date() == null ? "" : i.date().toString());
        v.put("year", i.date() == null ? "" : Integer.toString(i.date().getYear()));
        v.put("time_precision", timePrecision(i.datePrecision()));
        v.putIfAbsent("disorder_type", sub.disorderType());
        v.put("event_type", sub.acledEventType());
        v.put("sub_event_type", sub.acledSubEventType());
        v.put("actor1", nz(i.perpetrator()));
        v.putIfAbsent("country", "Kazakhstan");
        v.putIfAbsent("iso", "398");
        v.putIfAbsent("region", "Central Asia");
        v.putIfAbsent("admin1", nz(i.oblast()));
        v.put("location", nz(i.place()));
        v.put("latitude", Double.toString(i.lat()));
        v.put("longitude", Double.toString(i.lon()));
        v.put("geo_precision", kept.containsKey("geo_precision") ? kept.get("geo_precision")
                : i.locationPrecision() == LocationPrecision.REGION ? "3" : "1");
        v.put("source", String.join("; ", named.stream().map(Source::title).toList()));
        v.put("notes", nz(i.description()));
        v.put("fatalities", Integer.toString(fatalities(i, acled)));
        v.put("tags", nz(Tags.join(ownTags)));
        v.put("timestamp", i.updated() == null ? "" : Long.toString(i.updated().getEpochSecond()));
        return AcledCsv.COLUMNS.stream().map(c -> v.getOrDefault(c, "")).toList();
    }

    /** ACLED's own figure where the event came from ACLED; else the largest any source gives (0 for none). */
    private static int fatalities(Incident i, List<Source> acled) {
        if (!acled.isEmpty()) {
            String key = acled.get(0).key();
            for (Claim c : i.claims()) {
                if (c.sourceKey().equals(key) && c.killed() != null) {
                    return c.killed();
                }
            }
        }
        return i.maxKilled().orElse(0);
    }

    /** 1 for a day, 2 for about a day (within a week), 3 for a month or a year. */
    private static String timePrecision(DatePrecision p) {
        if (p == null || p == DatePrecision.DAY) {
            return "1";
        }
        return p == DatePrecision.APPROXIMATE ? "2" : "3";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
