package kz.incidentmap.exchange;

/**
 * Rows of a table read one at a time (a CSV file or a spreadsheet's sheet), so that a large file of
 * which only a few rows are wanted never has to be in memory whole.
 */
interface RowSource extends AutoCloseable {

    /** The next row that is not blank, or null at the end. */
    CsvTable.Row next() throws ImportException;

    /** Where a row is, as problems name it ({@code file.csv:12}). */
    String where(CsvTable.Row row);

    /** How far the reading is, from 0 to 1 (for progress; 0 when it cannot tell). */
    double fractionRead();

    /** Rows read past because a filter of the source left them out (see {@link XlsxRows}). */
    default int rowsLeftOut() {
        return 0;
    }

    @Override
    void close();
}
