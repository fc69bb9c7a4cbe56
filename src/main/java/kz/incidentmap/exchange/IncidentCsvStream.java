package kz.incidentmap.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.incidentmap.edit.IncidentValidator;

/**
 * Reads our CSV ({@link IncidentCsv}) as a stream: the rows of one incident, which our export writes one
 * after another, are checked as soon as the next incident's first row is read, and each record that
 * passes goes on to {@link ParsedRecords} at once. Only the current incident's rows and the ids seen so
 * far are held, so the file's size does not decide the memory an import needs. A file whose incident
 * rows are scattered (an id that comes back after other incidents) cannot be read this way: that is a
 * {@link ScatteredRowsException}, and the caller reads the file whole instead.
 */
final class IncidentCsvStream {

    /** How often, in incidents, the reading tells its progress. */
    private static final int PROGRESS_EVERY = 512;

    /** The rows of one incident come back after another incident's rows: the file must be read whole. */
    static final class ScatteredRowsException extends Exception {
        ScatteredRowsException(String message) {
            super(message, null, false, false);
        }
    }

    private IncidentCsvStream() {
    }

    /**
     * Reads, groups and checks every row, filling {@code parsed}; progress is told in bytes read of the
     * file's size.
     */
    static void read(Path file, IncidentValidator validator, LocalDate today, Progress progress, ParsedRecords parsed)
            throws ImportException, CancelledException, ScatteredRowsException {
        long size = InputText.checkSize(file);
        try (CsvRowReader rows = new CsvRowReader(file)) {
            CsvTable.Row header = rows.next();
            if (header == null) {
                throw new ImportException(new ImportProblem(file.toString(), null, "empty file, nothing to import"));
            }
            Map<String, Integer> columns = IncidentCsv.header(file, header);
            Integer idColumn = columns.get("id");
            IdSet seen = new IdSet();
            List<CsvTable.Row> group = new ArrayList<>();
            String groupKey = null;
            int groups = 0;
            CsvTable.Row row;
            while ((row = rows.next()) != null) {
                if (row.fields().size() != columns.size()) {
                    parsed.records++;
                    parsed.errors.add(new ImportProblem(file + ":" + row.line(), null, "has " + row.fields().size()
                            + " fields, the header has " + columns.size()));
                    continue;
                }
                String id = idColumn == null ? "" : row.fields().get(idColumn);
                String key = id.isBlank() ? null : id.trim();
                if (key != null && key.equals(groupKey)) {
                    group.add(row);
                    continue;
                }
                if (!group.isEmpty()) {
                    IncidentCsv.draft(file, columns, group, validator, today, parsed);
                    group = new ArrayList<>();
                    if (++groups % PROGRESS_EVERY == 0) {
                        if (progress.isCancelled()) {
                            throw new CancelledException("import cancelled");
                        }
                        progress.report(rows.bytesRead(), size);
                    }
                }
                if (key != null && !seen.add(key)) {
                    throw new ScatteredRowsException(file + ":" + row.line() + ": the rows of incident " + key
                            + " are not one after another");
                }
                groupKey = key;
                group.add(row);
            }
            if (!group.isEmpty()) {
                IncidentCsv.draft(file, columns, group, validator, today, parsed);
            }
            progress.report(size, size);
        }
    }
}
