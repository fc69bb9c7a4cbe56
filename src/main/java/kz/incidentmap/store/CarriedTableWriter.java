package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Writes {@link TableRows} into a new GeoPackage, in the creating transaction, each row with its row id:
 * the street layers and their levels are made (as the first OpenStreetMap import makes them) when any of them
 * has a row, boundaries and places each when it has one, and every feature table's extent is set from its
 * R-tree as an import sets it. Geometries become GeoPackage blobs as the importer writes them.
 */
final class CarriedTableWriter {

    private CarriedTableWriter() {
    }

    static void write(Connection c, List<TableRows> tables) throws SQLException {
        boolean streets = tables.stream()
                .anyMatch(t -> t.table().presence() == CarriedTable.Presence.STREETS && !t.rows().isEmpty());
        if (streets) {
            for (StreetLayer layer : StreetLayer.values()) {
                StreetLayerSchema.ensure(c, layer);
            }
            for (MapLevel level : MapLevel.values()) {
                StreetLevelTables.ensure(c, level);
            }
        }
        for (TableRows t : tables) {
            if (t.table().presence() == CarriedTable.Presence.WITH_ROWS && !t.rows().isEmpty()) {
                AdminTables.ensure(c, t.table().name());
            }
            if (!t.rows().isEmpty()) {
                insert(c, t);
                if (t.table().hasGeometry()) {
                    StreetLayerSchema.updateExtent(c, t.table().name());
                }
            }
        }
    }

    private static void insert(Connection c, TableRows t) throws SQLException {
        List<CarriedColumn> columns = t.table().columns();
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        WKBReader wkb = new WKBReader();
        // Names come from CarriedTable's constants, never from input.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.table().name() + " ("
                + t.table().columnList() + ") VALUES (" + marks + ")")) {
            for (Object[] row : t.rows()) {
                for (int k = 0; k < columns.size(); k++) {
                    set(ps, k + 1, columns.get(k).kind(), row[k], wkb, t.table().name());
                }
                ps.executeUpdate();
            }
        }
    }

    private static void set(PreparedStatement ps, int index, CarriedColumn.Kind kind, Object value, WKBReader wkb,
            String table) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        switch (kind) {
            case TEXT -> ps.setString(index, (String) value);
            case INTEGER -> ps.setLong(index, (Long) value);
            case REAL -> ps.setDouble(index, (Double) value);
            case BLOB -> ps.setBytes(index, (byte[]) value);
            case DATE -> ps.setString(index, ((LocalDate) value).toString());
            case TIMESTAMP -> ps.setString(index, IncidentWriter.timestamp((Instant) value));
            case GEOMETRY -> {
                try {
                    ps.setBytes(index, GeoPackageGeometry.encode(wkb.read((byte[]) value), GeoPackageSchema.WGS84));
                } catch (ParseException e) {
                    throw new SQLException("a geometry of " + table + " is not WKB: " + e.getMessage(), e);
                }
            }
        }
    }
}
