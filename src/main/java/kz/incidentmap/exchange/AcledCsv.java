package kz.incidentmap.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.model.IncidentSubType;

/**
 * Reads ACLED's CSV export (one row per event; columns named as in ACLED's codebook: event_id_cnty,
 * event_date, time_precision, event_type, sub_event_type, actor1, admin1, location, latitude, longitude,
 * geo_precision, source, notes, fatalities, tags, timestamp, and others that are read past). Each event
 * becomes an incident whose id is derived from event_id_cnty, so importing an updated export again
 * replaces the records instead of doubling them. ACLED's figure of fatalities becomes the claim of one
 * source: the sources ACLED names, under the key {@code acled-EVENT_ID}.
 */
final class AcledCsv {

    static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "event_type", "sub_event_type",
            "latitude", "longitude", "fatalities");
    /** Our field → ACLED column, for naming problems. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("title", "sub_event_type"),
            Map.entry("type", "event_type"), Map.entry("sub_type", "sub_event_type"), Map.entry("date", "event_date"),
            Map.entry("date_precision", "time_precision"), Map.entry("lat", "latitude"), Map.entry("lon", "longitude"),
            Map.entry("location_precision", "geo_precision"), Map.entry("tags", "tags"),
            Map.entry("updated", "timestamp"), Map.entry("sources[0].killed", "fatalities"),
            Map.entry("sources[0].title", "source"), Map.entry("id", "event_id_cnty"));
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private AcledCsv() {
    }

    /** Whether a header row is ACLED's (it has event_id_cnty). */
    static boolean isAcledHeader(List<String> header) {
        return header.stream().anyMatch(h -> h.trim().equalsIgnoreCase("event_id_cnty"));
    }

    static ParsedRecords read(Path file, String text, IncidentValidator validator, LocalDate today, Progress progress)
            throws ImportException, CancelledException {
        List<CsvTable.Row> rows = CsvTable.parse(file.toString(), text);
        Map<String, Integer> columns = new HashMap<>();
        CsvTable.Row header = rows.get(0);
        for (int c = 0; c < header.fields().size(); c++) {
            columns.put(header.fields().get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        List<ImportProblem> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) {
                missing.add(new ImportProblem(file + ":" + header.line(), r, "required ACLED column is missing"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(missing);
        }
        ParsedRecords parsed = new ParsedRecords();
        for (int n = 1; n < rows.size(); n++) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            CsvTable.Row row = rows.get(n);
            String where = file + ":" + row.line();
            if (row.fields().size() != header.fields().size()) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(where, null, "has " + row.fields().size()
                        + " fields, the header has " + header.fields().size()));
                continue;
            }
            event(where, columns, row, validator, today, parsed);
            progress.report(n, rows.size() - 1);
        }
        return parsed;
    }

    private static void event(String where, Map<String, Integer> columns, CsvTable.Row row,
            IncidentValidator validator, LocalDate today, ParsedRecords parsed) {
        String eventId = get(columns, row, "event_id_cnty").trim();
        String eventType = get(columns, row, "event_type");
        String subEvent = get(columns, row, "sub_event_type");
        IncidentSubType sub = IncidentSubType.fromAcled(eventType, subEvent).orElse(null);
        if (eventId.isEmpty() || sub == null) {
            parsed.records++;
            parsed.errors.add(eventId.isEmpty() ? new ImportProblem(where, "event_id_cnty", "is required")
                    : new ImportProblem(where, "sub_event_type", "ACLED event '" + eventType + "' / '" + subEvent
                    + "' has no incident type on this map (see the vocabulary in the README)"));
            return;
        }
        String location = get(columns, row, "location").trim();
        String title = subEvent.trim() + (location.isEmpty() ? "" : " in " + location);
        String updated = "";
        String timestamp = get(columns, row, "timestamp").trim();
        if (!timestamp.isEmpty()) {
            try {
                updated = Instant.ofEpochSecond(Long.parseLong(timestamp)).toString();
            } catch (NumberFormatException e) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(where, "timestamp", "'" + timestamp
                        + "' is not a Unix time (whole seconds)"));
                return;
            }
        }
        String sources = get(columns, row, "source").trim();
        SourceDraft source = new SourceDraft("acled-" + eventId, sources.isEmpty() ? "ACLED event " + eventId
                : sources, "ACLED", "", "", "en", get(columns, row, "fatalities"), "", "", "");
        String id = UUID.nameUUIDFromBytes(("acled:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        IncidentDraft d = new IncidentDraft(id, title, sub.type().code(), sub.code(),
                date(get(columns, row, "event_date")), precision(get(columns, row, "time_precision")), "", location,
                get(columns, row, "admin1"), get(columns, row, "longitude"), get(columns, row, "latitude"),
                geoPrecision(get(columns, row, "geo_precision")), get(columns, row, "actor1"), "",
                get(columns, row, "notes"), "", get(columns, row, "tags"), "", updated, List.of(source));
        parsed.add(validator, d, where, p -> locate(where, p), today);
    }

    private static ImportProblem locate(String where, FieldProblem p) {
        return new ImportProblem(where, COLUMN_OF.getOrDefault(p.field(), p.field()), p.message());
    }

    /** ACLED writes dates as 2011-11-12 or as 12 November 2011; anything else goes to the checker as it is. */
    private static String date(String text) {
        try {
            return LocalDate.parse(text.trim(), LONG_DATE).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** time_precision 1 is the exact day; 2 (within a week) and 3 (within a month) are approximate. */
    private static String precision(String text) {
        return switch (text.trim()) {
            case "1", "" -> "day";
            case "2", "3" -> "approximate";
            default -> text;
        };
    }

    /** geo_precision 1 is the town itself; 2 (near it) and 3 (the region) stand for a larger area. */
    private static String geoPrecision(String text) {
        return switch (text.trim()) {
            case "1" -> "city";
            case "2", "3" -> "region";
            case "" -> "";
            default -> text;
        };
    }

    private static String get(Map<String, Integer> columns, CsvTable.Row row, String column) {
        Integer c = columns.get(column);
        return c == null ? "" : row.fields().get(c);
    }
}
