package kz.incidentmap.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a data set's header row, by name (blanks trimmed, lower case; the first of a name
 * counts), with every required column that is missing named at once, as ACLED's, GTD's and UCDP's
 * readers need them.
 *
 * @param row the header row
 * @param byName each column's number by name
 */
record HeaderColumns(CsvTable.Row row, Map<String, Integer> byName) {

    /**
     * Each column's number by name; a required one missing is refused, each named as "required DATA_SET
     * column is missing" at {@code where} (the header's place in the file).
     */
    static HeaderColumns of(CsvTable.Row header, String where, List<String> required, String dataSet)
            throws ImportException {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.fields().size(); c++) {
            columns.putIfAbsent(header.fields().get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        List<ImportProblem> missing = new ArrayList<>();
        for (String r : required) {
            if (!columns.containsKey(r)) {
                missing.add(new ImportProblem(where, r, "required " + dataSet + " column is missing"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(missing);
        }
        return new HeaderColumns(header, Map.copyOf(columns));
    }

    /** The header of {@code rows}, read as {@link #of} reads one; an empty file is refused. */
    static HeaderColumns read(RowSource rows, List<String> required, String dataSet) throws ImportException {
        CsvTable.Row header = rows.next();
        if (header == null) {
            throw new ImportException(new ImportProblem(rows.where(new CsvTable.Row(1, List.of())), null,
                    "the file is empty"));
        }
        return of(header, rows.where(header), required, dataSet);
    }
}
