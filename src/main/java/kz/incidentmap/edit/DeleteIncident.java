package kz.incidentmap.edit;

import java.util.Objects;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/** Deletes a record; undo puts it back as it was, created time included. */
public final class DeleteIncident implements EditCommand {

    private final Incident before;

    public DeleteIncident(Incident before) {
        this.before = Objects.requireNonNull(before, "before");
    }

    @Override
    public String label() {
        return "Delete '" + before.title() + "'";
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        if (!service.delete(before.id())) {
            throw new StoreException("incident " + before.id() + " is no longer in the store");
        }
        return null;
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        return service.add(before);
    }

    @Override
    public String incidentId() {
        return before.id();
    }
}
