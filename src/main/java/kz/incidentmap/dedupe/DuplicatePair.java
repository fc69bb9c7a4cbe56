package kz.incidentmap.dedupe;

import java.util.List;
import kz.incidentmap.model.Incident;

/**
 * Two incidents that may be one event reported twice.
 *
 * @param first the one dated first (or, on the same date, with the smaller id)
 * @param second the other
 * @param score how sure the finder is, 0..1
 * @param reasons what makes them alike, in words ("same day", "0.4 km apart", "both explosions", "text 72% alike")
 */
public record DuplicatePair(Incident first, Incident second, double score, List<String> reasons) {

    public DuplicatePair {
        reasons = List.copyOf(reasons);
    }

    /** The reasons in one line. */
    public String because() {
        return String.join("; ", reasons);
    }

    /** The key of the pair of ids, whichever order they come in (for remembering pairs). */
    public static String key(String id1, String id2) {
        return id1.compareTo(id2) <= 0 ? id1 + "|" + id2 : id2 + "|" + id1;
    }

    public String key() {
        return key(first.id(), second.id());
    }

    /** Whether the pair is these two incidents, in either order. */
    public boolean isOf(String id1, String id2) {
        return key().equals(key(id1, id2));
    }
}
