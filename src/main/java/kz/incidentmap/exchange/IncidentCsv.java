package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.model.Incident;

/**
 * Our CSV: one row per claim a source makes about an incident (and one per source that makes none),
 * the incident's own columns repeated on each of its rows. Rows of one incident share its {@code id};
 * a row with a blank id is a new incident of its own. Columns are named in the header, in any order;
 * every column must be known, and the required ones must be there.
 */
final class IncidentCsv {

    static final List<String> INCIDENT_COLUMNS = List.of("id", "title", "type", "sub_type", "date", "date_precision",
            "time", "place", "oblast", "lon", "lat", "location_precision", "perpetrator", "claimed_by", "description",
            "event_group", "tags", "created", "updated");
    static final List<String> SOURCE_COLUMNS = List.of("source_key", "source_title", "source_publisher",
            "source_url", "source_published", "source_language", "claim_killed", "claim_wounded", "claim_date",
            "claim_note", "source_reliability", "claim_credibility");
    static final List<String> COLUMNS = concat(INCIDENT_COLUMNS, SOURCE_COLUMNS);
    static final List<String> REQUIRED = List.of("title", "type", "date", "lon", "lat", "source_title");

    /** Draft source field → column. */
    private static final Map<String, String> SOURCE_FIELD_COLUMNS = Map.ofEntries(Map.entry("key", "source_key"),
            Map.entry("title", "source_title"), Map.entry("publisher", "source_publisher"),
            Map.entry("url", "source_url"), Map.entry("published", "source_published"),
            Map.entry("language", "source_language"), Map.entry("killed", "claim_killed"),
            Map.entry("wounded", "claim_wounded"), Map.entry("date", "claim_date"), Map.entry("note", "claim_note"),
            Map.entry("reliability", "source_reliability"), Map.entry("credibility", "claim_credibility"));
    private static final Pattern SOURCE_FIELD = Pattern.compile("sources\\[(\\d+)]\\.(\\w+)");

    private IncidentCsv() {
    }

    static int write(Collection<Incident> incidents, Writer out, Progress progress) throws IOException, CancelledException {
        out.write(CsvTable.line(COLUMNS));
        int n = 0;
        for (Incident i : incidents) {
            if (progress.isCancelled()) {
                throw new CancelledException("export cancelled");
            }
            IncidentDraft d = IncidentDraft.of(i);
            List<String> own = List.of(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(), d.time(),
                    n(d.place()), n(d.oblast()), d.lon(), d.lat(), d.locationPrecision(), n(d.perpetrator()),
                    n(d.claimedBy()), n(d.description()), n(d.eventGroup()), d.tags(), d.created(), d.updated());
            for (SourceDraft s : d.sources()) {
                out.write(CsvTable.line(concat(own, List.of(n(s.key()), n(s.title()), n(s.publisher()), n(s.url()),
                        s.published(), n(s.language()), s.killed(), s.wounded(), s.claimDate(), n(s.note()),
                        s.reliability(), s.credibility()))));
            }
            progress.report(++n, incidents.size());
        }
        return n;
    }

    static ParsedRecords read(Path file, String text, IncidentValidator validator, LocalDate today, Progress progress)
            throws ImportException, CancelledException {
        List<CsvTable.Row> rows = CsvTable.parse(file.toString(), text);
        Map<String, Integer> columns = header(file, rows.get(0));
        Map<String, List<CsvTable.Row>> byId = new LinkedHashMap<>();
        ParsedRecords parsed = new ParsedRecords();
        for (int r = 1; r < rows.size(); r++) {
            CsvTable.Row row = rows.get(r);
            if (row.fields().size() != columns.size()) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(file + ":" + row.line(), null, "has " + row.fields().size()
                        + " fields, the header has " + columns.size()));
                continue;
            }
            String id = value(columns, row, "id");
            String key = id.isBlank() ? "row " + row.line() : id.trim();
            byId.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        int done = 0;
        for (List<CsvTable.Row> group : byId.values()) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            draft(file, columns, group, validator, today, parsed);
            progress.report(++done, byId.size());
        }
        return parsed;
    }

    static Map<String, Integer> header(Path file, CsvTable.Row header) throws ImportException {
        Map<String, Integer> columns = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int c = 0; c < header.fields().size(); c++) {
            String name = header.fields().get(c).trim();
            if (!COLUMNS.contains(name)) {
                problems.add(new ImportProblem(file + ":" + header.line(), name, "unknown column (known: "
                        + String.join(", ", COLUMNS) + ")"));
            } else if (columns.put(name, c) != null) {
                problems.add(new ImportProblem(file + ":" + header.line(), name, "column appears twice"));
            }
        }
        boolean unknown = problems.stream().anyMatch(p -> p.reason().startsWith("unknown column"));
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new ImportProblem(file + ":" + header.line(), required, "required column is missing"));
            }
        }
        if (unknown) {
            problems.add(new ImportProblem(file + ":" + header.line(), null, "if this is another program's CSV, name"
                    + " which of its columns holds which field: --columns FIELD=COLUMN,... (e.g. title=name,date=day)"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return columns;
    }

    static void draft(Path file, Map<String, Integer> columns, List<CsvTable.Row> group,
            IncidentValidator validator, LocalDate today, ParsedRecords parsed) {
        draft(file, columns, UnaryOperator.identity(), group, validator, today, parsed);
    }

    /**
     * Checks the rows of one incident and files it in {@code parsed}.
     *
     * @param columns our column → its index in the rows
     * @param named our column → the name problems give it (the file's own column, for a mapped CSV)
     */
    static void draft(Path file, Map<String, Integer> columns, UnaryOperator<String> named,
            List<CsvTable.Row> group, IncidentValidator validator, LocalDate today, ParsedRecords parsed) {
        CsvTable.Row first = group.get(0);
        for (CsvTable.Row other : group.subList(1, group.size())) {
            for (String c : INCIDENT_COLUMNS) {
                if (!Objects.equals(value(columns, first, c), value(columns, other, c))) {
                    parsed.records++;
                    parsed.errors.add(new ImportProblem(file + ":" + other.line(), named.apply(c), "differs from line "
                            + first.line() + ", the first row of the same incident"));
                    return;
                }
            }
        }
        List<SourceDraft> sources = new ArrayList<>();
        for (CsvTable.Row r : group) {
            sources.add(new SourceDraft(value(columns, r, "source_key"), value(columns, r, "source_title"),
                    value(columns, r, "source_publisher"), value(columns, r, "source_url"),
                    value(columns, r, "source_published"), value(columns, r, "source_language"),
                    value(columns, r, "claim_killed"), value(columns, r, "claim_wounded"),
                    value(columns, r, "claim_date"), value(columns, r, "claim_note"),
                    value(columns, r, "source_reliability"), value(columns, r, "claim_credibility")));
        }
        IncidentDraft d = new IncidentDraft(value(columns, first, "id"), value(columns, first, "title"),
                value(columns, first, "type"), value(columns, first, "sub_type"), value(columns, first, "date"),
                value(columns, first, "date_precision"), value(columns, first, "time"), value(columns, first, "place"),
                value(columns, first, "oblast"), value(columns, first, "lon"), value(columns, first, "lat"),
                value(columns, first, "location_precision"), value(columns, first, "perpetrator"),
                value(columns, first, "claimed_by"), value(columns, first, "description"),
                value(columns, first, "event_group"), value(columns, first, "tags"), value(columns, first, "created"),
                value(columns, first, "updated"), sources);
        parsed.add(validator, d, file + ":" + first.line(), p -> locate(file, group, named, p), today);
    }

    private static ImportProblem locate(Path file, List<CsvTable.Row> group, UnaryOperator<String> named,
            FieldProblem p) {
        Matcher m = SOURCE_FIELD.matcher(p.field());
        if (m.matches()) {
            int row = Integer.parseInt(m.group(1));
            String column = SOURCE_FIELD_COLUMNS.get(m.group(2));
            return new ImportProblem(file + ":" + group.get(Math.min(row, group.size() - 1)).line(),
                    column == null ? p.field() : named.apply(column), p.message());
        }
        return new ImportProblem(file + ":" + group.get(0).line(), named.apply(p.field()), p.message());
    }

    static String value(Map<String, Integer> columns, CsvTable.Row row, String column) {
        Integer c = columns.get(column);
        return c == null ? "" : row.fields().get(c);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
