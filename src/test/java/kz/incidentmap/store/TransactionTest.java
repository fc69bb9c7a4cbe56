package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that runs out of room: SQLite rolls it back by itself, and the failure that reaches the
 * caller is the full disk, not the driver's complaint that there was no transaction left to end. A
 * limit on the file's pages stands in for the disk here.
 */
class TransactionTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsTheFailureThatIsThrownAndNothingStays() throws Exception {
        try (Connection c = StoreConnections.create(dir.resolve("t.db")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x BLOB)");
            s.execute("INSERT INTO t VALUES (x'00')");
            s.execute("PRAGMA max_page_count = 8");
            SQLException e = assertThrows(SQLException.class, () -> Transaction.run(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    for (int i = 0; i < 100; i++) {
                        ps.setBytes(1, new byte[4096]);
                        ps.executeUpdate();
                    }
                }
            }));
            assertTrue(DiskSpace.isFull(e), e.getMessage());
            assertTrue(c.getAutoCommit(), "the connection is back in autocommit mode");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertEquals(1, rs.getInt(1), "nothing of the failed transaction stayed");
            }
        }
    }

    @Test
    void aFailureOfTheWorkIsThrownAsItWas() throws Exception {
        try (Connection c = StoreConnections.create(dir.resolve("u.db")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER NOT NULL)");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Transaction.run(c, () -> {
                s.execute("INSERT INTO t VALUES (1)");
                throw new IllegalStateException("bad record");
            }));
            assertEquals("bad record", e.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
