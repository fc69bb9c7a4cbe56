package kz.incidentmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a file is an incident store before the store uses it, and says precisely why not:
 * missing, not a regular file, not SQLite, truncated, corrupt, not a GeoPackage, a GeoPackage without
 * our tables, or written by a newer version. The header checks read raw bytes; the rest runs on a
 * read-only connection, so checking never changes the file.
 */
final class StoreFileCheck {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    /**
     * Files up to this size get a full {@code PRAGMA quick_check} on open (about 0.3 s at this size);
     * larger ones only the header checks, and the store checks them on a thread of its own before the
     * first write (see {@link IntegrityCheck}).
     */
    static final long QUICK_CHECK_LIMIT = 64L * 1024 * 1024;

    private StoreFileCheck() {
    }

    /** Checks the file's existence and its SQLite header. */
    static void checkHeader(Path file) throws StoreException {
        if (!Files.exists(file)) {
            throw StoreException.of(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw StoreException.of(file, "not a regular file");
        }
        byte[] header = new byte[HEADER_SIZE];
        long length;
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            length = Files.size(file);
            read = in.readNBytes(header, 0, HEADER_SIZE);
        } catch (IOException e) {
            throw StoreException.of(file, "cannot read", e);
        }
        if (length == 0) {
            throw StoreException.of(file, "empty file, not a SQLite database");
        }
        int magic = Math.min(read, SQLITE_MAGIC.length);
        for (int i = 0; i < magic; i++) {
            if (header[i] != SQLITE_MAGIC[i]) {
                throw StoreException.of(file, "not a SQLite database");
            }
        }
        if (read < HEADER_SIZE) {
            throw StoreException.of(file, "truncated SQLite database (" + length + " bytes, shorter than its header)");
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int pageSize = h.getShort(16) & 0xffff;
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw StoreException.of(file, "corrupt SQLite header (page size " + pageSize + ")");
        }
        long pages = h.getInt(28) & 0xffffffffL;
        boolean sizeValid = pages > 0 && h.getInt(24) == h.getInt(92);
        if (sizeValid && length < pages * pageSize) {
            throw StoreException.of(file, "truncated SQLite database (header says " + pages * pageSize
                    + " bytes, file has " + length + ")");
        }
        if (length % pageSize != 0) {
            throw StoreException.of(file, "damaged SQLite database (" + length
                    + " bytes is not a whole number of " + pageSize + "-byte pages)");
        }
    }

    /**
     * Checks the database behind {@code c}: intact, a GeoPackage, with our tables at a version we read.
     * Tables of other applications or features beside ours are allowed. Returns the schema version.
     */
    static int checkContent(Path file, Connection c) throws StoreException {
        try {
            return checkContent(file, c, Files.size(file) <= QUICK_CHECK_LIMIT);
        } catch (IOException e) {
            throw StoreException.of(file, "cannot read", e);
        }
    }

    /** {@link #checkContent(Path, Connection)}, with SQLite's quick check of every page or without it. */
    static int checkContent(Path file, Connection c, boolean quick) throws StoreException {
        try {
            if (quick) {
                quickCheck(file, c);
            }
            int applicationId = pragmaInt(c, "application_id");
            if (applicationId != GeoPackageSchema.APPLICATION_ID) {
                throw StoreException.of(file, "not a GeoPackage (SQLite database with application_id "
                        + String.format("0x%08X", applicationId) + ", expected 0x47504B47 'GPKG')");
            }
            Set<String> tables = tables(c);
            for (String required : GeoPackageSchema.REQUIRED_TABLES) {
                if (!tables.contains(required)) {
                    throw StoreException.of(file, "a GeoPackage, but not an incident store (no table '"
                            + required + "')");
                }
            }
            return checkSchemaVersion(file, c);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot check the database", e);
        }
    }

    private static void quickCheck(Path file, Connection c) throws SQLException, StoreException {
        Optional<String> damage = IntegrityCheck.report(c, "quick_check");
        if (damage.isPresent()) {
            throw IntegrityCheck.damaged(file, damage.get(), null);
        }
    }

    private static int checkSchemaVersion(Path file, Connection c) throws SQLException, StoreException {
        String value = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM kim_metadata WHERE key = ?")) {
            ps.setString(1, "schema_version");
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    value = rs.getString(1);
                }
            }
        }
        int version;
        try {
            version = Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw StoreException.of(file, "incident store without a valid schema version ('" + value + "')");
        }
        if (version > GeoPackageSchema.SCHEMA_VERSION) {
            throw StoreException.of(file, "written by a newer version of the application (schema version "
                    + version + "; this version reads up to " + GeoPackageSchema.SCHEMA_VERSION + ")");
        }
        if (version < 1) {
            throw StoreException.of(file, "incident store with an invalid schema version " + version);
        }
        return version;
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = ?")) {
            ps.setString(1, "table");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
