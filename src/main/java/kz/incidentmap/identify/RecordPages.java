package kz.incidentmap.identify;

import java.io.IOException;
import java.util.List;
import kz.incidentmap.model.Incident;

/**
 * The rest of a cluster's list, page by page: its members ordered by distance from the click (ties by
 * row id), read from the store a page at a time. A click shows the first page at once; the list pages
 * in as the user asks for more. Called off the JavaFX thread.
 */
@FunctionalInterface
public interface RecordPages {

    /**
     * Members a click reads at once: a hit's records are positions 0 to {@value} - 1 of its list (fewer
     * when some of them have been deleted since), and the next page starts here.
     */
    int FIRST_PAGE = 10;

    /**
     * Members {@code from} to {@code from + count - 1} in that order (fewer at the end of the list, and
     * without those deleted since the click).
     */
    List<Incident> page(int from, int count) throws IOException;
}
