package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@link CarriedTable}s a GeoPackage has, row by row in the order of their row ids, as
 * {@link TableRows}: dates and times parsed from their text, geometries as the WKB inside their GeoPackage
 * blobs. A table the file does not have is left out; a column an older file's table lacks reads as the
 * column's value when absent. A value another program left that is not what its column holds (a time
 * that is not one) fails the read, naming the table, the row and the column: a copy is whole or not made.
 */
final class CarriedTableReader {

    private CarriedTableReader() {
    }

    static List<TableRows> read(Connection c) throws SQLException {
        List<TableRows> out = new ArrayList<>();
        for (CarriedTable t : CarriedTable.ALL) {
            if (StreetLayerSchema.exists(c, t.name())) {
                out.add(read(c, t));
            }
        }
        return out;
    }

    private static TableRows read(Connection c, CarriedTable t) throws SQLException {
        Set<String> present = columns(c, t.name());
        StringBuilder select = new StringBuilder();
        for (CarriedColumn col : t.columns()) {
            select.append(select.isEmpty() ? "" : ", ").append(present.contains(col.name()) ? col.name() : "NULL");
        }
        List<Object[]> rows = new ArrayList<>();
        // Names come from CarriedTable's constants, never from input.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + select + " FROM " + t.name() + " ORDER BY fid");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[t.columns().size()];
                for (int k = 0; k < row.length; k++) {
                    CarriedColumn col = t.columns().get(k);
                    row[k] = present.contains(col.name()) ? value(rs, k + 1, t, col) : col.whenAbsent();
                }
                rows.add(row);
            }
        }
        return new TableRows(t, rows);
    }

    private static Object value(ResultSet rs, int index, CarriedTable t, CarriedColumn col) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        try {
            return switch (col.kind()) {
                case TEXT -> raw.toString();
                case INTEGER -> ((Number) raw).longValue();
                case REAL -> ((Number) raw).doubleValue();
                case BLOB -> rs.getBytes(index);
                case DATE -> raw.toString().isBlank() ? null : LocalDate.parse(raw.toString().strip());
                case TIMESTAMP -> Instant.parse(raw.toString().strip());
                case GEOMETRY -> wkb(rs.getBytes(index));
            };
        } catch (ClassCastException | DateTimeParseException | IllegalArgumentException e) {
            throw new SQLException("table " + t.name() + ", row " + rs.getLong(1) + ", column " + col.name() + ": '"
                    + shortened(raw) + "' is not " + expected(col.kind()), e);
        }
    }

    /** The standard WKB that follows a GeoPackage blob's header. */
    private static byte[] wkb(byte[] blob) {
        return Arrays.copyOfRange(blob, GeoPackageGeometry.header(blob).wkbOffset(), blob.length);
    }

    private static String expected(CarriedColumn.Kind kind) {
        return switch (kind) {
            case INTEGER -> "a whole number";
            case REAL -> "a number";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIMESTAMP -> "a time (YYYY-MM-DDTHH:MM:SS.sssZ)";
            case GEOMETRY -> "a GeoPackage geometry";
            default -> "what the column holds";
        };
    }

    private static String shortened(Object raw) {
        String s = raw instanceof byte[] b ? b.length + " bytes" : raw.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
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
