package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.LocationPrecision;

/**
 * What {@code incident_points} holds (schema version 4) of an incident beyond what the map draws, for
 * the filter: how precise the date and the position are, the sub-type, and the smallest and largest
 * number killed and wounded its sources give. Kept in the row so that loading a million incidents needs
 * no join of the incidents with their claims. The three codes are stored as the number of the model's
 * constant (its ordinal): an integer is read without making a string per row. Those numbers are part
 * of the file, so the model's constants are only ever added at the end of their lists. A code the
 * incidents row does not hold, or holds but the model does not know, is NULL; a number the model does
 * not know reads as none (-1). A figure no source gives is NULL.
 */
final class PointFacts {

    /** The incident_points columns of the facts, in the order {@link #bind} binds them. */
    static final List<String> COLUMNS = List.of("date_precision", "sub_type", "location_precision",
            "killed_min", "killed_max", "wounded_min", "wounded_max");
    /** Number of parameters {@link #bind} binds. */
    static final int COUNT = COLUMNS.size();

    private PointFacts() {
    }

    /** Sets the {@link #COLUMNS} of incident {@code i} as parameters {@code first}..{@code first + COUNT - 1}. */
    static void bind(RowSink p, int first, Incident i) throws SQLException {
        p.set(first, number(i.datePrecision()));
        p.set(first + 1, i.subType() == null ? null : i.subType().ordinal());
        p.set(first + 2, number(i.locationPrecision()));
        p.set(first + 3, figure(i.minKilled()));
        p.set(first + 4, figure(i.maxKilled()));
        p.set(first + 5, figure(i.minWounded()));
        p.set(first + 6, figure(i.maxWounded()));
    }

    private static Integer number(Enum<?> code) {
        return code == null ? null : code.ordinal();
    }

    private static Integer figure(OptionalInt figure) {
        return figure.isPresent() ? figure.getAsInt() : null;
    }

    /**
     * The facts of every incident as its row and claims give them: row id, then the {@link #COLUMNS}, one
     * row per incident with a geometry, in row id order. Codes are matched as every reader of the store
     * matches them (blanks trimmed, case ignored). What the upgrade to version 4 fills the columns
     * with, what {@code check} compares them against, and what an older file is read with.
     *
     * @param subType the SQL giving the number of {@code i.sub_type} ({@link VocabularyTable#numberOf}), or
     *     "NULL" when the incidents rows have no sub-types (a version-1 file opened for viewing)
     */
    static String fromIncidents(String subType) {
        return "SELECT i.fid AS fid, " + numberOf("i.date_precision", DatePrecision.values()) + " AS date_precision, "
                + subType + " AS sub_type, "
                + numberOf("i.location_precision", LocationPrecision.values()) + " AS location_precision,"
                + " min(c.killed) AS killed_min, max(c.killed) AS killed_max,"
                + " min(c.wounded) AS wounded_min, max(c.wounded) AS wounded_max"
                + " FROM incidents i LEFT JOIN claims c ON c.incident_uuid = i.uuid WHERE i.geom NOT NULL"
                + " GROUP BY i.fid ORDER BY i.fid";
    }

    /** "CASE lower(trim(column)) WHEN 'code' THEN ordinal … END": NULL for none and for an unknown code. */
    private static String numberOf(String column, Enum<?>[] values) {
        StringBuilder sql = new StringBuilder("CASE lower(trim(").append(column).append("))");
        for (Enum<?> e : values) {
            sql.append(" WHEN '").append(e.name().toLowerCase(Locale.ROOT)).append("' THEN ").append(e.ordinal());
        }
        return sql.append(" END").toString();
    }

    /** A stored number as the ordinal of one of {@code count} constants, or -1 for none or an unknown one. */
    static byte ordinal(int stored, int count) {
        return stored >= 0 && stored < count ? (byte) stored : -1;
    }

    /**
     * Whether incident_points has the fact columns: a file of version 3 opened for viewing (not
     * upgraded) has not, and its facts are read from the incidents rows and claims ({@link IncidentFacts}).
     */
    static boolean stored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_info(?) WHERE name IN ("
                + String.join(", ", COLUMNS.stream().map(name -> "'" + name + "'").toList()) + ")")) {
            ps.setString(1, GeoPackageSchema.POINTS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == COUNT;
            }
        }
    }
}
