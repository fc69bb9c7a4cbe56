package kz.incidentmap.edit;

import java.util.List;
import java.util.Objects;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentAlias;
import kz.incidentmap.store.StoreException;

/**
 * Deletes a record; undo puts it back as it was, created time included, with the aliases that merged
 * duplicates had given it (the deletion takes them with it).
 */
public final class DeleteIncident implements EditCommand {

    private final Incident before;
    private List<IncidentAlias> aliases = List.of();

    public DeleteIncident(Incident before) {
        this.before = Objects.requireNonNull(before, "before");
    }

    @Override
    public String label() {
        return "Delete '" + before.title() + "'";
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        aliases = service.store().aliasesOf(before.id());
        if (!service.delete(before.id())) {
            throw new StoreException("incident " + before.id() + " is no longer in the store");
        }
        return null;
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        Incident back = service.add(before);
        service.store().restoreAliases(aliases);
        return back;
    }

    @Override
    public String incidentId() {
        return before.id();
    }
}
