package kz.incidentmap.edit;

import java.util.Objects;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/** Adds an incident; undo deletes it, redo puts the same record (with its created time) back. */
public final class AddIncident implements EditCommand {

    private Incident record;

    public AddIncident(Incident incident) {
        this.record = Objects.requireNonNull(incident, "incident");
    }

    @Override
    public String label() {
        return "Add '" + record.title() + "'";
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        record = service.add(record);
        return record;
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        service.delete(record.id());
        return null;
    }

    @Override
    public String incidentId() {
        return record.id();
    }
}
