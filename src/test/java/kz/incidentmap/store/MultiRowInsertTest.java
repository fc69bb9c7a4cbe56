package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows go in whole statements and leftovers, in order, with their types; a refused row stops the write. */
class MultiRowInsertTest {

    @TempDir
    Path dir;

    private Connection table() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        try (Statement s = c.createStatement()) {
            // id is a plain column, not the row id: the row ids then show the order the rows went in.
            s.execute("CREATE TABLE t (id INTEGER NOT NULL, name TEXT, size REAL, data BLOB,"
                    + " n INTEGER CHECK (n IS NULL OR n >= 0))");
        }
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void everyRowIsWrittenInOrderWhateverItsPlaceInAStatement() throws Exception {
        try (Connection c = table(); MultiRowInsert insert = new MultiRowInsert(c, "t", "id, name, size, data, n", 8)) {
            int rows = 8 * 3 + 5; // three whole statements and five rows left over
            for (int k = 0; k < rows; k++) {
                insert.set(1, k);
                insert.set(2, k % 3 == 0 ? null : "row " + k);
                insert.set(3, k / 4.0);
                insert.set(4, new byte[] {(byte) k, 7});
                insert.set(5, k % 5 == 0 ? null : k);
                insert.endRow();
            }
            insert.execute();
            c.commit();
            List<String> read = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, name, typeof(size), size, data, n FROM t ORDER BY rowid")) {
                while (rs.next()) {
                    int k = rs.getInt(1);
                    assertEquals(read.size(), k, "rows in the order they were given");
                    assertEquals(k % 3 == 0 ? null : "row " + k, rs.getString(2));
                    assertEquals("real", rs.getString(3));
                    assertEquals(k / 4.0, rs.getDouble(4), 0.0);
                    assertArrayEquals(new byte[] {(byte) k, 7}, rs.getBytes(5));
                    assertEquals(k % 5 == 0 ? null : (Object) k, rs.getObject(6));
                    read.add(rs.getString(2));
                }
            }
            assertEquals(rows, read.size());
        }
    }

    @Test
    void aRefusedRowFailsTheWriteAndKeepsTheRowsBeforeItsStatementForTheCallerToRollBack() throws Exception {
        try (Connection c = table(); MultiRowInsert insert = new MultiRowInsert(c, "t", "id, name, size, data, n", 4)) {
            for (int k = 0; k < 10; k++) {
                insert.set(1, k);
                insert.set(2, "row " + k);
                insert.set(3, 1.0);
                insert.set(4, null);
                insert.set(5, k == 6 ? -1 : k); // refused by the CHECK
                insert.endRow();
            }
            SQLException e = assertThrows(SQLException.class, insert::execute);
            assertEquals(true, e.getMessage().contains("CHECK"), e.getMessage());
            // OR FAIL keeps the rows written before the refused one, in its own statement too: only the
            // caller's rollback (which every caller does) takes them away.
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertEquals(6, rs.getInt(1), "rows 0 to 5");
            }
            c.rollback();
        }
    }

    @Test
    void moreParametersThanSqliteTakesAreRefusedUpFront() throws Exception {
        try (Connection c = table()) {
            assertThrows(IllegalArgumentException.class, () -> new MultiRowInsert(c, "t", "id, name, size, data, n", 7_000));
        }
    }
}
