package kz.incidentmap.edit;

import java.util.Map;
import java.util.Objects;
import kz.incidentmap.dedupe.ExternalIds;
import kz.incidentmap.dedupe.MergedRecord;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Merges a duplicate into the incident kept: the kept one takes every source and claim of the other,
 * the other is deleted, and its id and the data sets' event ids it carried become aliases of the kept
 * one (so a later import of them updates it). Undo puts both records back exactly as they were and
 * removes the aliases; redo merges again.
 */
public final class MergeIncidents implements EditCommand {

    private final Incident keptBefore;
    private final Incident other;
    private IncidentStore.MergedDuplicate done;

    /** A merge of {@code other} into {@code kept}, both as stored now. */
    public MergeIncidents(Incident kept, Incident other) {
        this.keptBefore = Objects.requireNonNull(kept, "kept");
        this.other = Objects.requireNonNull(other, "other");
        if (kept.id().equals(other.id())) {
            throw new IllegalArgumentException("an incident cannot be merged into itself: " + kept.id());
        }
    }

    @Override
    public String label() {
        return "Merge '" + other.title() + "' into '" + keptBefore.title() + "'";
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        Map<String, String> aliases = ExternalIds.of(other);
        done = service.store().mergeDuplicate(MergedRecord.of(keptBefore, other), other.id(), aliases);
        return done.kept();
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        if (done == null) {
            throw new IllegalStateException("undo of a merge that was not done");
        }
        service.store().unmergeDuplicate(keptBefore, other, done);
        return keptBefore;
    }

    @Override
    public String incidentId() {
        return keptBefore.id();
    }

    /** Two records change (one goes or comes back): the map reads them all again. */
    @Override
    public boolean changesMany() {
        return true;
    }

    public Incident kept() {
        return keptBefore;
    }

    public Incident other() {
        return other;
    }
}
