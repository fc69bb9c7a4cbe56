package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections to a store file the way the store needs them: foreign keys enforced, a busy
 * timeout so that a second reader or writer waits instead of failing, memory-mapped reads, and the
 * GeoPackage geometry functions the R-tree triggers call. An existing file is never created by
 * accident: only {@link #create} may make a new database file. It also turns SQLite's error codes
 * into messages a user can act on.
 */
public final class StoreConnections {

    /** How long a statement waits for another connection's lock before giving up. */
    public static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /**
     * How much of the file SQLite may map into memory for reading: all of any store we expect. A read
     * outside the mapped part copies a whole page through the kernel, and a whole export reads rows in
     * date order, all over the file: with 256 MiB mapped, a million-incident export spent 28 s of its
     * 67 s in the kernel; with the whole file, 4 s of 36 s.
     */
    public static final long MMAP_SIZE = 8L << 30;

    private StoreConnections() {
    }

    /** A read-only connection to an existing file, used to check it without any chance of changing it. */
    public static Connection openReadOnly(Path file) throws SQLException {
        return open(file, true, false);
    }

    /** A read-write connection to an existing file. */
    public static Connection openReadWrite(Path file) throws SQLException {
        return open(file, false, false);
    }

    /** A read-write connection that may create the file. */
    static Connection create(Path file) throws SQLException {
        return open(file, false, true);
    }

    private static Connection open(Path file, boolean readOnly, boolean create) throws SQLException {
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA mmap_size = " + MMAP_SIZE);
            SpatialFunctions.register(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A StoreException "file: action: reason", the reason told in plain words where SQLite's code allows. */
    public static StoreException failure(Path file, String action, SQLException e) {
        return new StoreException(file + ": " + action + ": " + explain(e), e);
    }

    static String explain(SQLException e) {
        if (!(e instanceof SQLiteException se)) {
            return String.valueOf(e.getMessage());
        }
        SQLiteErrorCode code = se.getResultCode();
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_CORRUPT")) {
            return "corrupt database (SQLite reports that the database disk image is malformed)";
        } else if (name.equals("SQLITE_NOTADB")) {
            return "not a SQLite database";
        } else if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "the file is locked by another program; close it there and try again";
        } else if (name.startsWith("SQLITE_CANTOPEN")) {
            return "cannot open the file (check that it and its folder are readable and writable)";
        } else if (name.startsWith("SQLITE_READONLY")) {
            return "the file or its folder is read-only";
        } else if (name.equals("SQLITE_FULL")) {
            return "the disk is full";
        } else if (name.startsWith("SQLITE_IOERR")) {
            return "input/output error while reading or writing the file";
        }
        return String.valueOf(e.getMessage());
    }
}
