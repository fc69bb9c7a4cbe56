package kz.incidentmap.edit;

import java.util.Objects;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/** Replaces a record with a changed version; undo saves the version before the change again. */
public final class UpdateIncident implements EditCommand {

    private final Incident before;
    private final Incident after;

    public UpdateIncident(Incident before, Incident after) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("an update keeps the id: " + before.id() + " vs " + after.id());
        }
    }

    @Override
    public String label() {
        return "Edit '" + after.title() + "'";
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        return service.update(after);
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        return service.update(before);
    }

    @Override
    public String incidentId() {
        return before.id();
    }
}
