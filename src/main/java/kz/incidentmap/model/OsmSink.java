package kz.incidentmap.model;

import java.util.function.Consumer;

/**
 * Receives what an OpenStreetMap import makes: street features one by one (as a plain
 * {@code Consumer<StreetFeature>}), then the administrative boundaries and the settlements, which come
 * at the end of the import, once the extract's date is known. A sink that only wants streets ignores
 * the rest.
 */
@FunctionalInterface
public interface OsmSink extends Consumer<StreetFeature> {

    default void boundary(AdminArea area) {
    }

    default void place(OsmPlace place) {
    }
}
