package kz.incidentmap.dedupe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * The record that remains when one incident is merged into another: the kept incident's own facts, with
 * every source of both and every claim of both, so that the claims ledger shows what each source said
 * ("6–7 killed" from three sources). A claim the kept record already has word for word is not doubled.
 */
public final class MergedRecord {

    private MergedRecord() {
    }

    public static Incident of(Incident kept, Incident other) {
        if (kept.id().equals(other.id())) {
            throw new IllegalArgumentException("an incident cannot be merged into itself: " + kept.id());
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Source s : kept.sources()) {
            sources.put(s.key(), s);
        }
        for (Source s : other.sources()) {
            sources.putIfAbsent(s.key(), s);
        }
        List<Claim> claims = new ArrayList<>(kept.claims());
        for (Claim c : other.claims()) {
            if (!claims.contains(c)) {
                claims.add(c);
            }
        }
        return kept.withLinks(List.copyOf(sources.values()), claims);
    }
}
