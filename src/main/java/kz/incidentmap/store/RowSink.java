package kz.incidentmap.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where the values of one row go, column by column: the parameters of a statement executed per row,
 * or the next row of a {@link MultiRowInsert}. {@link IncidentRows} binds through it, so the
 * statement-per-row writer and the bulk inserter write the same values.
 */
interface RowSink {

    /** Sets parameter {@code index} (from 1) of the current row; a null value is SQL NULL. */
    void set(int index, Object value) throws SQLException;

    /** The current row is complete. */
    void endRow() throws SQLException;

    /** The parameters of {@code p}; a complete row is executed at once. */
    static RowSink executing(PreparedStatement p) {
        return new RowSink() {
            @Override
            public void set(int index, Object value) throws SQLException {
                p.setObject(index, value);
            }

            @Override
            public void endRow() throws SQLException {
                p.executeUpdate();
            }
        };
    }
}
