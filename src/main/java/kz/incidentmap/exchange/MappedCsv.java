package kz.incidentmap.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.incidentmap.edit.IncidentValidator;

/**
 * Another program's CSV, read through a {@link ColumnMapping}: each mapped column is read as the field
 * of our CSV it is mapped to (the same rules, the same checks), the other columns are read past. Rows that
 * share a mapped id are one incident, as in our CSV. Without a mapped source_title every record gets one
 * source named after the file (key {@code csv-FILENAME}), so that the file itself is cited. Problems name
 * the file's own column.
 */
final class MappedCsv {

    private MappedCsv() {
    }

    static ParsedRecords read(Path file, RowSource rows, ColumnMapping mapping, IncidentValidator validator,
            LocalDate today, Progress progress) throws ImportException, CancelledException {
        CsvTable.Row header = rows.next();
        if (header == null) {
            throw new ImportException(new ImportProblem(file.toString(), null, "the file is empty"));
        }
        Map<String, Integer> columns = columns(rows.where(header), header.fields(), mapping);
        int width = header.fields().size();
        boolean citeFile = !columns.containsKey("source_title");
        if (citeFile) {
            // Two more cells on every row: the file as the source's title and key.
            columns.put("source_title", width);
            columns.put("source_key", width + 1);
        }
        String fileName = file.getFileName().toString();
        ParsedRecords parsed = new ParsedRecords();
        Map<String, List<CsvTable.Row>> byId = new LinkedHashMap<>();
        for (CsvTable.Row row = rows.next(); row != null; row = rows.next()) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            if (row.fields().size() != width) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(rows.where(row), null, "has " + row.fields().size()
                        + " fields, the header has " + width));
                continue;
            }
            if (citeFile) {
                List<String> cells = new ArrayList<>(row.fields());
                cells.add(fileName);
                cells.add("csv-" + fileName);
                row = new CsvTable.Row(row.line(), cells);
            }
            String id = IncidentCsv.value(columns, row, "id");
            byId.computeIfAbsent(id.isBlank() ? "row " + row.line() : id.trim(), k -> new ArrayList<>()).add(row);
        }
        int done = 0;
        for (List<CsvTable.Row> group : byId.values()) {
            if (progress.isCancelled()) {
                throw new CancelledException("import cancelled");
            }
            IncidentCsv.draft(file, columns, field -> mapping.column(field) == null ? field : mapping.column(field),
                    group, validator, today, parsed);
            progress.report(++done, byId.size());
        }
        return parsed;
    }

    /**
     * Our field → the index of its column in the header; every mapped column must be there and every
     * required field mapped, or the file is refused with each problem named.
     */
    static Map<String, Integer> columns(String where, List<String> header, ColumnMapping mapping)
            throws ImportException {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            index.putIfAbsent(header.get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
            Integer c = index.get(e.getValue().toLowerCase(Locale.ROOT));
            if (c == null) {
                problems.add(new ImportProblem(where, e.getValue(), "no such column in the header, for field '"
                        + e.getKey() + "' (columns: " + String.join(", ", header.stream().map(String::trim).toList())
                        + ")"));
            } else {
                columns.put(e.getKey(), c);
            }
        }
        for (String field : mapping.missingFields()) {
            problems.add(new ImportProblem(where, null, "field '" + field + "' is required: name its column with"
                    + " --columns " + field + "=COLUMN"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return columns;
    }
}
