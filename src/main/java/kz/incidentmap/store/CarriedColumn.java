package kz.incidentmap.store;

/**
 * One column of a {@link CarriedTable}: its name (the same in a GeoPackage and on a server) and the kind of
 * value it holds, which says how each side stores it.
 *
 * @param name the column's name
 * @param kind what its values are
 * @param whenAbsent the value of a file whose table was made before the column was added (null or 0)
 */
public record CarriedColumn(String name, Kind kind, Object whenAbsent) {

    /**
     * The kinds of values, each as one Java type in {@link TableRows}: a GeoPackage keeps dates and times
     * as text and geometries as GeoPackage blobs, a server as {@code date}, {@code timestamptz} and PostGIS
     * geometries; in between they are these.
     */
    public enum Kind {
        /** {@link String}. */
        TEXT,
        /** {@link Long}. */
        INTEGER,
        /** {@link Double}. */
        REAL,
        /** {@code byte[]}. */
        BLOB,
        /** {@link java.time.LocalDate}. */
        DATE,
        /** {@link java.time.Instant}. */
        TIMESTAMP,
        /** {@code byte[]}, the geometry as standard WKB in EPSG:4326. */
        GEOMETRY
    }

    static CarriedColumn of(String name, Kind kind) {
        return new CarriedColumn(name, kind, null);
    }
}
