package kz.incidentmap.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.GeoPackageRecords;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.ReplicaBase;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.StoreLockedException;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.store.pg.ServerIncident;

/**
 * The local copy of a server's record that a window works on: a GeoPackage in the user's cache folder
 * ({@code servers/user@host_port_db.gpkg}), opened as any store, with beside it what each incident was
 * based on ({@link ReplicaBase}). An incident is pending, changed here and not yet on the server, when
 * its copy differs from what came from the server, when it is new here, or when it was deleted here;
 * so what is pending is known again after a restart. Records from the server are written into the copy
 * only over incidents that are not pending: a pending one is the user's work, and meets the server's
 * newer version as a conflict when it is pushed.
 */
public final class ServerReplica implements AutoCloseable {

    private final ServerAddress address;
    private final IncidentStore store;
    private final ReplicaBase base;
    /**
     * The ids pending, found by reading the whole copy once ({@link #scanPending}) and kept since by
     * checking again each incident the copy or its base is written for: a read of every record (seconds
     * for a few hundred thousand) is then paid at opening, not after every change sent.
     */
    private final Set<String> pending = new LinkedHashSet<>();

    /**
     * Whether {@link #pending} holds what is pending: once the copy has been read whole, or from the start
     * when the copy was made on opening (its base is then exactly its content).
     */
    private boolean scanned;

    private ServerReplica(ServerAddress address, IncidentStore store, ReplicaBase base, boolean made) {
        this.address = address;
        this.store = store;
        this.base = base;
        this.scanned = made;
    }

    /** The copy's file for {@code address} under the cache folder {@code cacheRoot}; no password in it. */
    public static Path fileFor(Path cacheRoot, ServerAddress address) {
        String name = (address.user() + "@" + address.host() + "_" + address.port() + "_" + address.database())
                .replaceAll("[^A-Za-z0-9@._-]", "_");
        return cacheRoot.resolve("servers").resolve(name + ".gpkg");
    }

    /**
     * Heap a copy needs per incident while it is made or read whole (the record read from the server, the
     * copy's incidents read back): 300,000 incidents were copied within a heap of 700 MB, with room to spare.
     */
    static final long BYTES_PER_INCIDENT = 3_000;

    /**
     * Why a copy of a record of {@code incidents} (-1: not known) cannot be made or read in a heap of
     * {@code maxHeap} bytes, in words for the user; empty when it can. Said before anything is read, instead
     * of minutes of work that end out of memory.
     */
    static Optional<String> tooLargeForMemory(ServerAddress address, long incidents, long maxHeap) {
        if (incidents < 0 || incidents * BYTES_PER_INCIDENT <= maxHeap) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s holds about %,d incidents: a window keeps a copy of"
                + " the record on this machine, which needs about %.1f GB of memory, more than the %.1f GB Java may use"
                + " here; open it with the commands (snapshot, incidents, report, bench with --db %s), or start the"
                + " window with more memory (JAVA_TOOL_OPTIONS=-Xmx…)", address, Math.round(incidents / 10_000.0) * 10_000,
                incidents * BYTES_PER_INCIDENT / 1e9, maxHeap / 1e9, address.uri()));
    }

    private static Path baseFile(Path replica) {
        return replica.resolveSibling(replica.getFileName() + ".base");
    }

    /**
     * Makes the copy of the record on {@code server} under {@code cacheRoot}, telling {@code progress} its
     * steps, or opens the one there as it was left; {@link #catchUp} then brings it up to the server's state.
     */
    public static ServerReplica open(PgRecords server, Path cacheRoot, CopyStep.Progress progress)
            throws StoreException {
        long incidents = server.incidentsAbout();
        Optional<String> tooLarge = tooLargeForMemory(server.address(), incidents, Runtime.getRuntime().maxMemory());
        if (tooLarge.isPresent()) {
            throw new StoreException(tooLarge.get());
        }
        Path file = fileFor(cacheRoot, server.address());
        boolean made = !Files.exists(file) || !Files.exists(baseFile(file));
        if (made) {
            make(server, file, step -> progress.step(step, incidents));
        }
        IncidentStore store;
        try {
            store = IncidentStore.open(file);
        } catch (StoreLockedException e) {
            throw new StoreException(server.where() + ": the local copy of its record (" + file
                    + ") is open in another window of this application; use that window, or close it first", e);
        }
        try {
            return new ServerReplica(server.address(), store, ReplicaBase.open(baseFile(file)), made);
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Finds what is pending in the copy as it was left (a copy just made has its base taken from itself:
     * nothing), then brings every incident that is not pending up to the server's state; returns the ids
     * changed here. The first thing done with a copy opened: it reads the whole copy, seconds for a few
     * hundred thousand incidents, which a window spends with the copy's map already shown; done again
     * after a lost connection, it reads the copy only if it was not read before.
     */
    public Set<String> catchUp(PgRecords server) throws StoreException {
        synchronized (this) {
            if (!scanned) {
                scanPending();
            }
        }
        return refresh(server);
    }

    /** A new copy, built under temporary names and moved into place when complete. */
    private static void make(PgRecords server, Path file, Consumer<CopyStep> step)
            throws StoreException {
        step.accept(CopyStep.READING);
        PgRecords.VersionedRecord record = server.wholeWithVersions();
        try {
            Files.createDirectories(file.getParent());
            Path building = file.resolveSibling(file.getFileName() + ".new");
            Path buildingBase = baseFile(building);
            Files.deleteIfExists(building);
            Files.deleteIfExists(buildingBase);
            step.accept(CopyStep.WRITING);
            GeoPackageRecords.at(building).writeAll(record.record());
            step.accept(CopyStep.CHECKING);
            Map<String, ReplicaBase.Base> bases = new HashMap<>();
            try (IncidentStore built = IncidentStore.open(building)) {
                for (Incident i : built.all()) {
                    bases.put(i.id(), new ReplicaBase.Base(record.versions().get(i.id()), Fingerprint.of(i)));
                }
            }
            try (ReplicaBase b = ReplicaBase.open(buildingBase)) {
                b.put(bases);
            }
            Files.deleteIfExists(baseFile(file));
            Files.move(building, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(buildingBase, baseFile(file), StandardCopyOption.ATOMIC_MOVE);
            // The store made the new file's lock file beside it; the copy in place has its own.
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-lock"));
        } catch (IOException e) {
            throw StoreException.of(file, "cannot make the local copy of " + server.where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings every incident that is not pending to the server's state (new ones added, deleted ones
     * removed); returns the ids changed here.
     */
    private Set<String> refresh(PgRecords server) throws StoreException {
        Map<String, Integer> versions = server.versions();
        Map<String, ReplicaBase.Base> bases = base.all();
        Set<String> pending = pending();
        Set<String> stale = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> v : versions.entrySet()) {
            ReplicaBase.Base b = bases.get(v.getKey());
            if (!pending.contains(v.getKey()) && (b == null || b.version() != v.getValue())) {
                stale.add(v.getKey());
            }
        }
        for (String id : bases.keySet()) {
            if (!versions.containsKey(id) && !pending.contains(id)) {
                stale.add(id);
            }
        }
        return pull(server, stale);
    }

    /**
     * Reads these incidents from the server and writes them into the copy, except those pending here;
     * returns the ids changed here.
     */
    public Set<String> pull(PgRecords server, Collection<String> ids) throws StoreException {
        Map<String, Optional<ServerIncident>> theirs = new HashMap<>();
        for (String id : ids) {
            if (!isPending(id)) {
                theirs.put(id, server.incident(id));
            }
        }
        return apply(theirs);
    }

    /** Writes the server's state of these incidents (empty: deleted there) into the copy, as one transaction. */
    Set<String> apply(Map<String, Optional<ServerIncident>> theirs) throws StoreException {
        List<String> remove = new ArrayList<>();
        List<Incident> write = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Optional<ServerIncident>> e : theirs.entrySet()) {
            Optional<Incident> here = store.byId(e.getKey());
            if (e.getValue().isEmpty()) {
                if (here.isPresent()) {
                    remove.add(e.getKey());
                    changed.add(e.getKey());
                }
            } else if (here.isEmpty() || !here.get().equals(e.getValue().get().incident())) {
                write.add(e.getValue().get().incident());
                changed.add(e.getKey());
            }
        }
        if (!remove.isEmpty() || !write.isEmpty()) {
            store.restore(remove, write);
        }
        Map<String, ReplicaBase.Base> bases = new HashMap<>();
        for (Map.Entry<String, Optional<ServerIncident>> e : theirs.entrySet()) {
            bases.put(e.getKey(), e.getValue().isEmpty() ? null : new ReplicaBase.Base(e.getValue().get().version(),
                    Fingerprint.of(store.byId(e.getKey()).orElseThrow())));
        }
        base.put(bases);
        recheck(theirs.keySet());
        return changed;
    }

    /** The ids of every incident changed here and not yet on the server, as last found (see {@link #recheck}). */
    public synchronized Set<String> pending() {
        return new LinkedHashSet<>(pending);
    }

    /**
     * Finds what is pending by reading the whole copy and its base: at opening, and after writes that do
     * not say which incidents they changed (an import, a merge). Returns the ids pending.
     */
    public synchronized Set<String> scanPending() throws StoreException {
        Map<String, ReplicaBase.Base> bases = base.all();
        Set<String> pending = new LinkedHashSet<>();
        Set<String> here = new HashSet<>();
        // On one core: a window's copy is scanned behind its map, and its frames need the other.
        for (Incident i : store.all()) {
            here.add(i.id());
            ReplicaBase.Base b = bases.get(i.id());
            if (b == null || !b.fingerprint().equals(Fingerprint.of(i))) {
                pending.add(i.id());
            }
        }
        for (String id : bases.keySet()) {
            if (!here.contains(id)) {
                pending.add(id);
            }
        }
        this.pending.clear();
        this.pending.addAll(pending);
        scanned = true;
        return pending;
    }

    /** Checks again whether these incidents are pending: the copy or its base was written for them. */
    public synchronized void recheck(Collection<String> ids) throws StoreException {
        for (String id : ids) {
            if (isPending(id)) {
                pending.add(id);
            } else {
                pending.remove(id);
            }
        }
    }

    /** Whether this incident was changed here (added, edited or deleted) and is not yet on the server. */
    public boolean isPending(String id) throws StoreException {
        Optional<Incident> here = store.byId(id);
        Optional<ReplicaBase.Base> b = base.get(id);
        if (here.isEmpty()) {
            return b.isPresent();
        }
        return b.isEmpty() || !b.get().fingerprint().equals(Fingerprint.of(here.get()));
    }

    /** The incident as the copy holds it. */
    public Optional<Incident> local(String id) throws StoreException {
        return store.byId(id);
    }

    /** The server's version the copy of this incident is based on; empty when it is new here. */
    public Optional<Integer> baseVersion(String id) throws StoreException {
        return base.get(id).map(ReplicaBase.Base::version);
    }

    /** Records that the server now holds the copy's state of this incident at {@code version} (0: deleted). */
    void onServer(String id, int version) throws StoreException {
        Map<String, ReplicaBase.Base> b = new HashMap<>();
        b.put(id, version == 0 ? null
                : new ReplicaBase.Base(version, Fingerprint.of(store.byId(id).orElseThrow())));
        base.put(b);
        recheck(List.of(id));
    }

    /**
     * Takes the server's state of a conflicting incident as the base and puts {@code kept} (null: none)
     * in the copy: what is pending afterwards is exactly the difference between {@code kept} and theirs.
     */
    void rebase(Conflict conflict, Incident kept) throws StoreException {
        Map<String, Optional<ServerIncident>> theirs = new HashMap<>();
        theirs.put(conflict.id(), Optional.ofNullable(conflict.theirs()));
        apply(theirs);
        if (kept == null) {
            if (store.byId(conflict.id()).isPresent()) {
                store.restore(List.of(conflict.id()), List.of());
            }
        } else if (!kept.equals(store.byId(conflict.id()).orElse(null))) {
            store.restore(List.of(), List.of(kept));
        }
        recheck(List.of(conflict.id()));
    }

    public IncidentStore store() {
        return store;
    }

    public ServerAddress address() {
        return address;
    }

    @Override
    public void close() {
        store.close();
        base.close();
    }
}
