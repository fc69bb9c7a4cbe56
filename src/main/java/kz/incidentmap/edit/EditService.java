package kz.incidentmap.edit;

import java.util.Objects;
import java.util.OptionalLong;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Saves edits to the store: each call is one transaction, and the oblast of a saved record is found
 * from its position. Called on a worker thread, never on the JavaFX thread.
 */
public final class EditService {

    private final IncidentStore store;
    private final OblastLocator oblasts;

    public EditService(IncidentStore store, OblastLocator oblasts) {
        this.store = Objects.requireNonNull(store, "store");
        this.oblasts = Objects.requireNonNull(oblasts, "oblasts");
    }

    public boolean canEdit() {
        return !store.isReadOnly();
    }

    /** The store's row id of the incident with this id, if it is there (the map's index is keyed by it). */
    public OptionalLong rowIdOf(String id) throws StoreException {
        return store.rowIdOf(id);
    }

    /** Adds a new record (or puts a deleted one back, keeping its created time); returns it as stored. */
    public Incident add(Incident incident) throws StoreException {
        return store.add(located(incident));
    }

    /** Saves a changed record; returns it as stored. */
    public Incident update(Incident incident) throws StoreException {
        return store.replace(located(incident));
    }

    public boolean delete(String id) throws StoreException {
        return store.delete(id);
    }

    /** Deletes the incidents with ids in {@code remove} and puts {@code versions} back as they are, in one transaction. */
    public void restore(java.util.Collection<String> remove, java.util.List<Incident> versions) throws StoreException {
        store.restore(remove, versions);
    }

    public IncidentStore store() {
        return store;
    }

    private Incident located(Incident i) {
        return oblasts.oblastOf(i.lon(), i.lat(), i.oblast(), i.date()).map(i::withOblast).orElse(i);
    }
}
