package kz.incidentmap.store;

import java.util.List;

/**
 * The rows of one {@link CarriedTable} as a store holds them, in the order of their row ids, each value of
 * the Java type its column's kind names (null where the store has none).
 *
 * @param table the table
 * @param rows its rows, each with one value per column in the table's order
 */
public record TableRows(CarriedTable table, List<Object[]> rows) {

    public TableRows {
        rows = List.copyOf(rows);
    }
}
