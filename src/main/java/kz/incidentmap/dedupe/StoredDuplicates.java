package kz.incidentmap.dedupe;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/** The duplicates in a store: every incident compared by {@link DuplicateFinder}, less the pairs said not to be. */
public final class StoredDuplicates {

    private StoredDuplicates() {
    }

    /** The pairs of the store's incidents that meet {@code rules}, best first. */
    public static List<DuplicatePair> find(IncidentStore store, DuplicateRules rules) throws StoreException {
        return new DuplicateFinder(rules).find(store.all(), notDuplicates(store));
    }

    /** The pairs with one incident of {@code fresh} (ids) and one not, best first: what an import brought. */
    public static List<DuplicatePair> involving(IncidentStore store, DuplicateRules rules, Collection<String> fresh)
            throws StoreException {
        Set<String> ids = new HashSet<>(fresh);
        return new DuplicateFinder(rules).find(store.all(), notDuplicates(store),
                (a, b) -> ids.contains(a.id()) != ids.contains(b.id()));
    }

    /** The pairs said not to be duplicates, as {@link DuplicatePair#key}s. */
    public static Set<String> notDuplicates(IncidentStore store) throws StoreException {
        Set<String> keys = new HashSet<>();
        for (List<String> pair : store.notDuplicates()) {
            keys.add(DuplicatePair.key(pair.get(0), pair.get(1)));
        }
        return keys;
    }

    /** The ids of the store's incidents (to tell, after an import, which are new). */
    public static Set<String> ids(IncidentStore store) throws StoreException {
        Set<String> ids = new HashSet<>();
        for (Incident i : store.all()) {
            ids.add(i.id());
        }
        return ids;
    }
}
