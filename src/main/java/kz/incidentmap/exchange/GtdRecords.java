package kz.incidentmap.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.model.Tags;

/**
 * Reads the Global Terrorism Database's export, as CSV or as an Excel workbook (columns named as in GTD's
 * codebook: eventid, iyear, imonth, iday, approxdate, extended, country_txt, provstate, city, latitude,
 * longitude, specificity, summary, doubtterr, attacktype1_txt..3, targtype1_txt..3, gname, claimed, nkill,
 * nwound, scite1..3, dbsource, related; others are read past). GTD covers the world: rows of other
 * countries are read past and counted. Each event's id is derived from its eventid, so importing a newer
 * export updates the records. GTD's own figures are the claim of a source "GTD eventid"; the articles
 * GTD cites are sources of their own. See the README for every rule.
 */
final class GtdRecords {

    static final List<String> REQUIRED = List.of("eventid", "iyear", "imonth", "iday", "country_txt", "latitude",
            "longitude", "specificity", "attacktype1_txt");
    static final String COUNTRY = "Kazakhstan";

    /** Our field → GTD column, for naming problems. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("id", "eventid"),
            Map.entry("title", "attacktype1_txt"), Map.entry("type", "attacktype1_txt"),
            Map.entry("sub_type", "attacktype1_txt"), Map.entry("date", "iyear/imonth/iday"),
            Map.entry("date_precision", "imonth/iday"), Map.entry("place", "city"), Map.entry("oblast", "provstate"),
            Map.entry("lat", "latitude"), Map.entry("lon", "longitude"), Map.entry("location_precision", "specificity"),
            Map.entry("perpetrator", "gname"), Map.entry("claimed_by", "gname"), Map.entry("description", "summary"),
            Map.entry("event_group", "related"), Map.entry("tags", "attacktype2_txt"),
            Map.entry("sources[0].killed", "nkill"), Map.entry("sources[0].wounded", "nwound"),
            Map.entry("sources[0].publisher", "dbsource"), Map.entry("sources[1].title", "scite1"),
            Map.entry("sources[2].title", "scite2"), Map.entry("sources[3].title", "scite3"));

    private GtdRecords() {
    }

    /** Whether a header row is GTD's (it has eventid and iyear). */
    static boolean isGtdHeader(List<String> header) {
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return names.contains("eventid") && names.contains("iyear");
    }

    static ParsedRecords read(RowSource rows, ImportOptions options, IncidentValidator validator, LocalDate today,
            Progress progress) throws ImportException, CancelledException {
        Map<String, Integer> columns = HeaderColumns.read(rows, REQUIRED, "GTD").byName();
        ParsedRecords parsed = new ParsedRecords();
        int n = 0;
        for (CsvTable.Row row = rows.next(); row != null; row = rows.next()) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            Row r = new Row(columns, row);
            if (!r.get("country_txt").trim().equalsIgnoreCase(COUNTRY)) {
                parsed.outside++;
            } else {
                event(rows.where(row), r, options, validator, today, parsed);
            }
            if (++n % 1_000 == 0) {
                progress.report(Math.round(rows.fractionRead() * 1_000), 1_000);
            }
        }
        parsed.outside += rows.rowsLeftOut();
        return parsed;
    }

    /** One row's cells by column name; a row shorter than the header has blanks at its end. */
    private record Row(Map<String, Integer> columns, CsvTable.Row row) {
        String get(String column) {
            Integer c = columns.get(column);
            return c == null || c >= row.fields().size() ? "" : row.fields().get(c);
        }

        boolean yes(String column) {
            return get(column).trim().equals("1");
        }
    }

    private static void event(String where, Row r, ImportOptions options, IncidentValidator validator,
            LocalDate today, ParsedRecords parsed) {
        String eventId = r.get("eventid").trim();
        String attack = r.get("attacktype1_txt").trim();
        DraftKind kind = GtdCodebook.kind(validator.vocabulary(), attack, r.yes("suicide"));
        String specificity = r.get("specificity").trim();
        String precision = GtdCodebook.locationPrecision(specificity);
        String refusal = eventId.isEmpty() ? "is required" : null;
        String refusedColumn = "eventid";
        if (refusal == null && precision == null && options.unlocated() == ImportOptions.Unlocated.REFUSE) {
            refusal = CountryWide.refusal(specificity, GtdCodebook.specificityMeaning(specificity));
            refusedColumn = "specificity";
        }
        GtdDate date = GtdDate.of(r.get("iyear"), r.get("imonth"), r.get("iday"));
        if (refusal == null && date.problem() != null) {
            refusal = date.problem();
            refusedColumn = date.column();
        }
        if (refusal != null) {
            parsed.records++;
            parsed.errors.add(new ImportProblem(where, refusedColumn, refusal));
            return;
        }
        List<String> tags = new ArrayList<>();
        String lon = r.get("longitude");
        String lat = r.get("latitude");
        if (precision == null) {
            lon = CountryWide.CENTRE_LON;
            lat = CountryWide.CENTRE_LAT;
            precision = "region";
            tags.add(CountryWide.TAG);
        }
        if (r.yes("doubtterr")) {
            tags.add("doubt-terrorism"); // GTD doubts that it was terrorism: kept, and said so
        }
        if (r.yes("extended")) {
            tags.add("extended"); // lasted more than 24 hours
        }
        for (String column : List.of("attacktype2_txt", "attacktype3_txt")) {
            tag(tags, "", r.get(column));
        }
        for (String column : List.of("targtype1_txt", "targtype2_txt", "targtype3_txt")) {
            tag(tags, "target: ", r.get(column));
        }
        String city = known(r.get("city"));
        String group = known(r.get("gname"));
        String description = r.get("summary").trim();
        String approx = r.get("approxdate").trim();
        if (!approx.isEmpty()) {
            description = (description.isEmpty() ? "" : description + "\n") + "Date as GTD gives it: " + approx;
        }
        String id = UUID.nameUUIDFromBytes(("gtd:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        String what = attack.isEmpty() || attack.equalsIgnoreCase(GtdCodebook.UNKNOWN) ? "Attack of unknown kind" : attack;
        IncidentDraft d = new IncidentDraft(id, what + (city.isEmpty() ? "" : " in " + city), kind.type(),
                kind.subType(), date.date(), date.precision(), "", city, r.get("provstate"), lon, lat, precision, group,
                r.yes("claimed") ? group : "", description, eventGroup(eventId, r.get("related")), Tags.join(tags),
                "", "", sources(eventId, r));
        parsed.add(validator, d, where, p -> locate(where, p), today);
    }

    /** GTD's own source with its figures, then the articles it cites. */
    private static List<SourceDraft> sources(String eventId, Row r) {
        List<SourceDraft> sources = new ArrayList<>();
        String db = r.get("dbsource").trim();
        sources.add(new SourceDraft("gtd-" + eventId, "GTD " + eventId, db.isEmpty() ? "GTD" : db, "", "", "en",
                count(r.get("nkill")), count(r.get("nwound")), "", ""));
        for (int n = 1; n <= 3; n++) {
            String cite = r.get("scite" + n).trim();
            if (!cite.isEmpty()) {
                sources.add(new SourceDraft("gtd-" + eventId + "-" + n, cite, "", "", "", "", "", "", "", ""));
            }
        }
        return sources;
    }

    /**
     * The key shared by an event and those GTD relates it to: "gtd-" and the smallest of their eventids,
     * the same for each of them. Blank when nothing is related.
     */
    static String eventGroup(String eventId, String related) {
        String smallest = eventId;
        boolean any = false;
        for (String other : related.split("[,;\\s]+")) {
            String o = other.trim();
            if (!o.isEmpty() && !o.equals(eventId)) {
                any = true;
                if (o.length() < smallest.length() || o.length() == smallest.length() && o.compareTo(smallest) < 0) {
                    smallest = o;
                }
            }
        }
        return any ? "gtd-" + smallest : "";
    }

    private static void tag(List<String> tags, String prefix, String value) {
        String v = value.replace(";", ",").trim(); // a tag cannot hold the separator
        if (!v.isEmpty() && !v.equalsIgnoreCase("unknown") && !v.equals(".")) {
            tags.add(prefix + v);
        }
    }

    /** GTD's "Unknown" (and blank) as blank: the record leaves out what is not known. */
    private static String known(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("unknown") ? "" : v;
    }

    /** A figure of GTD's: blank, and GTD's codes for unknown (-9, -99), as blank; 2.0 as 2. */
    static String count(String value) {
        String v = value.trim();
        if (v.startsWith("-")) {
            return "";
        }
        return v.matches("\\d+\\.0*") ? v.substring(0, v.indexOf('.')) : v;
    }

    private static ImportProblem locate(String where, FieldProblem p) {
        return new ImportProblem(where, COLUMN_OF.getOrDefault(p.field(), p.field()), p.message());
    }
}
