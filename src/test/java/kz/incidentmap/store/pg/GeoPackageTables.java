package kz.incidentmap.store.pg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A GeoPackage read as plain tables, for comparing two files table by table, column by column and row by
 * row: every table the file has except SQLite's own and the R-trees (which the triggers fill from the
 * rows), each as its column names and its rows as text, sorted. Row ids that a copy gives anew (the
 * incidents', their links' and claims', sources', views' and the vocabulary's) are left out, and
 * incident_points names its incident by uuid instead; the tables carried with their row ids keep them.
 * gpkg_contents leaves out the time of the last change, which is when the file was written.
 */
final class GeoPackageTables {

    /** Tables whose rows a copy writes with new row ids. */
    private static final Set<String> NEW_ROW_IDS = Set.of("incidents", "incident_sources", "claims", "sources",
            "kim_views", "incident_vocabulary", "kim_metadata", "incident_points");

    private GeoPackageTables() {
    }

    /** Table name → its columns (first line) and its rows, each as one line of text, sorted. */
    static Map<String, List<String>> read(Path file) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            for (String table : names(c)) {
                List<String> columns = columns(c, table);
                List<String> kept = columns.stream().filter(col -> !(NEW_ROW_IDS.contains(table) && col.equals("fid"))
                        && !(table.equals("gpkg_contents") && col.equals("last_change"))).toList();
                String select = table.equals("incident_points")
                        ? "SELECT (SELECT i.uuid FROM incidents i WHERE i.fid = p.fid), "
                                + String.join(", ", kept.stream().map(k -> "p." + k).toList()) + " FROM incident_points p"
                        : "SELECT " + String.join(", ", kept) + " FROM \"" + table + "\"";
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int k = 1; k <= n; k++) {
                            Object v = rs.getObject(k);
                            row.append(k > 1 ? " | " : "").append(v instanceof byte[] b ? HexFormat.of().formatHex(b)
                                    : String.valueOf(v));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                List<String> all = new ArrayList<>();
                all.add("columns: " + String.join(", ", columns));
                all.addAll(rows);
                tables.put(table, all);
            }
        }
        return tables;
    }

    private static List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'rtree%' ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
