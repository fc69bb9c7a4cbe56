package kz.incidentmap.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The header and first rows of a CSV, for choosing how its columns map onto our fields before it is
 * imported. Reads only as far as it shows.
 *
 * @param header the column names, as written
 * @param rows the first rows, each as long as the header (padded with blanks or cut)
 */
public record CsvPreview(List<String> header, List<List<String>> rows) {

    public CsvPreview {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * The header and up to {@code maxRows} rows of {@code file}.
     *
     * @throws ImportException the file cannot be read, is not UTF-8 or has no header
     */
    public static CsvPreview read(Path file, int maxRows) throws ImportException {
        InputText.checkSize(file);
        try (CsvRowReader reader = new CsvRowReader(file)) {
            CsvTable.Row header = reader.next();
            if (header == null) {
                throw new ImportException(new ImportProblem(file.toString(), null, "the file is empty"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (CsvTable.Row r = reader.next(); r != null && rows.size() < maxRows; r = reader.next()) {
                List<String> cells = new ArrayList<>(r.fields().subList(0, Math.min(r.fields().size(),
                        header.fields().size())));
                while (cells.size() < header.fields().size()) {
                    cells.add("");
                }
                rows.add(cells);
            }
            return new CsvPreview(header.fields().stream().map(String::trim).toList(), rows);
        }
    }

    /** Whether the file is one the import reads without a mapping (see {@link ExchangeFormat#isKnownCsvHeader}). */
    public boolean knownFormat() {
        return ExchangeFormat.isKnownCsvHeader(header);
    }
}
