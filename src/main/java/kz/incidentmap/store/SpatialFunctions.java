package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * Registers on a SQLite connection the SQL functions the GeoPackage R-tree triggers call:
 * {@code ST_IsEmpty}, {@code ST_MinX}, {@code ST_MaxX}, {@code ST_MinY}, {@code ST_MaxY}. Each takes a
 * GeoPackage geometry blob. GDAL defines the same functions on its own connections; any connection of
 * ours that writes to a feature table needs them, or SQLite refuses the statement ("no such function").
 * A NULL argument gives NULL; a blob that is not a GeoPackage geometry is an SQL error.
 */
public final class SpatialFunctions {

    private SpatialFunctions() {
    }

    /** Registers the five functions on {@code connection} (a sqlite-jdbc connection). */
    public static void register(Connection connection) throws SQLException {
        Function.create(connection, "ST_IsEmpty", new IsEmpty(), 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "ST_MinX", new Bound(0), 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "ST_MaxX", new Bound(1), 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "ST_MinY", new Bound(2), 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "ST_MaxY", new Bound(3), 1, Function.FLAG_DETERMINISTIC);
    }

    /** ST_IsEmpty(geom): 1 when empty, 0 when not, NULL for NULL. */
    private static final class IsEmpty extends Function {
        @Override
        protected void xFunc() throws SQLException {
            byte[] blob = value_blob(0);
            if (blob == null) {
                result();
                return;
            }
            try {
                result(GeoPackageGeometry.isEmpty(blob) ? 1 : 0);
            } catch (IllegalArgumentException e) {
                error("ST_IsEmpty: " + e.getMessage());
            }
        }
    }

    /** ST_MinX/MaxX/MinY/MaxY(geom): one bound of the envelope, NULL for NULL or empty. */
    private static final class Bound extends Function {
        private final int index;

        Bound(int index) {
            this.index = index;
        }

        @Override
        protected void xFunc() throws SQLException {
            byte[] blob = value_blob(0);
            if (blob == null) {
                result();
                return;
            }
            try {
                double[] envelope = GeoPackageGeometry.envelope(blob);
                if (envelope == null) {
                    result();
                } else {
                    result(envelope[index]);
                }
            } catch (IllegalArgumentException e) {
                error("envelope function: " + e.getMessage());
            }
        }
    }
}
