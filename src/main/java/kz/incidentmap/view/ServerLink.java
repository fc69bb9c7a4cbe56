package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.sync.Conflict;
import kz.incidentmap.sync.SyncEvents;
import kz.incidentmap.sync.SyncSession;
import kz.incidentmap.sync.SyncStatus;

/**
 * A window's end of its link to a server: hands what the {@link SyncSession} tells on to the JavaFX
 * thread, and keeps what it told before the window was ready (the session starts while the map loads).
 */
final class ServerLink implements SyncEvents {

    /** What the window does with what the session tells; called on the JavaFX thread. */
    interface Window {
        void changed(Set<String> ids);

        void conflict(Conflict conflict);

        void status(SyncStatus status);
    }

    private final ServerAddress address;
    private final List<Runnable> early = new ArrayList<>();
    private Window window;
    private volatile SyncSession session;

    ServerLink(ServerAddress address) {
        this.address = address;
    }

    ServerAddress address() {
        return address;
    }

    void use(SyncSession opened) {
        this.session = opened;
    }

    SyncSession session() {
        return session;
    }

    /** From now on, what the session tells goes to {@code to}; what it told before goes there first. */
    synchronized void attach(Window to) {
        window = to;
        early.forEach(Platform::runLater);
        early.clear();
    }

    @Override
    public void changedHere(Set<String> ids) {
        deliver(() -> window.changed(ids));
    }

    @Override
    public void conflict(Conflict conflict) {
        deliver(() -> window.conflict(conflict));
    }

    @Override
    public void status(SyncStatus status) {
        deliver(() -> window.status(status));
    }

    private synchronized void deliver(Runnable r) {
        if (window == null) {
            early.add(r);
        } else {
            Platform.runLater(r);
        }
    }

    /** Ends the session: the pushes asked for are finished first, then the local copy is closed. */
    void close() {
        SyncSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
