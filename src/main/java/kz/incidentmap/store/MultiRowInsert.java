package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * An INSERT that takes {@code rowsPerStatement} rows in each execution ({@code VALUES (…), (…), …}).
 * Every execution of a statement costs the driver several native calls and SQLite a statement
 * start and end on top of the values themselves; with one row per execution that was 40% of the
 * time of a three-column insert. Rows are kept here until a statement's worth is complete; {@link
 * #execute()} writes them all, the few left over through a one-row statement. Works inside the
 * caller's transaction, and only for a caller that rolls the whole transaction back when a row is
 * refused: the inserts are {@code OR FAIL}, which keeps the rows written before the refused one,
 * those of its own statement included. With the default {@code ABORT}, SQLite would keep a statement journal to undo each
 * multi-row statement alone, and that journal, written to a temporary file, made a million-row
 * import write twenty times as many pages.
 */
final class MultiRowInsert implements RowSink, AutoCloseable {

    private final int columns;
    private final int rowsPerStatement;
    private final PreparedStatement many;
    private final PreparedStatement one;
    private final Object[] values;
    private int rows;

    /**
     * @param table the table
     * @param columnList its columns, comma-separated, in the order of the parameters
     * @param rowsPerStatement rows per execution; rows × columns must stay within SQLite's 32,766 parameters
     */
    MultiRowInsert(Connection c, String table, String columnList, int rowsPerStatement) throws SQLException {
        this.columns = columnList.split(",").length;
        this.rowsPerStatement = rowsPerStatement;
        if (columns * rowsPerStatement > 32_766) {
            throw new IllegalArgumentException(columns * rowsPerStatement + " parameters in one statement");
        }
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        String insert = "INSERT OR FAIL INTO " + table + " (" + columnList + ") VALUES ";
        many = c.prepareStatement(insert + String.join(", ", Collections.nCopies(rowsPerStatement, row)));
        one = c.prepareStatement(insert + row);
        values = new Object[columns * rowsPerStatement];
    }

    @Override
    public void set(int index, Object value) {
        values[rows * columns + index - 1] = value;
    }

    /** The current row is complete; once a statement's worth is, it is added to the batch. */
    @Override
    public void endRow() throws SQLException {
        if (++rows == rowsPerStatement) {
            for (int k = 0; k < values.length; k++) {
                many.setObject(k + 1, values[k]);
            }
            many.addBatch();
            rows = 0;
        }
    }

    /** Writes every complete row. */
    void execute() throws SQLException {
        many.executeBatch();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < columns; k++) {
                one.setObject(k + 1, values[r * columns + k]);
            }
            one.addBatch();
        }
        one.executeBatch();
        rows = 0;
    }

    @Override
    public void close() throws SQLException {
        // Closes both, the last first, and throws the first failure with the other added to it.
        try (many; one) {
            // nothing to do but close
        }
    }
}
