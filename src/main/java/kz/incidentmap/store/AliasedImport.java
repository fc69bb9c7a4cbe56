package kz.incidentmap.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * Turns an imported record whose id is an alias (see {@link DuplicateTables}) into an update of the
 * incident the alias stands for: that incident keeps its own facts and its other sources' claims, and
 * takes the imported record's sources and claims in place of what those sources said before. So a
 * merged duplicate that comes back in a newer ACLED export refreshes ACLED's figures on the kept
 * incident instead of appearing again.
 */
final class AliasedImport {

    private final Map<String, String> targets;
    /** The kept incidents as they stand so far in this import, by id. */
    private final Map<String, Incident> current = new HashMap<>();

    AliasedImport(Map<String, String> targets, List<Incident> keptIncidents) {
        this.targets = targets;
        for (Incident i : keptIncidents) {
            current.put(i.id(), i);
        }
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    /** The record to merge in place of {@code imported}: itself, unless its id is an alias of a stored incident. */
    Incident resolve(Incident imported) {
        String kept = targets.get(imported.id());
        Incident now = kept == null ? null : current.get(kept);
        if (now == null) {
            return imported;
        }
        Incident folded = fold(now, imported);
        current.put(kept, folded);
        return folded;
    }

    List<Incident> resolveAll(List<Incident> incidents) {
        if (isEmpty()) {
            return incidents;
        }
        List<Incident> out = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            out.add(resolve(i));
        }
        return out;
    }

    Iterator<Incident> resolveAll(Iterator<Incident> incidents) {
        if (isEmpty()) {
            return incidents;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return incidents.hasNext();
            }

            @Override
            public Incident next() {
                return resolve(incidents.next());
            }
        };
    }

    /** {@code kept} with the sources and claims of {@code imported} in place of those of the same sources. */
    static Incident fold(Incident kept, Incident imported) {
        Set<String> fresh = new HashSet<>();
        imported.sources().forEach(s -> fresh.add(s.key()));
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Source s : kept.sources()) {
            sources.put(s.key(), s);
        }
        for (Source s : imported.sources()) {
            sources.put(s.key(), s);
        }
        List<Claim> claims = new ArrayList<>();
        for (Claim c : kept.claims()) {
            if (!fresh.contains(c.sourceKey())) {
                claims.add(c);
            }
        }
        claims.addAll(imported.claims());
        return kept.withLinks(List.copyOf(sources.values()), claims);
    }
}
