package kz.incidentmap.sync;

import java.util.Set;

/**
 * What a {@link SyncSession} tells its window, always from its own threads (never the JavaFX thread):
 * a window hands each call on to its own thread.
 */
public interface SyncEvents {

    /** Incidents of the local copy were changed by others' writes on the server: show them anew. */
    void changedHere(Set<String> ids);

    /** A change made here met someone else's; the user settles it ({@link SyncSession#resolve}). */
    void conflict(Conflict conflict);

    /** The state of the link in words for the status bar: changes not yet on the server, a lost connection. */
    void status(SyncStatus status);
}
