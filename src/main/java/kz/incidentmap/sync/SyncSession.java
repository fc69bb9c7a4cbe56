package kz.incidentmap.sync;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.HistoryEntry;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.store.pg.ServerRights;

/**
 * A window's link to a record on a server: the local copy it edits ({@link ServerReplica}), the changes
 * made there pushed to the server right after they are saved, the changes others make heard within a
 * second ({@link ChangeListener}) and written into the copy, and conflicts handed to the window to
 * settle. All work with the copy and the server runs on one thread of its own, in the order asked, so
 * that a push and a pull of one incident never cross; nothing runs on the caller's thread but queueing.
 */
public final class SyncSession implements AutoCloseable {

    private final ServerAddress address;
    private final Map<String, String> env;
    private final ServerReplica replica;
    private final SyncEvents events;
    private final ExecutorService worker;
    private final ChangeListener listener;
    /** What the user may do with the record, asked when the session opened. */
    private final ServerRights rights;
    // Touched on the worker thread only.
    private PgRecords server;
    private final Set<String> awaiting = new HashSet<>();
    private String problem;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    private SyncSession(ServerAddress address, Map<String, String> env, PgRecords server, ServerReplica replica,
            SyncEvents events, ServerRights rights) {
        this.address = address;
        this.rights = rights;
        this.env = env;
        this.server = server;
        this.replica = replica;
        this.events = events;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "server sync " + address);
            t.setDaemon(true);
            return t;
        });
        this.listener = new ChangeListener(address, env, new ChangeListener.Heard() {
            @Override
            public void changed(Map<String, Integer> versions) {
                queue(() -> heard(versions));
            }

            @Override
            public void lost(String why) {
                queue(() -> {
                    problem = "the connection to the server is lost, connecting again (" + why + ")";
                    report();
                });
            }

            @Override
            public void connected(boolean again) {
                // What was written between reading the copy (or losing the connection) and listening
                // is read in full; what waits here is pushed.
                queue(SyncSession.this::reconnected);
            }
        });
    }

    /**
     * Connects to the record at {@code address}, makes or refreshes its local copy under
     * {@code cacheRoot} and starts listening; once listening, what was left pending last time is pushed.
     * Blocks: call it on a worker thread.
     */
    public static SyncSession open(ServerAddress address, Map<String, String> env, Path cacheRoot, SyncEvents events)
            throws StoreException {
        SyncSession session = opened(address, env, cacheRoot, events);
        try {
            session.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw new StoreException(address + ": interrupted while bringing the local copy up to date");
        } catch (ExecutionException e) {
            session.close();
            throw e.getCause() instanceof StoreException se ? se
                    : new StoreException(address + ": cannot bring the local copy up to date: " + e.getCause());
        }
        return session;
    }

    /**
     * Whether {@code e}, from {@link #opened} or {@link #open}, says the server could not be reached at all
     * (refused, timed out, unknown host), rather than that it refused the user or the record.
     */
    public static boolean outOfReach(StoreException e) {
        return PgRecords.unreachable(e);
    }

    /**
     * Connects to the record at {@code address} and makes its local copy under {@code cacheRoot}, or
     * opens the one there as it was left: a window can show the copy at once. Nothing is read from the
     * server into the copy, sent or heard until {@link #start}. Blocks: call it on a worker thread.
     */
    public static SyncSession opened(ServerAddress address, Map<String, String> env, Path cacheRoot, SyncEvents events)
            throws StoreException {
        return opened(address, env, cacheRoot, events, CopyStep.Progress.NONE);
    }

    /** The same, telling {@code progress} the steps of making the local copy when there is none. */
    public static SyncSession opened(ServerAddress address, Map<String, String> env, Path cacheRoot, SyncEvents events,
            CopyStep.Progress progress) throws StoreException {
        PgRecords server = PgRecords.connect(address, env);
        ServerReplica replica;
        ServerRights rights;
        try {
            int version = server.schemaVersion();
            if (version < 2) {
                throw new StoreException(address + ": " + (version == 0 ? "holds no incident record yet; make one with"
                        + " init --db " + address.uri() + " and copy --to " + address.uri()
                        : "the record there is of schema version " + version + ", which keeps no history and sends no"
                        + " changes; bring it up to date with init --db " + address.uri()));
            }
            rights = server.rights();
            replica = ServerReplica.open(server, cacheRoot, progress);
        } catch (StoreException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new SyncSession(address, env, server, replica, events, rights);
    }

    /**
     * Brings the copy up to the server's state on the session's thread (the incidents it changed are
     * told as changed here), then listens for others' changes. Completes once the copy is up to date,
     * exceptionally with why it could not be brought there (the status says so too).
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        // A failure is told as any task's is (see queue); the next connection catches up then.
        queue(() -> {
            events.status(new SyncStatus(replica.pending().size(), "bringing the local copy up to the server's state"));
            try {
                Set<String> changed = replica.catchUp(connected());
                if (!changed.isEmpty()) {
                    events.changedHere(changed);
                }
                caughtUp.complete(null);
            } catch (StoreException | RuntimeException e) {
                caughtUp.completeExceptionally(e);
                throw e;
            }
        });
        listener.start();
        return caughtUp;
    }

    /**
     * The user's rights when they may read the record but not change it (a kim_viewer): the window is then
     * view-only, and nothing made in the copy is sent.
     */
    public Optional<ServerRights> viewOnly() {
        return rights.mayWrite() ? Optional.empty() : Optional.of(rights);
    }

    /** The local copy the window opens as its store. */
    public IncidentStore store() {
        return replica.store();
    }

    public ServerAddress address() {
        return address;
    }

    /**
     * These incidents were changed in the copy (edited, added, deleted): push them. One whose conflict
     * was left unsettled meets the server again, and its conflict is shown anew.
     */
    public void edited(Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        // Counted as waiting whether or not they may be sent.
        queue(() -> replica.recheck(copy));
        if (refusedAsViewOnly()) {
            return;
        }
        queue(() -> {
            for (String id : copy) {
                awaiting.remove(id);
                push(id);
            }
        });
    }

    /**
     * Many incidents were changed in the copy (an import, a merge), which ones not said: find every
     * pending one by reading the whole copy, and push them.
     */
    public void editedMany() {
        queue(replica::scanPending);
        if (!refusedAsViewOnly()) {
            queue(this::pushPending);
        }
    }

    /**
     * Settles a conflict: {@code kept} (null: deleted) becomes the copy's record, over the server's
     * current version, and is pushed; someone may have written it again meanwhile, which is a new conflict.
     */
    public void resolve(Conflict conflict, Incident kept) {
        if (refusedAsViewOnly()) {
            return;
        }
        queue(() -> {
            replica.rebase(conflict, kept);
            awaiting.remove(conflict.id());
            events.changedHere(Set.of(conflict.id()));
            push(conflict.id());
        });
    }

    /**
     * A view-only session sends nothing: the server would refuse it, and the change would wait for ever.
     * The status then says why; what the copy holds stays there.
     */
    private boolean refusedAsViewOnly() {
        if (rights.mayWrite()) {
            return false;
        }
        queue(() -> problem = rights.viewOnlyWords() + "; changes are not sent to the server");
        return true;
    }

    /** The versions of an incident the server has kept. Blocks: call on a worker thread. */
    public List<HistoryEntry> history(String id) throws StoreException {
        return connected().history(id);
    }

    /** An earlier version of an incident, to restore as a new one. Blocks: call on a worker thread. */
    public Optional<Incident> historical(String id, int version) throws StoreException {
        return connected().historical(id, version);
    }

    /** Completes once everything asked so far is done: for tests and for closing in order. */
    public Future<?> settled() {
        return worker.submit(() -> { });
    }

    private interface Task {
        void run() throws StoreException;
    }

    private void queue(Task task) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                task.run();
            } catch (StoreException e) {
                problem = e.getMessage() + "; changes made here are kept and sent when the server takes them";
                drop();
            } catch (RuntimeException e) {
                problem = "cannot keep the copy in step with the server: " + e;
            }
            report();
        });
    }

    private synchronized PgRecords connected() throws StoreException {
        if (server == null) {
            server = PgRecords.connect(address, env);
        }
        return server;
    }

    /** After a failure the connection may be gone: the next task connects anew. */
    private synchronized void drop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void push(String id) throws StoreException {
        if (awaiting.contains(id)) {
            return; // its conflict is on the user's screen
        }
        Optional<Conflict> conflict = ChangePusher.push(replica, connected(), id);
        // Written here without being said (met as a conflict), or sent: counted as it now is.
        replica.recheck(List.of(id));
        problem = null;
        if (conflict.isEmpty()) {
            return;
        }
        Conflict c = conflict.get();
        if (c.mine() == null && c.theirs() == null) {
            replica.rebase(c, null); // deleted on both sides: nothing to settle
            return;
        }
        awaiting.add(id);
        events.conflict(c);
    }

    private void pushPending() throws StoreException {
        for (String id : replica.pending()) {
            push(id);
        }
    }

    /** Changes others made: read into the copy; a pending change of the same incident is pushed to meet them. */
    private void heard(Map<String, Integer> versions) throws StoreException {
        Set<String> read = new HashSet<>();
        for (Map.Entry<String, Integer> v : versions.entrySet()) {
            String id = v.getKey();
            if (replica.isPending(id)) {
                push(id);
            } else if (!replica.baseVersion(id).equals(Optional.of(v.getValue()))) {
                read.add(id); // not one of our own writes coming back
            }
        }
        Set<String> changed = replica.pull(connected(), read);
        if (!changed.isEmpty()) {
            events.changedHere(changed);
        }
    }

    private void reconnected() throws StoreException {
        problem = null;
        // After a start that failed before the copy was read whole, this reads it first.
        Set<String> changed = replica.catchUp(connected());
        if (!changed.isEmpty()) {
            events.changedHere(changed);
        }
        if (rights.mayWrite()) {
            pushPending();
        }
        listening.complete(null);
    }

    /**
     * Completes once the session listens for others' changes and has read what was written before and
     * pushed what waited here.
     */
    public CompletableFuture<Void> listening() {
        return listening;
    }

    private void report() {
        events.status(new SyncStatus(replica.pending().size(), problem));
    }

    @Override
    public void close() {
        listener.close();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop();
        replica.close();
    }
}
