package kz.incidentmap.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;

/**
 * Reads the CSV of UCDP's Georeferenced Event Dataset (columns named as in GED's codebook: id, year,
 * type_of_violence, conflict_name, side_a, side_b, where_prec, where_coordinates, adm_1, date_start,
 * date_end, date_prec, latitude, longitude, best, low, high, source_article, country; others are read
 * past). GED covers the world: rows of other countries are read past and counted. GED's low, best and high
 * estimates of the dead become three claims of one source "UCDP GED id", so the record shows the range
 * low–high; the articles GED names are sources of their own. Ids follow GED's id, so a newer release
 * updates the records.
 */
final class UcdpGedCsv {

    static final List<String> REQUIRED = List.of("id", "type_of_violence", "where_prec", "date_start", "date_end",
            "latitude", "longitude", "best", "country");

    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("id", "id"),
            Map.entry("title", "type_of_violence"), Map.entry("type", "type_of_violence"),
            Map.entry("sub_type", "type_of_violence"), Map.entry("date", "date_start"),
            Map.entry("date_precision", "date_prec"), Map.entry("place", "where_coordinates"),
            Map.entry("oblast", "adm_1"), Map.entry("lat", "latitude"), Map.entry("lon", "longitude"),
            Map.entry("location_precision", "where_prec"), Map.entry("perpetrator", "side_a"),
            Map.entry("sources[0].killed", "best"), Map.entry("sources[1].killed", "low"),
            Map.entry("sources[2].killed", "high"));

    private UcdpGedCsv() {
    }

    /** Whether a header row is GED's (it has type_of_violence and where_prec). */
    static boolean isGedHeader(List<String> header) {
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return names.contains("type_of_violence") && names.contains("where_prec");
    }

    static ParsedRecords read(RowSource rows, ImportOptions options, IncidentValidator validator, LocalDate today,
            Progress progress) throws ImportException, CancelledException {
        HeaderColumns h = HeaderColumns.read(rows, REQUIRED, "UCDP GED");
        CsvTable.Row header = h.row();
        Map<String, Integer> columns = h.byName();
        ParsedRecords parsed = new ParsedRecords();
        int n = 0;
        for (CsvTable.Row row = rows.next(); row != null; row = rows.next()) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            String where = rows.where(row);
            if (row.fields().size() != header.fields().size()) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(where, null, "has " + row.fields().size()
                        + " fields, the header has " + header.fields().size()));
            } else if (!value(columns, row, "country").trim().equalsIgnoreCase(GtdRecords.COUNTRY)) {
                parsed.outside++;
            } else {
                event(where, columns, row, options, validator, today, parsed);
            }
            if (++n % 1_000 == 0) {
                progress.report(Math.round(rows.fractionRead() * 1_000), 1_000);
            }
        }
        return parsed;
    }

    private static void event(String where, Map<String, Integer> columns, CsvTable.Row row, ImportOptions options,
            IncidentValidator validator, LocalDate today, ParsedRecords parsed) {
        String gedId = value(columns, row, "id").trim();
        String violence = value(columns, row, "type_of_violence");
        DraftKind kind = UcdpCodebook.kind(violence);
        String wherePrec = value(columns, row, "where_prec").trim();
        String precision = UcdpCodebook.locationPrecision(wherePrec);
        ImportProblem refused = null;
        if (gedId.isEmpty()) {
            refused = new ImportProblem(where, "id", "is required");
        } else if (kind == null) {
            refused = new ImportProblem(where, "type_of_violence", "'" + violence.trim()
                    + "' is not one of GED's types of violence (1 state-based, 2 non-state, 3 one-sided)");
        } else if (precision == null && options.unlocated() == ImportOptions.Unlocated.REFUSE) {
            refused = new ImportProblem(where, "where_prec", CountryWide.refusal(wherePrec,
                    UcdpCodebook.wherePrecMeaning(wherePrec)));
        }
        LocalDate start = null;
        LocalDate end = null;
        if (refused == null) {
            try {
                start = LocalDate.parse(day(value(columns, row, "date_start")));
            } catch (DateTimeParseException e) {
                refused = new ImportProblem(where, "date_start", "'" + value(columns, row, "date_start").trim()
                        + "' is not a date (expected yyyy-MM-dd)");
            }
        }
        if (refused == null) {
            try {
                end = LocalDate.parse(day(value(columns, row, "date_end")));
                if (end.isBefore(start)) {
                    refused = new ImportProblem(where, "date_end", end + " is before date_start " + start);
                }
            } catch (DateTimeParseException e) {
                refused = new ImportProblem(where, "date_end", "'" + value(columns, row, "date_end").trim()
                        + "' is not a date (expected yyyy-MM-dd)");
            }
        }
        if (refused != null) {
            parsed.records++;
            parsed.errors.add(refused);
            return;
        }
        String lon = value(columns, row, "longitude");
        String lat = value(columns, row, "latitude");
        String tags = "";
        if (precision == null) {
            lon = CountryWide.CENTRE_LON;
            lat = CountryWide.CENTRE_LAT;
            precision = "region";
            tags = CountryWide.TAG;
        }
        String place = value(columns, row, "where_coordinates").trim();
        String title = UcdpCodebook.name(violence) + (place.isEmpty() ? "" : " in " + place);
        String id = UUID.nameUUIDFromBytes(("ucdp:" + gedId).getBytes(StandardCharsets.UTF_8)).toString();
        IncidentDraft d = new IncidentDraft(id, title, kind.type(), kind.subType(), start.toString(),
                UcdpCodebook.datePrecision(value(columns, row, "date_prec"), start, end), "", place,
                value(columns, row, "adm_1"), lon, lat, precision, value(columns, row, "side_a"), "",
                description(columns, row, start, end), "", tags, "", "", sources(gedId, columns, row));
        parsed.add(validator, d, where, p -> new ImportProblem(where, COLUMN_OF.getOrDefault(p.field(), p.field()),
                p.message()), today);
    }

    /** The conflict, its sides, the span of days when it is more than one, and where GED says it was. */
    private static String description(Map<String, Integer> columns, CsvTable.Row row, LocalDate start,
            LocalDate end) {
        List<String> parts = new ArrayList<>();
        String conflict = value(columns, row, "conflict_name").trim();
        if (!conflict.isEmpty()) {
            parts.add("Conflict: " + conflict + ".");
        }
        String a = value(columns, row, "side_a").trim();
        String b = value(columns, row, "side_b").trim();
        if (!a.isEmpty() || !b.isEmpty()) {
            parts.add("Sides: " + a + " against " + b + ".");
        }
        if (!end.equals(start)) {
            parts.add("Between " + start + " and " + end + ".");
        }
        String whereText = value(columns, row, "where_description").trim();
        if (!whereText.isEmpty()) {
            parts.add("Where: " + whereText + ".");
        }
        return String.join(" ", parts);
    }

    /**
     * GED's own source with its best, low and high estimates as claims (the record shows low–high; one
     * claim when they agree), then each article source_article names (separated by ';').
     */
    private static List<SourceDraft> sources(String gedId, Map<String, Integer> columns, CsvTable.Row row) {
        List<SourceDraft> sources = new ArrayList<>();
        String key = "ucdp-" + gedId;
        String title = "UCDP GED " + gedId;
        String best = value(columns, row, "best").trim();
        String low = value(columns, row, "low").trim();
        String high = value(columns, row, "high").trim();
        sources.add(new SourceDraft(key, title, "UCDP", "", "", "en", best, "", "", "best estimate"));
        if (!low.isEmpty() && !low.equals(best)) {
            sources.add(new SourceDraft(key, title, "UCDP", "", "", "en", low, "", "", "low estimate"));
        }
        if (!high.isEmpty() && !high.equals(best)) {
            sources.add(new SourceDraft(key, title, "UCDP", "", "", "en", high, "", "", "high estimate"));
        }
        int n = 0;
        for (String article : value(columns, row, "source_article").split(";")) {
            if (!article.isBlank()) {
                sources.add(new SourceDraft(key + "-" + ++n, article.strip(), "", "", "", "", "", "", "", ""));
            }
        }
        return sources;
    }

    /** GED writes dates as 2011-11-12, in some releases with a time of 00:00:00.000 after them. */
    private static String day(String text) {
        String t = text.trim();
        return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) : t;
    }

    private static String value(Map<String, Integer> columns, CsvTable.Row row, String column) {
        Integer c = columns.get(column);
        return c == null ? "" : row.fields().get(c);
    }
}
