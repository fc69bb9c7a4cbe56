package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the local copy of a server's record (see {@code sync.ServerReplica}) was based on: for each incident, the server's version it was
 * copied at and the digest of the copy as it then was. Kept in a small SQLite file beside the copy (not
 * in the GeoPackage, whose schema is the store's own), so that changes not yet on the server are still
 * known after a restart.
 */
public final class ReplicaBase implements AutoCloseable {

    /**
     * One incident's base.
     *
     * @param version the server's version the copy holds
     * @param fingerprint the digest of the copy as it came from the server
     */
    public record Base(int version, String fingerprint) {
    }

    private final Path file;
    private final Connection c;

    private ReplicaBase(Path file, Connection c) {
        this.file = file;
        this.c = c;
    }

    public static ReplicaBase open(Path file) throws StoreException {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS base (uuid TEXT PRIMARY KEY, version INTEGER NOT NULL,"
                        + " fingerprint TEXT NOT NULL)");
            }
            return new ReplicaBase(file, c);
        } catch (SQLException e) {
            throw StoreException.of(file, "cannot open the record of what the local copy holds: " + e.getMessage());
        }
    }

    public synchronized Optional<Base> get(String uuid) throws StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, fingerprint FROM base WHERE uuid = ?")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Base(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public synchronized Map<String, Base> all() throws StoreException {
        Map<String, Base> all = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT uuid, version, fingerprint FROM base")) {
            while (rs.next()) {
                all.put(rs.getString(1), new Base(rs.getInt(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return all;
    }

    /** Sets (a null base: removes) the bases of these incidents, in one transaction. */
    public synchronized void put(Map<String, Base> bases) throws StoreException {
        try {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("INSERT OR REPLACE INTO base (uuid, version, fingerprint)"
                    + " VALUES (?, ?, ?)"); PreparedStatement drop = c.prepareStatement("DELETE FROM base WHERE uuid = ?")) {
                for (Map.Entry<String, Base> e : bases.entrySet()) {
                    if (e.getValue() == null) {
                        drop.setString(1, e.getKey());
                        drop.executeUpdate();
                    } else {
                        set.setString(1, e.getKey());
                        set.setInt(2, e.getValue().version());
                        set.setString(3, e.getValue().fingerprint());
                        set.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private StoreException failed(SQLException e) {
        return StoreException.of(file, "cannot read or write what the local copy holds: " + e.getMessage());
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing was left unwritten: every write commits at once
        }
    }
}
