package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.LocationPrecision;

/**
 * The filter's facts of every incident with a position, by row id, worded alike from two places: as
 * {@code incident_points} holds them, and as the incidents rows grouped with their claims give them.
 * Written here apart from the store's own SQL, so that a test comparing the two checks that code.
 */
public final class StoredFacts {

    private StoredFacts() {
    }

    /** "date_precision sub_type location_precision killed min-max wounded min-max" per row of incident_points. */
    public static Map<Long, String> inPoints(Path db) throws SQLException {
        Map<Long, String> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT fid, date_precision, sub_type, location_precision, killed_min,"
                        + " killed_max, wounded_min, wounded_max FROM incident_points")) {
            while (rs.next()) {
                m.put(rs.getLong(1), code(DatePrecision.values(), rs, 2) + " " + subCode(rs, 3)
                        + " " + code(LocationPrecision.values(), rs, 4) + figures(rs, 5));
            }
        }
        return m;
    }

    /** The same words from the incidents rows with a point (those in the R-tree) and their claims. */
    public static Map<Long, String> byJoin(Path db) throws SQLException {
        Map<Long, String> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT i.fid, i.date_precision, i.sub_type, i.location_precision,"
                        + " min(c.killed), max(c.killed), min(c.wounded), max(c.wounded)"
                        + " FROM incidents i LEFT JOIN claims c ON c.incident_uuid = i.uuid"
                        + " WHERE i.fid IN (SELECT id FROM rtree_incidents_geom) GROUP BY i.fid")) {
            while (rs.next()) {
                m.put(rs.getLong(1), known(DatePrecision.values(), rs.getString(2)) + " "
                        + knownSub(rs.getString(3)) + " "
                        + known(LocationPrecision.values(), rs.getString(4)) + figures(rs, 5));
            }
        }
        return m;
    }

    /** The code of the constant numbered in column {@code at}, "-" for none, "?n" for a number of no constant. */
    private static String code(Enum<?>[] values, ResultSet rs, int at) throws SQLException {
        int number = rs.getInt(at);
        if (rs.wasNull()) {
            return "-";
        }
        return number >= 0 && number < values.length ? name(values[number]) : "?" + number;
    }

    /** The code as every reader matches it (blanks and case aside), "-" for none or an unknown one. */
    private static String known(Enum<?>[] values, String code) {
        for (Enum<?> e : values) {
            if (code != null && name(e).equals(code.trim().toLowerCase(Locale.ROOT))) {
                return name(e);
            }
        }
        return "-";
    }

    /** The sub-type's code by its number, as {@link #code} does for an enum. */
    private static String subCode(ResultSet rs, int at) throws SQLException {
        int number = rs.getInt(at);
        if (rs.wasNull()) {
            return "-";
        }
        return number >= 0 && number < IncidentSubType.BUILT_IN.size() ? IncidentSubType.BUILT_IN.get(number).code()
                : "?" + number;
    }

    private static String knownSub(String code) {
        return IncidentSubType.builtIn(code).map(IncidentSubType::code).orElse("-");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String figures(ResultSet rs, int first) throws SQLException {
        return " killed " + rs.getObject(first) + "-" + rs.getObject(first + 1) + " wounded " + rs.getObject(first + 2)
                + "-" + rs.getObject(first + 3);
    }
}
