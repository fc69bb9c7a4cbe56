package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A packed R-tree is one SQLite accepts and answers queries from exactly as one built row by row. */
class RtreeBulkLoaderTest {

    @Test
    void boundsAreRoundedOutwardsExactlyAsSqliteRoundsThem() throws Exception {
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                for (int k = 0; k < 2_000; k++) {
                    double x = (random.nextDouble() - 0.5) * 360;
                    double y = (random.nextDouble() - 0.5) * 180;
                    p.setLong(1, k);
                    p.setDouble(2, x);
                    p.setDouble(3, x);
                    p.setDouble(4, y);
                    p.setDouble(5, y);
                    p.executeUpdate();
                }
            }
            random = new Random(7);
            try (ResultSet rs = s.executeQuery("SELECT minx, maxx, miny, maxy FROM t ORDER BY id")) {
                while (rs.next()) {
                    double x = (random.nextDouble() - 0.5) * 360;
                    double y = (random.nextDouble() - 0.5) * 180;
                    assertEquals((float) rs.getDouble(1), RtreeBulkLoader.down(x));
                    assertEquals((float) rs.getDouble(2), RtreeBulkLoader.up(x));
                    assertEquals((float) rs.getDouble(3), RtreeBulkLoader.down(y));
                    assertEquals((float) rs.getDouble(4), RtreeBulkLoader.up(y));
                }
            }
        }
    }

    @Test
    void aPackedTreeKeepsTheEntriesItHadPassesRtreecheckAndFindsWhatAScanFinds() throws Exception {
        Random random = new Random(11);
        int stored = 300;
        int added = 20_000;
        double[] lons = new double[stored + added];
        double[] lats = new double[stored + added];
        for (int k = 0; k < lons.length; k++) {
            // Clustered like real records: most points near a few places.
            double cx = 50 + 10 * (k % 5);
            lons[k] = cx + random.nextGaussian() * (k % 3 == 0 ? 3 : 0.05);
            lats[k] = 45 + random.nextGaussian() * 2;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                for (int k = 0; k < stored; k++) {
                    p.setLong(1, k + 1);
                    p.setDouble(2, lons[k]);
                    p.setDouble(3, lons[k]);
                    p.setDouble(4, lats[k]);
                    p.setDouble(5, lats[k]);
                    p.executeUpdate();
                }
            }
            long[] ids = new long[added];
            double[] newLons = new double[added];
            double[] newLats = new double[added];
            for (int k = 0; k < added; k++) {
                ids[k] = stored + k + 1;
                newLons[k] = lons[stored + k];
                newLats[k] = lats[stored + k];
            }
            c.setAutoCommit(false);
            RtreeBulkLoader loader = new RtreeBulkLoader(c, "t");
            loader.addPoints(ids, newLons, newLats, added);
            c.commit();
            c.setAutoCommit(true);
            assertEquals(stored + added, loader.count());
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('t')")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t_node")) {
                assertEquals(true, rs.getInt(1) > 400, "a tree of several levels, not one node");
            }
            for (int q = 0; q < 50; q++) {
                double x0 = 45 + random.nextDouble() * 25;
                double y0 = 40 + random.nextDouble() * 10;
                double x1 = x0 + random.nextDouble() * (q % 2 == 0 ? 0.2 : 5);
                double y1 = y0 + random.nextDouble() * 2;
                TreeSet<Long> scanned = new TreeSet<>();
                for (int k = 0; k < lons.length; k++) {
                    if (lons[k] >= x0 && lons[k] <= x1 && lats[k] >= y0 && lats[k] <= y1) {
                        scanned.add((long) k + 1);
                    }
                }
                // The R-tree's float boxes are rounded outwards: it may give a few more, never fewer.
                List<Long> found = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT id FROM t WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?")) {
                    p.setDouble(1, x1);
                    p.setDouble(2, x0);
                    p.setDouble(3, y1);
                    p.setDouble(4, y0);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            int k = (int) id - 1;
                            if (lons[k] >= x0 && lons[k] <= x1 && lats[k] >= y0 && lats[k] <= y1) {
                                found.add(id);
                            }
                        }
                    }
                }
                assertEquals(new ArrayList<>(scanned), found.stream().sorted().toList(), "query " + q);
            }
            // The packed tree still takes ordinary inserts and deletes.
            s.execute("INSERT INTO t VALUES (999999, 1, 1, 2, 2)");
            s.execute("DELETE FROM t WHERE id = 5");
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('t')")) {
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @Test
    void idsThatDoNotFitThePrimitiveSortArePackedToo() throws Exception {
        // Negative ids and ids from 2^40 on take the sort of boxed positions (as over 8 million entries would).
        int n = 3_000;
        long[] ids = new long[n];
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int k = 0; k < n; k++) {
            ids[k] = k % 2 == 0 ? -(k + 1L) : (1L << 40) + k;
            lons[k] = 50 + (k % 60) * 0.5;
            lats[k] = 40 + (k / 60) * 0.2;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)");
            c.setAutoCommit(false);
            new RtreeBulkLoader(c, "t").addPoints(ids, lons, lats, n);
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('t'), (SELECT count(*) FROM t_rowid)")) {
                assertEquals("ok", rs.getString(1));
                assertEquals(n, rs.getInt(2));
            }
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id FROM t WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?")) {
                for (int k = 0; k < n; k += 7) {
                    p.setDouble(1, lons[k]);
                    p.setDouble(2, lons[k]);
                    p.setDouble(3, lats[k]);
                    p.setDouble(4, lats[k]);
                    try (ResultSet rs = p.executeQuery()) {
                        assertEquals(true, rs.next(), "point " + k);
                        assertEquals(ids[k], rs.getLong(1));
                    }
                }
            }
            // Each id's row in t_rowid names the leaf that holds it: deleting by id finds it.
            s.execute("DELETE FROM t WHERE id = " + ids[10]);
            s.execute("DELETE FROM t WHERE id = " + ids[11]);
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('t'), (SELECT count(*) FROM t)")) {
                assertEquals("ok", rs.getString(1));
                assertEquals(n - 2, rs.getInt(2));
            }
        }
    }

    @Test
    void packingNothingLeavesAnEmptyTree() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)");
            new RtreeBulkLoader(c, "t").addPoints(new long[0], new double[0], new double[0], 0);
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('t'), (SELECT count(*) FROM t)")) {
                assertEquals("ok", rs.getString(1));
                assertEquals(0, rs.getInt(2));
            }
        }
    }
}
