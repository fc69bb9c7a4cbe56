package kz.incidentmap.store.pg;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.store.IncidentPoints;
import kz.incidentmap.store.RecordStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.WholeRecord;

/**
 * A record on a PostgreSQL/PostGIS server as a {@link RecordStore}. One connection, opened when the
 * store is; every read and every write is one transaction of its own, committed only when complete and
 * rolled back on any failure, so that nothing is ever half-written.
 */
public final class PgRecords implements RecordStore {

    /** Incidents sent to the server per batch. */
    private static final int BATCH = 1_000;

    private final ServerAddress address;
    private final Connection c;

    private PgRecords(ServerAddress address, Connection c) {
        this.address = address;
        this.c = c;
    }

    /**
     * Connects to the record at {@code address}; {@code env} gives PGPASSWORD, PGPASSFILE and PGOPTIONS
     * as the environment would (the process's own, or a test's).
     */
    public static PgRecords connect(ServerAddress address, Map<String, String> env) throws StoreException {
        return new PgRecords(address, PgConnections.open(address, env));
    }

    public ServerAddress address() {
        return address;
    }

    @Override
    public String where() {
        return address.toString();
    }

    /**
     * Whether {@code e}, from {@link #connect}, says the server could not be reached (refused, timed out,
     * unknown host) rather than that it refused the user or the record.
     */
    public static boolean unreachable(StoreException e) {
        return PgFailure.isUnreachable(e);
    }

    /** The schema version the database holds, 0 when it holds no record yet. */
    public int schemaVersion() throws StoreException {
        return inTransaction("read the schema version", () -> PgSchema.version(c));
    }

    /**
     * About how many incidents the record holds, from the server's statistics (no count of the rows, which
     * takes seconds for millions); -1 when the server has not gathered them yet.
     */
    public long incidentsAbout() throws StoreException {
        return inTransaction("read the record's size", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('incidents')");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    @Override
    public void ensureSchema() throws StoreException {
        inTransaction("create the record's tables", () -> PgSchema.upgrade(c, address));
    }

    /**
     * {@link #ensureSchema} and the roles kim_viewer, kim_editor and kim_admin with their grants, in one
     * transaction; what {@code init} does. Returns a line to tell the user when the roles could not be made
     * (the user may not make roles): the tables are made all the same.
     */
    public Optional<String> initialise() throws StoreException {
        return inTransaction("create the record's tables and roles", () -> {
            PgSchema.upgrade(c, address);
            return PgSchema.createRoles(c, address);
        });
    }

    @Override
    public List<Incident> incidents() throws StoreException {
        return reading("read the incidents", () -> PgIncidentReader.incidents(c, PgVocabulary.read(c)));
    }

    @Override
    public List<Source> sources() throws StoreException {
        return reading("read the sources", () -> new ArrayList<>(PgIncidentReader.sources(c).values()));
    }

    @Override
    public List<SavedView> views() throws StoreException {
        return reading("read the saved views", () -> PgViews.all(c));
    }

    @Override
    public Vocabulary vocabulary() throws StoreException {
        return reading("read the sub-types", () -> PgVocabulary.read(c));
    }

    /**
     * The whole record as one snapshot: read in one transaction that sees no write committed after it
     * began, so that a record others are writing to is copied as it stood at one moment.
     */
    @Override
    public synchronized WholeRecord whole() throws StoreException {
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } catch (SQLException e) {
            throw PgFailure.explain(address, "cannot read the record", e);
        }
        try {
            return reading("read the record", () -> {
                Vocabulary vocabulary = PgVocabulary.read(c);
                return new WholeRecord(new ArrayList<>(PgIncidentReader.sources(c).values()),
                        PgIncidentReader.incidents(c, vocabulary), PgViews.all(c), vocabulary.added(),
                        PgCarriedTables.read(c));
            });
        } finally {
            try {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException e) {
                // the next transaction says what is wrong with the connection
            }
        }
    }

    /**
     * Writes the record in one transaction, making the tables first where the database has none; a
     * database that already holds incidents, sources or views is refused and left as it was.
     */
    @Override
    public void writeAll(WholeRecord record) throws StoreException {
        inTransaction("write the record", () -> {
            PgSchema.upgrade(c, address);
            refuseHeld();
            for (IncidentSubType sub : record.addedSubTypes()) {
                PgVocabulary.write(c, sub);
            }
            Instant now = Instant.now();
            try (PgIncidentWriter w = new PgIncidentWriter(c)) {
                for (Source s : record.sources()) {
                    w.addSource(s);
                }
                int n = 0;
                for (Incident i : record.incidents()) {
                    w.addIncident(i, now);
                    if (++n % BATCH == 0) {
                        w.flush();
                    }
                }
                w.flush();
            }
            PgViews.insert(c, record.views());
            PgCarriedTables.write(c, record.tables());
            PgIncidentChanges.historyOfAll(c);
            return null;
        });
    }

    /**
     * The whole record with each incident's version, as one snapshot: what a window's local copy of the
     * record is made from.
     */
    public synchronized VersionedRecord wholeWithVersions() throws StoreException {
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } catch (SQLException e) {
            throw PgFailure.explain(address, "cannot read the record", e);
        }
        try {
            return reading("read the record", () -> {
                Vocabulary vocabulary = PgVocabulary.read(c);
                WholeRecord record = new WholeRecord(new ArrayList<>(PgIncidentReader.sources(c).values()),
                        PgIncidentReader.incidents(c, vocabulary), PgViews.all(c), vocabulary.added());
                return new VersionedRecord(record, readVersions());
            });
        } finally {
            try {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException e) {
                // the next transaction says what is wrong with the connection
            }
        }
    }

    /**
     * A whole record with the server's version of each incident.
     *
     * @param record the record
     * @param versions each incident's version, by id
     */
    public record VersionedRecord(WholeRecord record, Map<String, Integer> versions) {
    }

    /** Every incident's version, by id. */
    public Map<String, Integer> versions() throws StoreException {
        return reading("read the incidents' versions", this::readVersions);
    }

    private Map<String, Integer> readVersions() throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT uuid, version FROM incidents");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getInt(2));
            }
        }
        return versions;
    }

    /**
     * What the user may do with the record: a window of a user who may not change it is view-only. The
     * server answers for the user as connected, whatever roles or grants give the right.
     */
    public ServerRights rights() throws StoreException {
        return reading("read the user's rights", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT current_user,"
                    + " has_table_privilege(current_user, 'incidents', 'UPDATE'),"
                    + " ARRAY(SELECT rolname::text FROM pg_roles WHERE rolname = ANY (?)"
                    + " AND pg_has_role(current_user, oid, 'MEMBER') ORDER BY rolname)")) {
                ps.setArray(1, c.createArrayOf("text", PgSchema.ROLES.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new ServerRights(rs.getString(1), rs.getBoolean(2),
                            List.of((String[]) rs.getArray(3).getArray()));
                }
            }
        });
    }

    /** The incident with this id as the server holds it now, with its version; empty when it has none. */
    public Optional<ServerIncident> incident(String uuid) throws StoreException {
        return reading("read incident " + uuid, () -> {
            Optional<Incident> found = PgIncidentReader.incident(c, PgVocabulary.read(c), uuid);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT version, updated_by, updated_at FROM incidents"
                    + " WHERE uuid = ?")) {
                ps.setString(1, uuid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new ServerIncident(found.get(), rs.getInt(1), rs.getString(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        });
    }

    /**
     * Writes a large record through COPY ({@link PgBulkWriter}) in one transaction, making the tables first
     * where there are none, then ANALYZE so that the planner knows the tables' new sizes. A database that
     * already holds incidents, sources or views is refused and left as it was. Returns the incidents written.
     */
    public long generate(List<Source> sources, Iterator<Incident> incidents, LongConsumer progress)
            throws StoreException {
        return inTransaction("write the record", () -> {
            PgSchema.upgrade(c, address);
            refuseHeld();
            long n = unwrapped(() -> PgBulkWriter.write(c, sources, incidents, Instant.now(), progress));
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE incidents, incident_points, incident_sources, claims, sources");
            }
            return n;
        });
    }

    /**
     * Adds a new incident at version 1, with a history entry, in one transaction; empty (and nothing
     * written) when the server already has an incident with its id.
     */
    public OptionalInt insert(Incident incident) throws StoreException {
        try {
            return writing("add incident " + incident.id(), () -> PgIncidentChanges.insert(c, incident));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return OptionalInt.empty(); // another window added it in the same moment
            }
            throw e;
        }
    }

    /**
     * Writes the incident over version {@code base} of it, with a history entry, in one transaction;
     * returns the new version, or empty (nothing written) when the server's version is not {@code base}
     * any more: someone else wrote it first, or deleted it.
     */
    public OptionalInt update(Incident incident, int base) throws StoreException {
        return writing("save incident " + incident.id(), () -> PgIncidentChanges.update(c, incident, base));
    }

    /** Deletes the incident if the server's version is {@code base}; false (nothing done) otherwise. */
    public boolean delete(String uuid, int base) throws StoreException {
        return writing("delete incident " + uuid, () -> PgIncidentChanges.delete(c, uuid, base));
    }

    /** The versions of an incident the server has kept, oldest first; none for an unknown id. */
    public List<HistoryEntry> history(String uuid) throws StoreException {
        return reading("read the history of incident " + uuid, () -> PgHistory.of(c, uuid));
    }

    /** The incident as its version {@code version} was written; empty when the history has no such version. */
    public Optional<Incident> historical(String uuid, int version) throws StoreException {
        return reading("read version " + version + " of incident " + uuid,
                () -> PgHistory.version(c, PgVocabulary.read(c), uuid, version));
    }

    /** A change to one incident, on a record of the version that keeps history. */
    private <T> T writing(String what, Work<T> work) throws StoreException {
        return reading(what, () -> {
            if (PgSchema.version(c) < 2) {
                throw new StoreException(address + ": the record there is of schema version " + PgSchema.version(c)
                        + ", which keeps no history of changes; bring it up to date with init --db " + address.uri());
            }
            return work.run();
        });
    }

    /**
     * What the map's index is built from, every incident with a position, streamed with binary COPY
     * ({@link PgPointsReader}).
     */
    public IncidentPoints points() throws StoreException {
        return reading("read the incidents' positions", () -> unwrapped(() -> PgPointsReader.read(c)));
    }

    /** The records with these row ids (fid), by row id, with their sources and claims; ids without one are left out. */
    public Map<Long, Incident> byRowIds(long[] rowIds) throws StoreException {
        return reading("read incidents by row id", () -> PgIncidentReader.byFids(c, PgVocabulary.read(c), rowIds));
    }

    private interface Streaming<T> {
        T run() throws SQLException, IOException;
    }

    /** A stream's failure as the server's error when it was one, else as the file or stream that failed. */
    private <T> T unwrapped(Streaming<T> work) throws SQLException, StoreException {
        try {
            return work.run();
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new StoreException(address + ": " + e.getMessage() + " (nothing was changed)", e);
        }
    }

    private void refuseHeld() throws SQLException, StoreException {
        long held = count("SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM sources)"
                + " + (SELECT count(*) FROM kim_views)");
        if (held > 0) {
            throw new StoreException(address + ": already holds a record (incidents, sources or views);"
                    + " a record is copied only into an empty database (nothing was changed)");
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private interface Work<T> {
        T run() throws SQLException, StoreException;
    }

    /** A read of a record that must be there, at a version this application knows. */
    private <T> T reading(String what, Work<T> work) throws StoreException {
        return inTransaction(what, () -> {
            int version = PgSchema.version(c);
            if (version == 0) {
                throw new StoreException(address + ": holds no incident record yet; make one with init --db "
                        + address.uri() + " or copy --to " + address.uri());
            }
            PgSchema.refuseNewer(address, version);
            return work.run();
        });
    }

    /** Runs {@code work} as one transaction: committed when it completes, rolled back on any failure. */
    private synchronized <T> T inTransaction(String what, Work<T> work) throws StoreException {
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw PgFailure.explain(address, "cannot " + what + " (nothing was changed)", e);
        } catch (StoreException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // the session ends with the connection either way; an open transaction is rolled back
        }
    }
}
