package kz.incidentmap.view;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The incident table's items: the rows of the incident index in the order shown, held as one
 * {@code int[]} (a million rows are four megabytes, not a million objects). An item is an index row;
 * its position is the table row. JavaFX thread only.
 */
final class TableRows extends ObservableListBase<Integer> {

    private int[] rows = new int[0];

    @Override
    public Integer get(int position) {
        return rows[position];
    }

    @Override
    public int size() {
        return rows.length;
    }

    /** The index row at {@code position}, unboxed. */
    int row(int position) {
        return rows[position];
    }

    /** The order shown, not to be changed. */
    int[] order() {
        return rows;
    }

    /** The position of index row {@code row}, or -1 when it is not shown. */
    int positionOf(int row) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == row) {
                return i;
            }
        }
        return -1;
    }

    /** Shows {@code order} in place of what was shown. */
    void show(int[] order) {
        int[] old = rows;
        rows = order;
        beginChange();
        if (old.length > 0) {
            nextRemove(0, view(old));
        }
        if (order.length > 0) {
            nextAdd(0, order.length);
        }
        endChange();
    }

    private static List<Integer> view(int[] a) {
        return new AbstractList<>() {
            @Override
            public Integer get(int i) {
                return a[i];
            }

            @Override
            public int size() {
                return a.length;
            }
        };
    }
}
