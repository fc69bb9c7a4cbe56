package kz.incidentmap.osm;

import java.util.List;
import java.util.Map;

/**
 * Receives the elements of an OpenStreetMap file in file order (nodes, then ways, then relations in a
 * sorted file). The readers stream: nothing is kept between calls. Tag maps are fresh per element.
 */
interface OsmHandler {

    /** True when only relations matter: readers may then skip decoding nodes and ways. */
    default boolean relationsOnly() {
        return false;
    }

    /**
     * Every element the file holds (not those marked deleted or invisible), in file order, before the
     * call with its content, and even when {@link #relationsOnly()} skips its content.
     *
     * @param type 'n', 'w' or 'r'
     */
    default void element(char type, long id) {
    }

    default void node(long id, double lon, double lat, Map<String, String> tags) {
    }

    default void way(long id, long[] refs, Map<String, String> tags) {
    }

    default void relation(long id, List<OsmMember> members, Map<String, String> tags) {
    }
}
