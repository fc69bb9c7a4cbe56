package kz.incidentmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongConsumer;
import kz.incidentmap.files.PartFiles;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.model.Vocabulary;

/**
 * The incident store: one GeoPackage file ({@code data/incidents.gpkg}) that belongs to the user. It
 * opens the file after checking it (see {@link StoreFileCheck}), creates it from the curated seed file
 * when it does not exist yet, upgrades a file of an older schema version (see {@link StoreMigrations}),
 * answers queries and saves edits, each in one transaction. A store opened for editing holds an
 * exclusive lock (see {@link StoreLock}) until it is closed; a read-only file opens for viewing. One
 * connection per store; methods are synchronized, so a store may be shared between threads.
 */
public final class IncidentStore implements AutoCloseable {

    /**
     * What a merge did.
     *
     * @param added incidents that were new to the store
     * @param updated incidents that replaced a different stored version
     * @param unchanged incidents the store already held as they are
     */
    public record MergeResult(int added, int updated, int unchanged) {
    }

    /** How often {@link #createBulk} and a merge report progress, in incidents. */
    private static final int PROGRESS_STEP = 50_000;
    /** Above this many incidents already stored, reading the whole store beats one query per incident. */
    private static final int FETCH_ONE_BY_ONE = 2_000;
    /**
     * Page cache of a bulk merge, in KiB (128 MiB, outside the Java heap, taken only as pages are used):
     * the random inserts into the id index of a million-row import mostly stay in memory. Alternated on a
     * quiet machine, heap bounded at 768 MB, a million rows: with 768 MiB 27.4 and 22.8 s (1.31 and 1.51
     * GB resident), with this 20.2 and 19.3 s (0.79 and 0.80 GB).
     */
    private static final int BULK_CACHE_KIB = 128 * 1024;
    /** Incidents the store holds already are compared with their stored versions this many at a time. */
    private static final int LOOKUP_CHUNK = 500;
    /**
     * Bytes a stored incident takes with its sources, claims and index entries: 849 MB for a generated
     * million, 828 for 200,000; for estimates of the room a write needs.
     */
    private static final long BYTES_PER_INCIDENT = 850;
    /** SQLite's default page cache setting (2,000 KiB). */
    private static final int DEFAULT_CACHE = -2000;

    private final Path file;
    private final Connection connection;
    private final IncidentReader reader;
    private final StoreLock lock;
    private final boolean readOnly;
    private final Path backup;
    private final String recovered;
    private final IntegrityCheck integrity;
    private final Vocabulary vocabulary;
    private boolean closed;

    private IncidentStore(Path file, Connection connection, StoreLock lock, boolean readOnly, Path backup,
            Optional<String> recovered) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.vocabulary = VocabularyTable.read(connection);
        this.reader = new IncidentReader(file, connection, vocabulary);
        this.lock = lock;
        this.readOnly = readOnly;
        this.backup = backup;
        this.recovered = recovered.orElse(null);
        this.integrity = new IntegrityCheck(file);
    }

    /**
     * Opens the store for editing; if the file does not exist, creates it and seeds it from
     * {@code seedJson} in one transaction. Never overwrites an existing file's content: the new store is
     * built in a temporary file beside it and only linked into place if no file has appeared there
     * meanwhile.
     */
    public static IncidentStore openOrCreate(Path dbFile, Path seedJson) throws StoreException {
        createIfMissing(dbFile, seedJson);
        return open(dbFile);
    }

    /**
     * Creates the store from {@code seedJson} if there is no file yet, and its folder if need be (the
     * user's data folder on the first start of an installed app); an existing file is left alone.
     */
    public static void createIfMissing(Path dbFile, Path seedJson) throws StoreException {
        if (!Files.exists(dbFile)) {
            Path dir = dbFile.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw StoreException.of(dbFile, "folder " + dir + " cannot be created: " + e.getMessage());
            }
            StoreCreator.create(dbFile, SeedFile.read(seedJson));
        }
    }

    /**
     * Creates a new, empty store at {@code dbFile}; an existing file there is refused and left untouched.
     */
    public static void createEmpty(Path dbFile) throws StoreException {
        if (Files.exists(dbFile)) {
            throw StoreException.of(dbFile, "already exists; choose a new file name (nothing was changed)");
        }
        Path dir = dbFile.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw StoreException.of(dbFile, "folder " + dir + " does not exist");
        }
        StoreCreator.create(dbFile, new SeedData(List.of(), List.of()));
        if (!Files.exists(dbFile)) {
            throw StoreException.of(dbFile, "could not be created");
        }
    }

    /**
     * Creates a new store at {@code dbFile} holding these sources and incidents, written through the
     * bulk path in one transaction into a temporary file that is linked into place only when complete.
     * An existing file there is refused and left untouched. {@code progress} hears the number of
     * incidents written so far, now and then. Returns how many were written.
     */
    public static long createBulk(Path dbFile, List<Source> sources, Iterator<Incident> incidents,
            LongConsumer progress) throws StoreException {
        if (Files.exists(dbFile)) {
            throw StoreException.of(dbFile, "already exists; choose a new file name (nothing was changed)");
        }
        Path dir = dbFile.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw StoreException.of(dbFile, "folder " + dir + " does not exist");
        }
        long[] written = new long[1];
        StoreCreator.create(dbFile, true, c -> {
            try (IncidentWriter w = new IncidentWriter(c); BulkIncidentInserter bulk = new BulkIncidentInserter(c, true)) {
                for (Source s : sources) {
                    w.insertSource(s);
                }
                String now = IncidentWriter.timestamp(Instant.now());
                while (incidents.hasNext()) {
                    Incident i = incidents.next();
                    bulk.add(i, stamp(i.created(), now), stamp(i.updated(), now));
                    if (bulk.added() % PROGRESS_STEP == 0) {
                        progress.accept(bulk.added());
                    }
                }
                bulk.finish();
                written[0] = bulk.added();
            }
        });
        if (!Files.exists(dbFile)) {
            throw StoreException.of(dbFile, "could not be created");
        }
        return written[0];
    }

    /**
     * Opens an existing store for editing; a missing, non-SQLite, non-GeoPackage, corrupt or newer file
     * is a {@link StoreException} naming the file and the problem, and checking never changes the file.
     * A store open for editing elsewhere is a {@link StoreLockedException}. A write that a crash
     * interrupted is rolled back first (see {@link InterruptedWrite}; {@link #recovery()} says so). A
     * file written by an older version is backed up and upgraded. A file that cannot be written
     * (read-only file or folder) opens for viewing: {@link #isReadOnly()} is then true and every write is
     * refused. The first write waits for SQLite's check of the whole file (see
     * {@link #beginIntegrityCheck()}).
     */
    public static IncidentStore open(Path dbFile) throws StoreException {
        if (!writable(dbFile)) {
            return openForViewing(dbFile);
        }
        PartFiles.removeStale(dbFile.toAbsolutePath().getParent());
        StoreLock lock = null;
        try {
            Optional<String> recovered = Optional.empty();
            if (InterruptedWrite.pending(dbFile)) {
                // The file must not be judged before its journal is played back: it may hold half a write.
                lock = StoreLock.acquire(dbFile);
                recovered = InterruptedWrite.recover(dbFile, lock);
            }
            int version = check(dbFile);
            if (lock == null) {
                // Checked before locking, so that a file that is no store gets no lock file beside it.
                lock = StoreLock.acquire(dbFile);
                if (InterruptedWrite.pending(dbFile)) { // the copy that held the lock crashed meanwhile
                    recovered = InterruptedWrite.recover(dbFile, lock);
                    version = check(dbFile);
                } else if (version < GeoPackageSchema.SCHEMA_VERSION) {
                    version = check(dbFile); // another copy may have upgraded it before we took the lock
                }
            }
            lock.clearNote();
            Path backup = null;
            if (version < GeoPackageSchema.SCHEMA_VERSION) {
                // An upgrade writes too: a large file gets its whole check first, as every write does.
                new IntegrityCheck(dbFile).requireIntact("upgrade the store from schema version " + version);
                backup = StoreMigrations.upgrade(dbFile, version, lock);
            }
            IncidentStore store = new IncidentStore(dbFile, StoreConnections.openReadWrite(dbFile), lock, false, backup,
                    recovered);
            try {
                store.repairLayout();
            } catch (StoreException | RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            closeQuietly(lock);
            throw StoreConnections.failure(dbFile, "cannot open for writing", e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static void closeQuietly(StoreLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * Opens an existing store for reading only: no lock (so it works while another copy edits it), no
     * upgrade (a version-1 file is read as it is), and every write is refused. A write that a crash
     * interrupted is rolled back first, as {@link #open} does, unless another copy is editing the store.
     */
    public static IncidentStore openForViewing(Path dbFile) throws StoreException {
        Optional<String> recovered = InterruptedWrite.recoverWithoutEditing(dbFile);
        check(dbFile);
        try {
            return new IncidentStore(dbFile, StoreConnections.openReadOnly(dbFile), null, true, null, recovered);
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot open for reading", e);
        }
    }

    /**
     * Whether the file and its folder may be written. A file without any write permission bit counts as
     * read-only even for a user (such as root) whom the system would let write it: the owner marked it so.
     */
    static boolean writable(Path dbFile) {
        Path dir = dbFile.toAbsolutePath().getParent();
        if (!Files.isWritable(dbFile) || dir == null || !Files.isWritable(dir)) {
            return false;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dbFile);
            return perms.contains(PosixFilePermission.OWNER_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true; // no POSIX permissions here: Files.isWritable has answered
        }
    }

    private static int check(Path dbFile) throws StoreException {
        StoreFileCheck.checkHeader(dbFile);
        try (Connection check = StoreConnections.openReadOnly(dbFile)) {
            return StoreFileCheck.checkContent(dbFile, check);
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot open", e);
        }
    }

    /**
     * Begins SQLite's check of the whole file on a thread of its own (see {@link IntegrityCheck}), if it
     * has not begun: a command that will write calls this as soon as the store is open, so that the check
     * runs while it reads its input; the first write waits for the verdict, and begins the check itself
     * if no one has. Any thread.
     */
    public void beginIntegrityCheck() {
        integrity.begin();
    }

    /** True when the store was opened for viewing only: every write is refused. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The backup written when opening upgraded the file from an older version, if it did. */
    public Optional<Path> upgradeBackup() {
        return Optional.ofNullable(backup);
    }

    /**
     * What to tell the user when opening rolled back a write that a crash had interrupted ("recovered
     * from a crash: the write it interrupted (import incidents, begun …) was rolled back, and the store
     * is as it was before it").
     */
    public Optional<String> recovery() {
        return Optional.ofNullable(recovered);
    }

    /** Every incident, sorted by date then title. */
    public synchronized List<Incident> all() throws StoreException {
        return query("", "read incidents");
    }

    /**
     * The incidents whose position passes {@code where}, in the order of {@link #all()}, read a page at
     * a time as they are iterated, on connections of the scan's own (see {@link IncidentScan}): for
     * walking a large store whole. Close the scan when done.
     */
    public IncidentScan scan(IncidentScan.Where where) throws StoreException {
        return scan(where, IncidentScan.PAGE);
    }

    synchronized IncidentScan scan(IncidentScan.Where where, int pageSize) throws StoreException {
        ensureOpen();
        try {
            return new IncidentScan(file, vocabulary, reader.rowIds(where), pageSize, integrity::explain);
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot read incident row ids", e));
        }
    }

    /**
     * The incidents with these row ids, in the order given, read a page at a time as {@link #scan(IncidentScan.Where)}
     * reads them: the second pass of an export whose filter was decided on the first. Close it when done.
     */
    public synchronized IncidentScan scan(long[] rowIds) throws StoreException {
        ensureOpen();
        return new IncidentScan(file, vocabulary, rowIds.clone(), IncidentScan.PAGE, integrity::explain);
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

    /**
     * Adds a new incident (its sources are added or updated by key). Created and updated times are now,
     * unless the record carries them (a restored or imported record keeps its history). Returns the
     * record as stored. One transaction.
     */
    public synchronized Incident add(Incident incident) throws StoreException {
        write("add incident " + incident.id(), w -> {
            String now = IncidentWriter.timestamp(Instant.now());
            putSources(w, incident);
            w.insertIncident(incident, stamp(incident.created(), now), stamp(incident.updated(), now));
        });
        return byId(incident.id()).orElseThrow();
    }

    /**
     * Replaces the stored incident with the same id; its created time stays and its updated time becomes
     * now. Returns the record as stored. One transaction.
     */
    public synchronized Incident replace(Incident incident) throws StoreException {
        Incident old = byId(incident.id()).orElseThrow(() -> StoreException.of(file, "no incident " + incident.id()));
        write("update incident " + incident.id(), w -> {
            putSources(w, incident);
            String created = stamp(old.created(), IncidentWriter.timestamp(Instant.now()));
            w.updateIncident(incident, created, IncidentWriter.timestamp(Instant.now()));
        });
        return byId(incident.id()).orElseThrow();
    }

    /** Deletes the incident with its source links and claims; false when there was none. One transaction. */
    public synchronized boolean delete(String uuid) throws StoreException {
        if (byId(uuid).isEmpty()) {
            return false; // nothing to do, and nothing written: not even the last-change time moves
        }
        boolean[] deleted = new boolean[1];
        write("delete incident " + uuid, w -> deleted[0] = w.deleteIncident(uuid));
        return deleted[0];
    }

    /** The views saved in this store, by name; none when nobody saved one. */
    /**
     * The sub-types this store knows: the built-in ones and its own. Shared: an import's validator adds
     * the sub-types it meets to it, and the writer keeps those with the records that use them.
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Adds a sub-type to a family and keeps it in the store at once (see {@link Vocabulary#add}); gives
     * the family's sub-type of that name if it has one.
     */
    public synchronized IncidentSubType addSubType(IncidentType type, String label, String mark, String colour)
            throws StoreException {
        IncidentSubType made = vocabulary.add(type, label, mark, colour);
        if (!made.builtIn()) {
            write("add the sub-type '" + made.label() + "'", w -> VocabularyTable.write(connection, made));
        }
        return made;
    }

    public synchronized List<SavedView> views() throws StoreException {
        return read("read the saved views", () -> SavedViews.all(connection));
    }

    /** The view saved under {@code name} (compared without regard to case). */
    public synchronized Optional<SavedView> view(String name) throws StoreException {
        return read("read the saved view '" + name + "'", () -> SavedViews.named(connection, name));
    }

    /**
     * Saves {@code view}, replacing one of the same name. One transaction; the incidents' extent and
     * last-change time are left alone, since no incident changed.
     */
    public synchronized void saveView(SavedView view) throws StoreException {
        viewWrite("save the view '" + view.name() + "'", () -> SavedViews.save(connection, view));
    }

    /** Deletes the view of that name; false when there was none (and nothing is written). */
    public synchronized boolean deleteView(String name) throws StoreException {
        if (view(name).isEmpty()) {
            return false;
        }
        viewWrite("delete the view '" + name + "'", () -> SavedViews.delete(connection, name));
        return true;
    }

    /** The user's own places, by name; none in a store of an earlier version opened for viewing. */
    public synchronized List<MyPlace> myPlaces() throws StoreException {
        return read("read the places of yours", () -> MyPlaces.all(connection));
    }

    /** The place of yours named {@code name} (compared without regard to case). */
    public synchronized Optional<MyPlace> myPlace(String name) throws StoreException {
        return read("read the place '" + name + "'", () -> MyPlaces.named(connection, name));
    }

    /** Adds a place of the user's; refused, with nothing written, when one has that name already. */
    public synchronized void addMyPlace(MyPlace place) throws StoreException {
        if (myPlace(place.name()).isPresent()) {
            throw StoreException.of(file, "cannot add the place '" + place.name() + "': there is a place of that name"
                    + " already (delete or rename it first)");
        }
        viewWrite("add the place '" + place.name() + "'", () -> MyPlaces.add(connection, place));
    }

    /** Renames a place; false when there is none of that name. Refused when the new name is taken. */
    public synchronized boolean renameMyPlace(String name, String newName) throws StoreException {
        Optional<MyPlace> old = myPlace(name);
        if (old.isEmpty()) {
            return false;
        }
        MyPlace renamed;
        try {
            renamed = old.get().renamed(newName);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(file, "cannot rename the place '" + name + "': " + e.getMessage());
        }
        Optional<MyPlace> taken = myPlace(renamed.name());
        if (taken.isPresent() && !taken.get().name().equalsIgnoreCase(old.get().name())) {
            throw StoreException.of(file, "cannot rename the place '" + name + "' to '" + renamed.name()
                    + "': there is a place of that name already");
        }
        viewWrite("rename the place '" + name + "'", () -> MyPlaces.rename(connection, name, renamed.name()));
        return true;
    }

    /** Deletes the place of that name; false when there was none (and nothing is written). */
    public synchronized boolean deleteMyPlace(String name) throws StoreException {
        if (myPlace(name).isEmpty()) {
            return false;
        }
        viewWrite("delete the place '" + name + "'", () -> MyPlaces.delete(connection, name));
        return true;
    }

    /**
     * The tables {@code copy} carries row by row ({@link CarriedTable}) that this file has, with every row:
     * what a record moved to another store takes beside its incidents, sources, views and sub-types.
     */
    public synchronized List<TableRows> carriedTables() throws StoreException {
        return read("read the events, kept copies, places, aliases and street layers", () -> CarriedTableReader.read(connection));
    }

    /** Every event and campaign with its members in order; none in a store of an earlier version opened for viewing. */
    public synchronized List<IncidentEvent> events() throws StoreException {
        return read("read the events", () -> EventTables.all(connection));
    }

    /** The event whose key, or else whose title, is {@code name} (compared without regard to case). */
    public synchronized Optional<IncidentEvent> event(String name) throws StoreException {
        return read("read the event '" + name + "'", () -> EventTables.named(connection, name));
    }

    /**
     * Adds an event with its members; refused, with nothing written, when its key is taken, its parent is
     * no campaign of the store or a member is no incident of the store.
     */
    public synchronized void addEvent(IncidentEvent given) throws StoreException {
        IncidentEvent event = given;
        if (event(event.id()).filter(e -> e.id().equalsIgnoreCase(given.id())).isPresent()) {
            throw StoreException.of(file, "cannot add the event '" + event.id() + "': there is an event with that key"
                    + " already (delete it first, or choose another key)");
        }
        if (event.parentId() != null) {
            Optional<IncidentEvent> parent = event(event.parentId());
            if (parent.isEmpty() || !parent.get().isCampaign()) {
                throw StoreException.of(file, "cannot add the event '" + event.id() + "': '" + event.parentId()
                        + "' is not a campaign of this store");
            }
            event = new IncidentEvent(event.id(), event.title(), event.kind(), parent.get().id(), event.start(),
                    event.end(), event.members());
        }
        checkMembers(event.id(), event.members());
        IncidentEvent added = event;
        viewWrite("add the event '" + event.id() + "'", () -> EventTables.add(connection, added));
    }

    /**
     * Gives the event {@code id} these members in this order (what adding, removing and moving a member
     * write); refused, with nothing written, when a member is no incident of the store.
     */
    public synchronized void setEventMembers(String id, List<EventMember> members) throws StoreException {
        if (event(id).filter(e -> e.id().equalsIgnoreCase(id)).isEmpty()) {
            throw StoreException.of(file, "there is no event with the key '" + id + "'");
        }
        checkMembers(id, members);
        viewWrite("change the members of the event '" + id + "'", () -> EventTables.writeMembers(connection, id, members));
    }

    /** The incidents that are members of these events, by id in lower case; a missing one is left out. */
    public synchronized Map<String, Incident> incidentsOf(Collection<IncidentEvent> events) throws StoreException {
        Map<String, Incident> found = new HashMap<>();
        for (IncidentEvent e : events) {
            for (EventMember m : e.members()) {
                String key = m.incidentId().toLowerCase(Locale.ROOT);
                if (!found.containsKey(key)) {
                    byId(m.incidentId()).ifPresent(i -> found.put(key, i));
                }
            }
        }
        return found;
    }

    /**
     * Gives this store the events of {@code from} (an export's source) as far as their incidents are here:
     * each event with its members in order that this store has, an event of the same key made from an
     * event_group replaced, a campaign kept when its events are. In one transaction; returns how many.
     */
    public int carryEvents(IncidentStore from) throws StoreException {
        List<IncidentEvent> theirs = from.events();
        synchronized (this) {
            Map<String, List<EventMember>> here = new LinkedHashMap<>();
            for (IncidentEvent e : theirs) {
                List<EventMember> members = new ArrayList<>();
                for (EventMember m : e.members()) {
                    if (byId(m.incidentId()).isPresent()) {
                        members.add(m);
                    }
                }
                here.put(e.id(), members);
            }
            Set<String> kept = new HashSet<>();
            theirs.stream().filter(e -> !here.get(e.id()).isEmpty()).forEach(e -> kept.add(e.id()));
            // A campaign whose own incidents are all left out is kept while one of its events is.
            theirs.stream().filter(e -> e.parentId() != null && kept.contains(e.id())).forEach(e -> kept.add(e.parentId()));
            List<IncidentEvent> carried = theirs.stream().filter(e -> kept.contains(e.id()))
                    .map(e -> e.withMembers(here.get(e.id()))).toList();
            if (carried.isEmpty()) {
                return 0;
            }
            viewWrite("carry " + carried.size() + " events", () -> {
                // Campaigns first: an event names its campaign, which must be there already.
                for (IncidentEvent e : carried.stream().sorted((a, b) -> Boolean.compare(!a.isCampaign(), !b.isCampaign())).toList()) {
                    EventTables.delete(connection, e.id());
                    EventTables.add(connection, e.parentId() == null || kept.contains(e.parentId()) ? e
                            : new IncidentEvent(e.id(), e.title(), e.kind(), null, e.start(), e.end(), e.members()));
                }
            });
            return carried.size();
        }
    }


    /** Deletes the event with that key and its member list (not its incidents); false when there was none. */
    public synchronized boolean deleteEvent(String id) throws StoreException {
        if (event(id).filter(e -> e.id().equalsIgnoreCase(id)).isEmpty()) {
            return false;
        }
        viewWrite("delete the event '" + id + "'", () -> EventTables.delete(connection, id));
        return true;
    }

    private void checkMembers(String id, List<EventMember> members) throws StoreException {
        Set<String> seen = new HashSet<>();
        for (EventMember m : members) {
            if (byId(m.incidentId()).isEmpty()) {
                throw StoreException.of(file, "cannot change the event '" + id + "': there is no incident with the id '"
                        + m.incidentId() + "' (nothing was changed)");
            }
            if (!seen.add(m.incidentId().toLowerCase(Locale.ROOT))) {
                throw StoreException.of(file, "cannot change the event '" + id + "': the incident '" + m.incidentId()
                        + "' is a member already (nothing was changed)");
            }
        }
    }

    private void viewWrite(String what, Transaction.Work work) throws StoreException {
        viewWrite(what, 0, work);
    }

    /** A write of neither incidents nor sources (views, copies): the extent and last-change time stay. */
    private void viewWrite(String what, long neededBytes, Transaction.Work work) throws StoreException {
        beginWrite(what, neededBytes);
        try {
            Transaction.run(connection, work);
        } catch (SQLException e) {
            throw DiskSpace.failure(file, what, e, neededBytes);
        } finally {
            lock.clearNote();
        }
    }

    /**
     * Merges incidents by id in one transaction, all or nothing: new ones are added (keeping their
     * created and updated times when given), different ones replace the stored version, equal ones are
     * left as they are.
     */
    public synchronized MergeResult merge(List<Incident> incidents) throws StoreException {
        return merge(incidents, n -> { });
    }

    /**
     * {@link #merge(List)}, telling {@code written} now and then how many of the new incidents have been
     * written (the transaction is still open then: nothing is stored until all are).
     */
    public synchronized MergeResult merge(List<Incident> given, LongConsumer written) throws StoreException {
        List<Incident> incidents = aliasedImport().resolveAll(given);
        Map<String, Incident> stored = storedVersions(incidents);
        // Building the read indexes anew pays when the new rows outnumber the ones already there.
        int storedCount = count();
        int[] counts = new int[3];
        write("import " + incidents.size() + " incidents", roomFor(incidents.size()), w -> {
            String now = IncidentWriter.timestamp(Instant.now());
            Map<String, Incident> fresh = new LinkedHashMap<>();
            for (Incident i : incidents) {
                Incident old = stored.get(i.id());
                if (old == null && !fresh.containsKey(i.id())) {
                    putSources(w, i);
                    fresh.put(i.id(), i);
                    continue;
                }
                if (old == null) { // the same id twice in the list: a different later version wins
                    if (sameButTimes(fresh.get(i.id()), i)) {
                        counts[2]++;
                    } else {
                        putSources(w, i);
                        fresh.put(i.id(), i);
                        counts[1]++;
                    }
                    continue;
                }
                counts[replaceIfChanged(w, old, i, now) ? 1 : 2]++;
            }
            // New incidents go in through the bulk path: batched, the R-tree filled once at the end.
            try (BulkIncidentInserter bulk = new BulkIncidentInserter(connection, fresh.size() > storedCount)) {
                for (Incident i : fresh.values()) {
                    bulk.add(i, stamp(i.created(), now), stamp(i.updated(), now));
                    if (bulk.added() % PROGRESS_STEP == 0) {
                        written.accept(bulk.added());
                    }
                }
                bulk.finish();
            }
            counts[0] = fresh.size();
            EventTables.fromImportedGroups(connection); // incidents the import relates become one event
        });
        return new MergeResult(counts[0], counts[1], counts[2]);
    }

    /**
     * Merges a stream of incidents by id in one transaction, all or nothing, as {@link #merge(List)} does,
     * but without holding them: only the ids of the stored incidents are kept in memory, each incident
     * is written as it comes (new ones through the bulk path), so a million-record import needs little
     * memory and its reading can go on while this writes. Each id may come only once in the stream (a
     * new id that comes twice fails the merge). The iterator may throw an unchecked exception to abandon the merge:
     * everything is rolled back and the exception passes on. While it runs, SQLite's foreign-key checks
     * are off (they doubled the cost of each row) and this method checks instead that every claim cites
     * one of its incident's sources, which it writes before the incident; the page cache is larger.
     */
    public synchronized MergeResult mergeAll(Iterator<Incident> incidents) throws StoreException {
        return mergeAll(incidents, 0);
    }

    /**
     * {@link #mergeAll(Iterator)} of about {@code expected} incidents (0: unknown): a disk too small for
     * that many is refused before anything is written.
     */
    public synchronized MergeResult mergeAll(Iterator<Incident> given, long expected) throws StoreException {
        Iterator<Incident> incidents = aliasedImport().resolveAll(given);
        Set<String> storedIds = storedIds();
        int[] counts = new int[3];
        bulkWrite("import incidents", roomFor(expected), w -> {
            String now = IncidentWriter.timestamp(Instant.now());
            try (BulkIncidentInserter bulk = new BulkIncidentInserter(connection, storedIds.size())) {
                List<Incident> known = new ArrayList<>();
                while (incidents.hasNext()) {
                    Incident i = incidents.next();
                    checkClaimsCiteSources(i);
                    if (storedIds.contains(i.id())) {
                        known.add(i);
                        if (known.size() == LOOKUP_CHUNK) {
                            mergeKnown(w, bulk, known, now, counts);
                        }
                        continue;
                    }
                    putSources(w, i);
                    bulk.add(i, stamp(i.created(), now), stamp(i.updated(), now));
                }
                mergeKnown(w, bulk, known, now, counts);
                bulk.finish();
                counts[0] = (int) bulk.added();
            }
            EventTables.fromImportedGroups(connection); // incidents the import relates become one event
        });
        return new MergeResult(counts[0], counts[1], counts[2]);
    }

    /**
     * Compares incidents the store holds with their stored versions, read in one query, and replaces
     * those that differ; empties {@code known}. Counts go to counts[1] (updated) and counts[2] (unchanged).
     */
    private void mergeKnown(IncidentWriter w, BulkIncidentInserter bulk, List<Incident> known, String now,
            int[] counts) throws SQLException {
        if (known.isEmpty()) {
            return;
        }
        // Reading and replacing stored rows looks claims up by incident: that needs the indexes.
        bulk.keepIndexes();
        Map<String, Incident> stored = new HashMap<>();
        for (Incident old : storedByIds(known.stream().map(Incident::id).toList())) {
            stored.put(old.id(), old);
        }
        for (Incident i : known) {
            counts[replaceIfChanged(w, stored.get(i.id()), i, now) ? 1 : 2]++;
        }
        known.clear();
    }

    /**
     * Replaces the stored {@code old} by {@code i}, keeping its creation time, unless the two differ only
     * in their times; returns whether it did.
     */
    private static boolean replaceIfChanged(IncidentWriter w, Incident old, Incident i, String now) throws SQLException {
        if (sameButTimes(old, i)) {
            return false;
        }
        putSources(w, i);
        w.updateIncident(i, stamp(old.created(), now), now);
        return true;
    }

    private static boolean sameButTimes(Incident a, Incident b) {
        return a.withTimes(null, null).equals(b.withTimes(null, null));
    }

    /** The stored incidents with these ids, inside a write (where only SQLException may pass). */
    private List<Incident> storedByIds(List<String> ids) throws SQLException {
        try {
            return reader.query("i.uuid IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                    ids.toArray());
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static void checkClaimsCiteSources(Incident i) {
        for (Claim c : i.claims()) {
            boolean cited = false;
            for (Source s : i.sources()) {
                cited |= s.key().equals(c.sourceKey());
            }
            if (!cited) {
                throw new IllegalArgumentException("incident " + i.id() + ": a claim cites source '" + c.sourceKey()
                        + "', which is not among its sources");
            }
        }
    }

    /** The ids of every stored incident. */
    private Set<String> storedIds() throws StoreException {
        ensureOpen();
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT uuid FROM incidents");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read incident ids", e);
        }
        return ids;
    }

    /**
     * {@link #write} with SQLite's foreign-key checks off, a page cache of {@link #BULK_CACHE_KIB} and no
     * memory-mapped reads (pages come from that cache) for the one transaction; all are set back
     * afterwards. Foreign keys can only be switched outside a transaction, hence here and not in the bulk
     * inserter.
     */
    private void bulkWrite(String what, long neededBytes, WriteWork work) throws StoreException {
        ensureOpen();
        if (readOnly) {
            write(what, work); // refused there, with the message every write gives
            return;
        }
        try {
            pragmas("PRAGMA foreign_keys = OFF", "PRAGMA cache_size = -" + BULK_CACHE_KIB, "PRAGMA mmap_size = 0");
            write(what, neededBytes, work);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot " + what + " (nothing was changed)", e);
        } finally {
            try {
                pragmas("PRAGMA foreign_keys = ON", "PRAGMA cache_size = " + DEFAULT_CACHE,
                        "PRAGMA mmap_size = " + StoreConnections.MMAP_SIZE);
            } catch (SQLException e) {
                // Only a closed connection refuses these; it enforces nothing any more anyway.
            }
        }
    }

    private void pragmas(String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * The stored versions of those of {@code incidents} the store already holds. Only the ids are read
     * for the whole store; full records only for the ids that are in both.
     */
    private Map<String, Incident> storedVersions(List<Incident> incidents) throws StoreException {
        Set<String> wanted = new HashSet<>();
        incidents.forEach(i -> wanted.add(i.id()));
        List<String> both = new ArrayList<>();
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement("SELECT uuid FROM incidents");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (wanted.contains(id)) {
                    both.add(id);
                }
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read incident ids", e);
        }
        Map<String, Incident> stored = new HashMap<>();
        if (both.size() > FETCH_ONE_BY_ONE) {
            for (Incident i : all()) {
                if (wanted.contains(i.id())) {
                    stored.put(i.id(), i);
                }
            }
        } else {
            for (String id : both) {
                byId(id).ifPresent(i -> stored.put(id, i));
            }
        }
        return stored;
    }

    private static void putSources(IncidentWriter w, Incident i) throws SQLException {
        for (Source s : i.sources()) {
            w.putSource(s);
        }
    }

    private static String stamp(Instant given, String otherwise) {
        return given == null ? otherwise : IncidentWriter.timestamp(given);
    }

    /**
     * About how much room on disk a write of {@code incidents} new incidents needs: their rows and index
     * entries, and the rollback journal's copies of the pages it changes, at most the whole file as it
     * is. 0 for none.
     */
    private long roomFor(long incidents) {
        long growth = incidents * BYTES_PER_INCIDENT;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = growth;
        }
        return growth + Math.min(size, growth);
    }

    /** Work done with a writer inside a transaction. */
    private interface WriteWork {
        void run(IncidentWriter w) throws SQLException;
    }

    private void write(String what, WriteWork work) throws StoreException {
        write(what, 0, work);
    }

    /**
     * Runs {@code work} in one transaction, once SQLite has found the file intact. {@code neededBytes}
     * is the room the write is estimated to need on disk (0: unknown), to refuse it before it starts when
     * the disk has less, and to say so when it runs out anyway. While it runs, the lock file notes what
     * it is, for the message should a crash interrupt it.
     */
    private void write(String what, long neededBytes, WriteWork work) throws StoreException {
        beginWrite(what, neededBytes);
        try (IncidentWriter w = new IncidentWriter(connection)) {
            Transaction.run(connection, () -> {
                work.run(w);
                GeoPackageSchema.updateExtent(connection);
            });
        } catch (SQLException e) {
            throw DiskSpace.failure(file, what, e, neededBytes);
        } finally {
            lock.clearNote();
        }
    }

    /**
     * Puts right, in one small write the first time only, what earlier versions left GeoPackage readers
     * unable to open (see {@link GeoPackageSchema#repairLayout}): QGIS lists every table of the file.
     */
    private void repairLayout() throws StoreException {
        boolean needed;
        try {
            needed = GeoPackageSchema.needsLayoutRepair(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read gpkg_contents", e);
        }
        if (needed) {
            // Worded for the user, who asked to open the store, should the file turn out to be damaged.
            write("open it for editing, which registers its tables for GIS programs",
                    w -> GeoPackageSchema.repairLayout(connection));
        }
    }

    /**
     * A writer of street-level layers into this store (see {@link StreetLayerWriter}), on a connection
     * and in a transaction of its own, once SQLite has found the file intact; the store must be open for
     * editing and stay open until the writer is closed. {@code source} names what is imported, for the
     * message should a crash interrupt it; {@code neededBytes} estimates the room it needs (0: unknown).
     */
    public synchronized StreetLayerWriter streetWriter(String source, long neededBytes) throws StoreException {
        beginWrite("import streets from " + source, neededBytes);
        return StreetLayerWriter.open(file, neededBytes, lock::clearNote);
    }

    /**
     * What every write asks first: a store open for editing, a file SQLite found intact, room enough as
     * far as {@code neededBytes} tells (0: unknown); then the lock file notes {@code what}, to be cleared
     * when the write ends.
     */
    private void beginWrite(String what, long neededBytes) throws StoreException {
        ensureOpen();
        if (readOnly) {
            throw StoreException.of(file, "cannot " + what + ": the store is open for viewing only"
                    + " (read-only file or folder, or open for editing elsewhere)");
        }
        integrity.requireIntact(what);
        DiskSpace.requireRoom(file, neededBytes, what);
        lock.noteWrite(what);
    }

    /**
     * What the map draws of every incident with a position, in flat arrays (see {@link IncidentPoints}):
     * the fast way to load a large store.
     */
    public synchronized IncidentPoints points() throws StoreException {
        ensureOpen();
        try {
            return IncidentPoints.read(file, connection);
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot read incident positions", e));
        } catch (StoreException e) {
            throw integrity.explain(e);
        }
    }

    /**
     * The incidents with these row ids (see {@link IncidentPoints#fid}), by row id: what a click or a
     * page of a cluster's members shows, read without reading the rest of the store.
     */
    public synchronized Map<Long, Incident> byRowIds(long[] fids) throws StoreException {
        ensureOpen();
        try {
            return reader.byRowIds(fids);
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot read incidents by row id", e));
        } catch (StoreException e) {
            throw integrity.explain(e);
        }
    }

    /** The row id of the incident with this id, if the store has it. */
    public synchronized OptionalLong rowIdOf(String uuid) throws StoreException {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement("SELECT fid FROM incidents WHERE uuid = ?")) {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot look up incident " + uuid, e);
        }
    }

    /**
     * The row ids of every incident, ordered by {@code order} (ascending, ties by row id): what a table
     * sorted by a column the index does not hold shows. A million incidents cost one sort in SQLite.
     */
    public synchronized long[] rowIdsOrderedBy(IncidentOrder order) throws StoreException {
        ensureOpen();
        try {
            return order.read(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot order incidents by " + order.name().toLowerCase(Locale.ROOT), e);
        }
    }

    /** The values {@code column} takes and how many incidents have each, most frequent first. */
    public synchronized List<ValueCounts.ValueCount> valueCounts(ValueCounts.Column column) throws StoreException {
        return read("read the values of "
                    + column.name().toLowerCase(Locale.ROOT), () -> ValueCounts.read(connection, column));
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
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private List<Incident> query(String condition, String what, Object... params) throws StoreException {
        ensureOpen();
        try {
            return reader.query(condition, params);
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot " + what, e));
        } catch (StoreException e) {
            throw integrity.explain(e);
        }
    }

    /** A read of the open store's tables. */
    @FunctionalInterface
    private interface ReadWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} on the open store; a failure is "cannot WHAT", or, when the file turns out to be
     * damaged, a message that says so.
     */
    private <T> T read(String what, ReadWork<T> work) throws StoreException {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot " + what, e));
        }
    }

    private void ensureOpen() throws StoreException {
        if (closed) {
            throw StoreException.of(file, "store is closed");
        }
    }

    /**
     * Puts records back as they were, in one transaction: deletes the incidents with the ids in
     * {@code remove}, then writes each of {@code versions} over the stored incident with its id (or adds
     * it), with the created and updated times it carries. What undoing and redoing an import does.
     */
    public synchronized void restore(Collection<String> remove, List<Incident> versions) throws StoreException {
        Set<String> stored = new HashSet<>();
        for (Incident i : versions) {
            if (rowIdOf(i.id()).isPresent() && !remove.contains(i.id())) {
                stored.add(i.id());
            }
        }
        write("restore " + (remove.size() + versions.size()) + " incidents", w -> {
            for (String id : remove) {
                w.deleteIncident(id);
            }
            String now = IncidentWriter.timestamp(Instant.now());
            for (Incident i : versions) {
                putSources(w, i);
                if (stored.contains(i.id())) {
                    w.updateIncident(i, stamp(i.created(), now), stamp(i.updated(), now));
                } else {
                    w.insertIncident(i, stamp(i.created(), now), stamp(i.updated(), now));
                }
            }
        });
    }

    /**
     * Keeps a local copy of a source's document, with the SHA-256 of its bytes and the time now; one
     * transaction. A copy larger than {@link SourceCopy#MAX_BYTES}, or of a source the store does not
     * hold, is refused and nothing is written.
     */
    public synchronized SourceCopy keepCopy(String sourceKey, String fileName, String mediaType, byte[] bytes)
            throws StoreException {
        return putCopy(sourceKey, fileName, mediaType, bytes, SourceCopies.sha256(bytes),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)); // as the store keeps it
    }

    /**
     * Keeps a copy carried from elsewhere (another store) with the checksum and time it has there, unless
     * this store has no source of that key or the source already has a copy with that checksum; returns
     * whether it was added. The carried checksum is kept as it was, so that a copy damaged before or on
     * the way is told when opened.
     */
    public synchronized boolean carryCopy(SourceCopy copy, byte[] bytes) throws StoreException {
        if (!hasSource(copy.sourceKey())
                || copies(copy.sourceKey()).stream().anyMatch(c -> c.sha256().equals(copy.sha256()))) {
            return false;
        }
        putCopy(copy.sourceKey(), copy.fileName(), copy.mediaType(), bytes, copy.sha256(),
                copy.savedAt() == null ? Instant.now() : copy.savedAt());
        return true;
    }

    private SourceCopy putCopy(String sourceKey, String fileName, String mediaType, byte[] bytes, String sha256,
            Instant savedAt) throws StoreException {
        String what = "keep a copy of " + fileName + " for source '" + sourceKey + "'";
        if (bytes.length > SourceCopy.MAX_BYTES) {
            throw StoreException.of(file, "cannot " + what + ": it has " + String.format(Locale.ROOT, "%,d", bytes.length)
                    + " bytes, more than the " + SourceCopy.MAX_BYTES / (1024 * 1024) + " MB a copy may have");
        }
        if (!hasSource(sourceKey)) {
            throw StoreException.of(file, "cannot " + what + ": the store has no source with that key");
        }
        SourceCopy[] kept = new SourceCopy[1];
        viewWrite(what, bytes.length, () -> kept[0] = SourceCopies.insert(connection, sourceKey, fileName, mediaType,
                bytes, sha256, savedAt));
        return kept[0];
    }

    private boolean hasSource(String key) throws StoreException {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM sources WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the sources", e);
        }
    }

    /** The local copies of the source with this key, oldest first; every source's when the key is null. */
    public synchronized List<SourceCopy> copies(String sourceKey) throws StoreException {
        return read("read the copies of sources", () -> SourceCopies.list(connection, sourceKey));
    }

    /**
     * The bytes of a kept copy, checked against the SHA-256 taken when it was saved: a copy whose bytes
     * no longer match, or that is gone, is a {@link StoreException} saying so.
     */
    public synchronized byte[] copyBytes(SourceCopy copy) throws StoreException {
        ensureOpen();
        Optional<byte[]> bytes;
        try {
            bytes = SourceCopies.bytes(connection, copy.id());
        } catch (SQLException e) {
            throw integrity.explain(StoreConnections.failure(file, "cannot read the copy " + copy.fileName(), e));
        }
        if (bytes.isEmpty()) {
            throw StoreException.of(file, "the copy " + copy.fileName() + " of source '" + copy.sourceKey()
                    + "' is no longer in the store");
        }
        String found = SourceCopies.sha256(bytes.get());
        if (!found.equalsIgnoreCase(copy.sha256())) {
            throw StoreException.of(file, "the copy " + copy.fileName() + " of source '" + copy.sourceKey()
                    + "' is damaged: its bytes have SHA-256 " + found + ", not the " + copy.sha256()
                    + " they had when saved");
        }
        return bytes.get();
    }

    /**
     * The bytes of a kept copy as stored, not checked: for carrying it to another store with its own
     * checksum, where opening it checks them. Empty when the copy is gone.
     */
    public synchronized Optional<byte[]> storedCopyBytes(SourceCopy copy) throws StoreException {
        return read("read the copy " + copy.fileName(), () -> SourceCopies.bytes(connection, copy.id()));
    }

    /**
     * Carries every copy of {@code from} whose source this store holds (see {@link #carryCopy}); returns
     * how many were added.
     */
    public int carryCopies(IncidentStore from) throws StoreException {
        int added = 0;
        for (SourceCopy c : from.copies(null)) {
            Optional<byte[]> bytes = from.storedCopyBytes(c);
            if (bytes.isPresent() && carryCopy(c, bytes.get())) {
                added++;
            }
        }
        return added;
    }

    /**
     * Marks this store as a redacted copy for sharing: {@code words} (the profile's line) become the
     * incidents table's description in {@code gpkg_contents}, where GIS programs show it, and every
     * table's last-change time goes to the first of its month, so that the copy tells no day.
     */
    public void describeAsRedacted(String words) throws StoreException {
        viewWrite("describe the redacted copy", () -> GeoPackageSchema.describeRedacted(connection, words));
    }

    /** Deletes a kept copy; false when there was none (and nothing is written). */
    public synchronized boolean deleteCopy(long id) throws StoreException {
        try {
            ensureOpen();
            if (SourceCopies.byId(connection, id).isEmpty()) {
                return false;
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the copies of sources", e);
        }
        viewWrite("delete the copy " + id, () -> SourceCopies.delete(connection, id));
        return true;
    }

    /**
     * What merging a duplicate changed besides the two records, for its undo.
     *
     * @param kept the kept incident as stored after the merge
     * @param added the aliases the merge made
     * @param moved the aliases of the removed incident it moved to the kept one
     */
    public record MergedDuplicate(Incident kept, List<String> added, List<String> moved) {
        public MergedDuplicate {
            added = List.copyOf(added);
            moved = List.copyOf(moved);
        }
    }

    /**
     * Merges a duplicate in one transaction: saves {@code merged} (the kept incident with what it takes
     * from the other) over the stored kept incident, deletes {@code otherId}, moves the other's aliases to
     * the kept incident and adds {@code aliases} (id → origin, see {@link IncidentAlias}) for it, but none
     * the store has already or that is the kept incident's own id. Both incidents must be stored.
     */
    public synchronized MergedDuplicate mergeDuplicate(Incident merged, String otherId, Map<String, String> aliases)
            throws StoreException {
        String keptId = merged.id();
        if (keptId.equals(otherId)) {
            throw StoreException.of(file, "an incident cannot be merged into itself: " + keptId);
        }
        Incident old = byId(keptId).orElseThrow(() -> StoreException.of(file, "no incident " + keptId));
        if (rowIdOf(otherId).isEmpty()) {
            throw StoreException.of(file, "no incident " + otherId);
        }
        List<String> added = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        write("merge incident " + otherId + " into " + keptId, w -> {
            String now = IncidentWriter.timestamp(Instant.now());
            putSources(w, merged);
            w.updateIncident(merged, stamp(old.created(), now), now);
            moved.addAll(DuplicateTables.move(connection, otherId, keptId));
            w.deleteIncident(otherId);
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                if (!a.getKey().equals(keptId) && !DuplicateTables.exists(connection, a.getKey())) {
                    DuplicateTables.insert(connection, new IncidentAlias(a.getKey(), keptId, otherId, a.getValue()), now);
                    added.add(a.getKey());
                }
            }
        });
        return new MergedDuplicate(byId(keptId).orElseThrow(), added, moved);
    }

    /**
     * Takes a merge back in one transaction: the aliases it added go, {@code other} is stored again as
     * it was (times included), the aliases it moved point at it again, and the kept incident is saved as
     * {@code keptBefore} was (times included).
     */
    public synchronized void unmergeDuplicate(Incident keptBefore, Incident other, MergedDuplicate done)
            throws StoreException {
        if (rowIdOf(keptBefore.id()).isEmpty()) {
            throw StoreException.of(file, "no incident " + keptBefore.id());
        }
        if (rowIdOf(other.id()).isPresent()) {
            throw StoreException.of(file, "incident " + other.id() + " is in the store again; the merge cannot be undone");
        }
        write("undo the merge of incident " + other.id() + " into " + keptBefore.id(), w -> {
            String now = IncidentWriter.timestamp(Instant.now());
            DuplicateTables.delete(connection, done.added());
            putSources(w, other);
            w.insertIncident(other, stamp(other.created(), now), stamp(other.updated(), now));
            DuplicateTables.move(connection, done.moved(), other.id());
            putSources(w, keptBefore);
            w.updateIncident(keptBefore, stamp(keptBefore.created(), now), stamp(keptBefore.updated(), now));
        });
    }

    /** The aliases that stand for the incident with this id, in the order they were made. */
    public synchronized List<IncidentAlias> aliasesOf(String uuid) throws StoreException {
        return read("read the aliases of incident " + uuid, () -> DuplicateTables.of(connection, uuid));
    }

    /**
     * Puts aliases back as they were (after the undo of a deletion, which took them with their
     * incident); each incident must be stored, and an alias the store has already is left as it is.
     */
    public synchronized void restoreAliases(List<IncidentAlias> aliases) throws StoreException {
        if (aliases.isEmpty()) {
            return;
        }
        viewWrite("restore " + aliases.size() + " incident aliases", () -> {
            String now = IncidentWriter.timestamp(Instant.now());
            for (IncidentAlias a : aliases) {
                if (!DuplicateTables.exists(connection, a.alias())) {
                    DuplicateTables.insert(connection, a, now);
                }
            }
        });
    }

    /** The pairs of incidents said not to be duplicates, each two ids (smaller first). */
    public synchronized List<List<String>> notDuplicates() throws StoreException {
        return read("read the pairs that are not duplicates", () -> DuplicateTables.notDuplicates(connection));
    }

    /**
     * Remembers that the two incidents (both stored) are not duplicates; false when it was remembered
     * already (and nothing is written). The incidents' extent and last-change time are left alone.
     */
    public synchronized boolean markNotDuplicate(String id1, String id2) throws StoreException {
        for (String id : List.of(id1, id2)) {
            if (rowIdOf(id).isEmpty()) {
                throw StoreException.of(file, "no incident " + id);
            }
        }
        if (id1.equals(id2)) {
            throw StoreException.of(file, "an incident is not a pair: " + id1 + " twice");
        }
        String a = id1.compareTo(id2) <= 0 ? id1 : id2;
        String b = a.equals(id1) ? id2 : id1;
        if (notDuplicates().contains(List.of(a, b))) {
            return false;
        }
        viewWrite("remember that " + a + " and " + b + " are not duplicates", () -> DuplicateTables.addNotDuplicate(
                connection, a, b, IncidentWriter.timestamp(Instant.now())));
        return true;
    }

    /** The imports' view of the aliases: each alias with the stored incident it stands for. */
    private AliasedImport aliasedImport() throws StoreException {
        ensureOpen();
        Map<String, String> targets;
        try {
            targets = DuplicateTables.targets(connection);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot read the incident aliases", e);
        }
        if (targets.isEmpty()) {
            return new AliasedImport(targets, List.of());
        }
        return new AliasedImport(targets, query("i.uuid IN (SELECT incident_uuid FROM incident_aliases)",
                "read the incidents that have aliases"));
    }

    /** Up to {@code limit} stored sources whose title or publisher contains {@code text} (any case), by title. */
    public synchronized List<Source> sources(String text, int limit) throws StoreException {
        ensureOpen();
        try {
            return SourceSearch.find(connection, text == null ? "" : text, limit);
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot search the sources", e);
        }
    }
}
