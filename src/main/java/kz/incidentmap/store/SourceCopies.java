package kz.incidentmap.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.model.SourceCopy;

/**
 * The {@code source_copies} table: local copies of sources' documents, each with the SHA-256 of its
 * bytes taken when it was saved. Reading the bytes checks them against it, so a copy damaged since
 * (another program, a bad disk) is told rather than shown as if whole.
 */
final class SourceCopies {

    private static final String COLUMNS = "fid, source_key, file_name, media_type, length(bytes), sha256, saved_at";

    private SourceCopies() {
    }

    /** Whether the store has the table (a version-4 store opened for viewing has not). */
    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, GeoPackageSchema.COPIES);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Adds a copy in the caller's transaction; returns it as stored. */
    static SourceCopy add(Connection c, String sourceKey, String fileName, String mediaType, byte[] bytes,
            Instant savedAt) throws SQLException {
        return insert(c, sourceKey, fileName, mediaType, bytes, sha256(bytes), savedAt);
    }

    /**
     * Adds a copy with the checksum and time it already has (a copy carried from another store); in the
     * caller's transaction.
     */
    static SourceCopy insert(Connection c, String sourceKey, String fileName, String mediaType, byte[] bytes,
            String sha256, Instant savedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_copies (source_key, file_name, media_type,"
                + " bytes, sha256, saved_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sourceKey);
            ps.setString(2, fileName);
            ps.setString(3, mediaType);
            ps.setBytes(4, bytes);
            ps.setString(5, sha256);
            ps.setString(6, IncidentWriter.timestamp(savedAt));
            ps.executeUpdate();
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        return new SourceCopy(id, sourceKey, fileName, mediaType, bytes.length, sha256, savedAt);
    }

    /** The copies of the source with this key (every copy when null), oldest first. */
    static List<SourceCopy> list(Connection c, String sourceKey) throws SQLException {
        List<SourceCopy> copies = new ArrayList<>();
        if (!exists(c)) {
            return copies;
        }
        String sql = "SELECT " + COLUMNS + " FROM source_copies" + (sourceKey == null ? "" : " WHERE source_key = ?")
                + " ORDER BY source_key, fid";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sourceKey != null) {
                ps.setString(1, sourceKey);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    copies.add(read(rs));
                }
            }
        }
        return copies;
    }

    /** The copy with this row id, if there is one. */
    static Optional<SourceCopy> byId(Connection c, long id) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM source_copies WHERE fid = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The stored bytes of the copy with this row id, unchecked; empty when there is no such copy. */
    static Optional<byte[]> bytes(Connection c, long id) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM source_copies WHERE fid = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object value = rs.getObject(1);
                // Another program may have put text in the column: its bytes are what is checked then.
                return Optional.of(value instanceof byte[] b ? b
                        : value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static boolean delete(Connection c, long id) throws SQLException {
        if (!exists(c)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_copies WHERE fid = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** The SHA-256 of {@code bytes} as 64 lower-case hex digits. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static SourceCopy read(ResultSet rs) throws SQLException {
        Instant saved;
        try {
            saved = rs.getString(7) == null ? null : Instant.parse(rs.getString(7));
        } catch (DateTimeParseException e) {
            saved = null; // another program's odd timestamp: the copy is still listed, without its time
        }
        return new SourceCopy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), saved);
    }
}
