package kz.incidentmap.store;

import static kz.incidentmap.store.CarriedColumn.Kind.BLOB;
import static kz.incidentmap.store.CarriedColumn.Kind.DATE;
import static kz.incidentmap.store.CarriedColumn.Kind.GEOMETRY;
import static kz.incidentmap.store.CarriedColumn.Kind.INTEGER;
import static kz.incidentmap.store.CarriedColumn.Kind.REAL;
import static kz.incidentmap.store.CarriedColumn.Kind.TEXT;
import static kz.incidentmap.store.CarriedColumn.Kind.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetLayer;

/**
 * A table that {@code copy} carries row by row, column by column, beside the incidents, sources, views and
 * sub-types it carries as records: events and their members, kept copies of sources, the user's places,
 * merged duplicates' aliases and the pairs said not to be duplicates, and the OpenStreetMap tables (street
 * layers, their generalised levels, boundaries and places). The tables have the same names and columns in a
 * GeoPackage and on a server, row ids ({@code fid}) included, so that a record copied there and back has
 * every row where it was.
 *
 * @param name the table's name in both stores
 * @param presence when a GeoPackage has the table
 * @param columns its columns, {@code fid} first
 */
public record CarriedTable(String name, Presence presence, List<CarriedColumn> columns) {

    /** When a GeoPackage has the table, so that a file made from a server's record has the tables the original had. */
    public enum Presence {
        /** Always: part of every store's schema. */
        SCHEMA,
        /** Made together, the street layers and their levels, by the first OpenStreetMap import. */
        STREETS,
        /** Made by the first import that brings a row of it (boundaries, places). */
        WITH_ROWS
    }

    public CarriedTable {
        columns = List.copyOf(columns);
    }

    /** Every table carried, each after the tables its rows refer to. */
    public static final List<CarriedTable> ALL = all();

    /** The columns' names, comma-separated, in order. */
    public String columnList() {
        return columns.stream().map(CarriedColumn::name).collect(Collectors.joining(", "));
    }

    /** Whether the table has a geometry column: a feature table. */
    public boolean hasGeometry() {
        return columns.stream().anyMatch(c -> c.kind() == GEOMETRY);
    }

    private static List<CarriedTable> all() {
        List<CarriedTable> t = new ArrayList<>();
        t.add(schema(EventTables.EVENTS, col("event_id", TEXT), col("title", TEXT), col("kind", TEXT),
                col("parent_id", TEXT), col("start_date", DATE), col("end_date", DATE)));
        t.add(schema(EventTables.MEMBERS, col("event_id", TEXT), col("incident_uuid", TEXT), col("position", INTEGER),
                col("time", TEXT)));
        t.add(schema(GeoPackageSchema.COPIES, col("source_key", TEXT), col("file_name", TEXT), col("media_type", TEXT),
                col("bytes", BLOB), col("sha256", TEXT), col("saved_at", TIMESTAMP)));
        t.add(schema(MyPlaces.TABLE, col("name", TEXT), col("lon", REAL), col("lat", REAL), col("rings", TEXT),
                col("created", TIMESTAMP)));
        t.add(schema(DuplicateTables.ALIASES, col("alias", TEXT), col("incident_uuid", TEXT), col("merged_uuid", TEXT),
                col("origin", TEXT), col("merged", TIMESTAMP)));
        t.add(schema(DuplicateTables.NOT_DUPLICATES, col("uuid_a", TEXT), col("uuid_b", TEXT),
                col("decided", TIMESTAMP)));
        for (StreetLayer layer : StreetLayer.values()) {
            List<CarriedColumn> c = new ArrayList<>(List.of(col("geom", GEOMETRY), col("osm_id", TEXT), col("kind", TEXT),
                    col("type", TEXT), col("name", TEXT), col("name_ru", TEXT), col("name_kk", TEXT)));
            if (layer == StreetLayer.ROADS) {
                // A table made before the road columns reads as two-way roads at ground level, as the map does.
                c.add(col("ref", TEXT));
                for (String flag : List.of("oneway", "layer", "bridge", "tunnel")) {
                    c.add(new CarriedColumn(flag, INTEGER, 0L));
                }
            }
            t.add(table(layer.table(), Presence.STREETS, c));
        }
        for (MapLevel level : MapLevel.values()) {
            for (String name : List.of(level.linesTable(), level.areasTable())) {
                t.add(table(name, Presence.STREETS, List.of(col("geom", GEOMETRY), col("kind", TEXT), col("type", TEXT),
                        col("name", TEXT), col("ref", TEXT))));
            }
        }
        t.add(table(AdminTables.ADMIN, Presence.WITH_ROWS, List.of(col("geom", GEOMETRY), col("osm_id", TEXT),
                col("admin_level", INTEGER), col("name", TEXT), col("name_ru", TEXT), col("name_kk", TEXT),
                col("extract_date", DATE))));
        t.add(table(AdminTables.PLACES, Presence.WITH_ROWS, List.of(col("geom", GEOMETRY), col("osm_id", TEXT),
                col("type", TEXT), col("name", TEXT), col("name_ru", TEXT), col("name_kk", TEXT), col("old_name", TEXT),
                col("population", INTEGER), col("extract_date", DATE))));
        return List.copyOf(t);
    }

    private static CarriedTable schema(String name, CarriedColumn... columns) {
        return table(name, Presence.SCHEMA, List.of(columns));
    }

    private static CarriedTable table(String name, Presence presence, List<CarriedColumn> columns) {
        List<CarriedColumn> withId = new ArrayList<>();
        withId.add(col("fid", INTEGER));
        withId.addAll(columns);
        return new CarriedTable(name, presence, withId);
    }

    private static CarriedColumn col(String name, CarriedColumn.Kind kind) {
        return CarriedColumn.of(name, kind);
    }
}
