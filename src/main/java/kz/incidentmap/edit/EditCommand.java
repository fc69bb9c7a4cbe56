package kz.incidentmap.edit;

import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/**
 * One change to the record that can be undone and redone within a session. Each step is saved at once
 * through the {@link EditService}. Implementations: {@link AddIncident}, {@link UpdateIncident},
 * {@link DeleteIncident}, {@link MergeIncidents}.
 */
public interface EditCommand {

    /** What the change does, for menus and the status bar ("Add 'Blast at the market'"). */
    String label();

    /** Does (or redoes) the change; returns the record as it now is, or null when it was removed. */
    Incident apply(EditService service) throws StoreException;

    /** Takes the change back; returns the record as it now is, or null when it was removed. */
    Incident undo(EditService service) throws StoreException;

    /** The id of the incident the change concerns, or null for a change of many (an import). */
    String incidentId();

    /** Whether the change concerns many incidents at once (an import), so the map reads them all again. */
    default boolean changesMany() {
        return false;
    }
}
