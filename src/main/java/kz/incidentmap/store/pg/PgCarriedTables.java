package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.store.CarriedColumn;
import kz.incidentmap.store.CarriedTable;
import kz.incidentmap.store.TableRows;

/**
 * The tables {@code copy} carries row by row ({@link CarriedTable}) on the server, made by version 3 of
 * {@link PgSchema} with the GeoPackage's columns: written with their row ids in the caller's transaction,
 * and read in the order of them. Dates are {@code date}, times {@code timestamptz}, geometries PostGIS
 * geometries in EPSG:4326, in and out as WKB; every value is a parameter.
 */
final class PgCarriedTables {

    /** Rows sent to the server per batch. */
    private static final int BATCH = 1_000;

    private PgCarriedTables() {
    }

    /** Writes every row; the tables are empty. The identities then continue after the row ids written. */
    static void write(Connection c, List<TableRows> tables) throws SQLException {
        for (TableRows t : tables) {
            if (t.rows().isEmpty()) {
                continue;
            }
            List<CarriedColumn> columns = t.table().columns();
            StringBuilder values = new StringBuilder();
            for (CarriedColumn col : columns) {
                values.append(values.isEmpty() ? "" : ", ")
                        .append(col.kind() == CarriedColumn.Kind.GEOMETRY ? "ST_GeomFromWKB(?, 4326)" : "?");
            }
            // Table and column names are CarriedTable's constants; the fid is given, as an identity BY DEFAULT allows.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.table().name() + " ("
                    + t.table().columnList() + ") VALUES (" + values + ")")) {
                int n = 0;
                for (Object[] row : t.rows()) {
                    for (int k = 0; k < columns.size(); k++) {
                        set(ps, k + 1, columns.get(k).kind(), row[k]);
                    }
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'fid'),"
                    + " (SELECT max(fid) FROM " + t.table().name() + "))")) {
                ps.setString(1, t.table().name());
                ps.executeQuery().close();
            }
        }
    }

    /** Every carried table with its rows, in the order of their row ids (the OpenStreetMap ones empty when none were copied). */
    static List<TableRows> read(Connection c) throws SQLException {
        List<TableRows> out = new ArrayList<>();
        for (CarriedTable t : CarriedTable.ALL) {
            StringBuilder select = new StringBuilder();
            for (CarriedColumn col : t.columns()) {
                select.append(select.isEmpty() ? "" : ", ")
                        .append(col.kind() == CarriedColumn.Kind.GEOMETRY ? "ST_AsBinary(" + col.name() + ")" : col.name());
            }
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + select + " FROM " + t.name() + " ORDER BY fid");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[t.columns().size()];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = value(rs, k + 1, t.columns().get(k).kind());
                    }
                    rows.add(row);
                }
            }
            out.add(new TableRows(t, rows));
        }
        return out;
    }

    private static void set(PreparedStatement ps, int index, CarriedColumn.Kind kind, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (kind) {
                case TEXT -> Types.VARCHAR;
                case INTEGER -> Types.BIGINT;
                case REAL -> Types.DOUBLE;
                case BLOB, GEOMETRY -> Types.BINARY;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
            });
            return;
        }
        switch (kind) {
            case TEXT -> ps.setString(index, (String) value);
            case INTEGER -> ps.setLong(index, (Long) value);
            case REAL -> ps.setDouble(index, (Double) value);
            case BLOB, GEOMETRY -> ps.setBytes(index, (byte[]) value);
            case DATE -> ps.setObject(index, (LocalDate) value);
            case TIMESTAMP -> ps.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
    }

    private static Object value(ResultSet rs, int index, CarriedColumn.Kind kind) throws SQLException {
        if (rs.getObject(index) == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> rs.getString(index);
            case INTEGER -> rs.getLong(index);
            case REAL -> rs.getDouble(index);
            case BLOB, GEOMETRY -> rs.getBytes(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class).toInstant();
        };
    }
}
