package kz.incidentmap.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Tags;

/**
 * Reads ACLED's CSV export, its 31 columns ({@link #COLUMNS}) named as in ACLED's codebook, every event
 * type: a pair of event type and sub-event type of the codebook becomes its sub-type, any other sub-event
 * a new sub-type of the event type's family. Each event becomes an incident whose id is derived from
 * event_id_cnty, so importing an updated export again replaces the records instead of doubling them.
 * The sources ACLED names become sources; its figure of fatalities the claim of the first, under the key
 * {@code acled-EVENT_ID}. Actors beyond the first, interaction, civilian targeting and the other columns
 * our record has no field for are kept as tags (see {@link #tags}); {@link AcledWriter} writes them back.
 */
final class AcledCsv {

    /** ACLED's columns, in the order of its export. */
    static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
            "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
            "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
            "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
            "notes", "fatalities", "tags", "timestamp");
    /**
     * The columns our record has no field for, kept as tags {@code acled:COLUMN=VALUE}; admin1 too, as
     * our oblast is the one the point lies in, named as the map names it.
     */
    static final List<String> KEPT_AS_TAGS = List.of("assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "source_scale");
    static final String TAG = "acled:";
    /** Source keys of ACLED events begin so. */
    static final String KEY = "acled-";
    /** ACLED's six event types and the family each falls in when its sub-event is not in our vocabulary. */
    private static final Map<String, IncidentType> FAMILIES = orderedFamilies();
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

    private static Map<String, IncidentType> orderedFamilies() {
        Map<String, IncidentType> m = new LinkedHashMap<>();
        m.put("Battles", IncidentType.ARMED_CLASH);
        m.put("Explosions/Remote violence", IncidentType.EXPLOSION);
        m.put("Violence against civilians", IncidentType.ARMED_ATTACK);
        m.put("Protests", IncidentType.PROTEST);
        m.put("Riots", IncidentType.RIOT);
        m.put("Strategic developments", IncidentType.POLICY);
        return Collections.unmodifiableMap(m);
    }

    /** Whether a header row is ACLED's (it has event_id_cnty). */
    static boolean isAcledHeader(List<String> header) {
        return header.stream().anyMatch(h -> h.trim().equalsIgnoreCase("event_id_cnty"));
    }

    static ParsedRecords read(Path file, String text, IncidentValidator validator, LocalDate today, Progress progress)
            throws ImportException, CancelledException {
        List<CsvTable.Row> rows = CsvTable.parse(file.toString(), text);
        CsvTable.Row header = rows.get(0);
        Map<String, Integer> columns = HeaderColumns.of(header, file + ":" + header.line(), REQUIRED, "ACLED").byName();
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
        String eventType = get(columns, row, "event_type").trim();
        String subEvent = get(columns, row, "sub_event_type").trim();
        Optional<IncidentType> family = family(eventType);
        if (eventId.isEmpty() || family.isEmpty() || subEvent.isEmpty()) {
            parsed.records++;
            parsed.errors.add(eventId.isEmpty() ? new ImportProblem(where, "event_id_cnty", "is required")
                    : subEvent.isEmpty() ? new ImportProblem(where, "sub_event_type", "is required")
                    : new ImportProblem(where, "event_type", "'" + eventType + "' is not one of ACLED's event types ("
                    + String.join(", ", FAMILIES.keySet()) + ")"));
            return;
        }
        // A pair of ACLED's codebook has its sub-type; another sub-event becomes a new sub-type of the family.
        Optional<IncidentSubType> known = validator.vocabulary().fromAcled(eventType, subEvent);
        IncidentType type = known.map(IncidentSubType::type).orElse(family.get());
        String subType = known.map(IncidentSubType::code).orElse(subEvent);
        String location = get(columns, row, "location").trim();
        String title = subEvent + (location.isEmpty() ? "" : " in " + location);
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
        String id = UUID.nameUUIDFromBytes(("acled:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        IncidentDraft d = new IncidentDraft(id, title, type.code(), subType,
                date(get(columns, row, "event_date")), precision(get(columns, row, "time_precision")), "", location,
                get(columns, row, "admin1"), get(columns, row, "longitude"), get(columns, row, "latitude"),
                geoPrecision(get(columns, row, "geo_precision")), get(columns, row, "actor1"), "",
                get(columns, row, "notes"), "", tags(columns, row), "", updated,
                sources(eventId, get(columns, row, "source"), get(columns, row, "fatalities")));
        parsed.add(validator, d, where, p -> locate(where, p), today);
    }

    /**
     * ACLED's source column names one or more sources, separated by semicolons: each becomes a source of
     * the incident. ACLED's fatality figure is a claim of the first, under the key {@code acled-EVENT_ID}
     * that a later import of the same event finds again.
     */
    private static List<SourceDraft> sources(String eventId, String text, String fatalities) {
        List<String> names = Arrays.stream(text.split(";")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        List<SourceDraft> sources = new ArrayList<>();
        sources.add(new SourceDraft(KEY + eventId, names.isEmpty() ? "ACLED event " + eventId : names.get(0), "ACLED", "",
                "", "en", fatalities, "", "", ""));
        for (int n = 1; n < names.size(); n++) {
            sources.add(new SourceDraft(KEY + eventId + "-" + (n + 1), names.get(n), "ACLED", "", "", "en", "", "", "",
                    ""));
        }
        return sources;
    }

    /**
     * ACLED's tags, and the columns our record has no field for kept as tags {@code acled:COLUMN=VALUE}
     * (a semicolon inside a value, as between associated actors, written as " | "), so that an export
     * writes them back.
     */
    private static String tags(Map<String, Integer> columns, CsvTable.Row row) {
        List<String> tags = new ArrayList<>(Tags.split(get(columns, row, "tags")));
        for (String column : KEPT_AS_TAGS) {
            String value = get(columns, row, column).strip();
            if (!value.isEmpty()) {
                tags.add(TAG + column + "=" + value.replace(";", " |"));
            }
        }
        if (get(columns, row, "geo_precision").strip().equals("2")) {
            tags.add(TAG + "geo_precision=2");
        }
        return Objects.toString(Tags.join(tags), "");
    }

    /** The family of ACLED's event type (ignoring case). */
    private static Optional<IncidentType> family(String eventType) {
        return FAMILIES.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(eventType)).map(Map.Entry::getValue)
                .findFirst();
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

    /** time_precision 1 is the exact day, 2 within a week of it (approximate), 3 within its month. */
    private static String precision(String text) {
        return switch (text.trim()) {
            case "1", "" -> "day";
            case "2" -> "approximate";
            case "3" -> "month";
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
