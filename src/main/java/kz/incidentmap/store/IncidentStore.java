package kz.incidentmap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.model.Incident;

/**
 * The incident store: one GeoPackage file ({@code data/incidents.gpkg}) that belongs to the user. It
 * opens the file after checking it (see {@link StoreFileCheck}), creates it from the curated seed file
 * when it does not exist yet, and answers queries. One connection per store; methods are synchronized,
 * so a store may be shared between the UI thread and a rendering thread.
 */
public final class IncidentStore implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final IncidentReader reader;
    private boolean closed;

    private IncidentStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.reader = new IncidentReader(file, connection);
    }

    /**
     * Opens the store; if the file does not exist, creates it and seeds it from {@code seedJson} in one
     * transaction. Never overwrites an existing file's content: the new store is built in a temporary
     * file beside it and only linked into place if no file has appeared there meanwhile.
     */
    public static IncidentStore openOrCreate(Path dbFile, Path seedJson) throws StoreException {
        if (Files.exists(dbFile)) {
            return open(dbFile);
        }
        SeedData seed = SeedFile.read(seedJson);
        StoreCreator.create(dbFile, seed);
        return open(dbFile);
    }

    /**
     * Opens an existing store; a missing, non-SQLite, non-GeoPackage or corrupt file is a
     * {@link StoreException} naming the file and the problem. Checking never changes the file.
     */
    public static IncidentStore open(Path dbFile) throws StoreException {
        StoreFileCheck.checkHeader(dbFile);
        try (Connection check = StoreConnections.openReadOnly(dbFile)) {
            StoreFileCheck.checkContent(dbFile, check);
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot open", e);
        }
        try {
            Connection c = StoreConnections.openReadWrite(dbFile);
            return new IncidentStore(dbFile, c);
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot open for writing", e);
        }
    }

    /** Every incident, sorted by date then title. */
    public synchronized List<Incident> all() throws StoreException {
        return query("", "read incidents");
    }

    /** The incident with this id, if there is one. */
    public synchronized Optional<Incident> byId(String uuid) throws StoreException {
        if (uuid == null) {
            return Optional.empty();
        }
        return query("i.uuid = ?", "read incident " + uuid, uuid).stream().findFirst();
    }

    /**
     * Incidents whose point lies in the box (inclusive), found through the R-tree spatial index, sorted
     * by date then title.
     */
    public synchronized List<Incident> within(double minLon, double minLat, double maxLon, double maxLat)
            throws StoreException {
        for (double d : new double[] {minLon, minLat, maxLon, maxLat}) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("box coordinates must be finite numbers");
            }
        }
        if (minLon > maxLon || minLat > maxLat) {
            throw new IllegalArgumentException("empty box: min must not exceed max (" + minLon + ", " + minLat
                    + ", " + maxLon + ", " + maxLat + ")");
        }
        // The R-tree stores 32-bit bounds rounded outwards, so candidates are checked against the box exactly.
        List<Incident> candidates = query("i.fid IN (SELECT id FROM rtree_incidents_geom"
                + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)", "search incidents",
                maxLon, minLon, maxLat, minLat);
        return candidates.stream().filter(i -> i.lon() >= minLon && i.lon() <= maxLon
                && i.lat() >= minLat && i.lat() <= maxLat).toList();
    }

    /** Number of incidents in the store. */
    public synchronized int count() throws StoreException {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM incidents");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot count incidents", e);
        }
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    /** Closes the connection; further calls are a StoreException. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing is pending: every write commits before returning, so there is nothing to lose here.
        }
    }

    private List<Incident> query(String condition, String what, Object... params) throws StoreException {
        ensureOpen();
        try {
            return reader.query(condition, params);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot " + what, e);
        }
    }

    private void ensureOpen() throws StoreException {
        if (closed) {
            throw StoreException.of(file, "store is closed");
        }
    }
}
