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

    private final String keptId;
    private final String otherId;
    private final String label;
    /** The two as they were stored when the merge was (last) done: what undo puts back. */
    private Incident keptBefore;
    private Incident other;
    private IncidentStore.MergedDuplicate done;

    /**
     * A merge of {@code other} into {@code kept}. They are read from the store again when the merge is
     * done, so that a version shown a while ago (in a list of pairs) never overwrites a newer one.
     */
    public MergeIncidents(Incident kept, Incident other) {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(other, "other");
        if (kept.id().equals(other.id())) {
            throw new IllegalArgumentException("an incident cannot be merged into itself: " + kept.id());
        }
        this.keptId = kept.id();
        this.otherId = other.id();
        this.label = "Merge '" + other.title() + "' into '" + kept.title() + "'";
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        Incident kept = stored(service, keptId);
        Incident merged = stored(service, otherId);
        Map<String, String> aliases = ExternalIds.of(merged);
        done = service.store().mergeDuplicate(MergedRecord.of(kept, merged), otherId, aliases);
        keptBefore = kept;
        other = merged;
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

    private static Incident stored(EditService service, String id) throws StoreException {
        return service.store().byId(id).orElseThrow(() -> new StoreException("incident " + id
                + " is no longer in the store; nothing was merged"));
    }

    @Override
    public String incidentId() {
        return keptId;
    }

    /** Two records change (one goes or comes back): the map reads them all again. */
    @Override
    public boolean changesMany() {
        return true;
    }

    /** The id of the incident merged away. */
    public String otherId() {
        return otherId;
    }
}
