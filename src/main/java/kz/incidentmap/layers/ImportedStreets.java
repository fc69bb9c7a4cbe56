package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.StreetLayerQuery;
import org.locationtech.jts.geom.Envelope;

/**
 * The street features imported into a store, as the map reads them: all at once when they are few,
 * box by box when they are many (a whole country). Store failures come out as {@link IOException}s
 * whose message names the file.
 */
public interface ImportedStreets extends AutoCloseable {

    /** None. */
    ImportedStreets NONE = of(List.of());

    long count() throws IOException;

    List<StreetFeature> all() throws IOException;

    /** The features of {@code layer} whose bounds meet the longitude/latitude box. */
    List<StreetFeature> within(StreetLayer layer, Envelope lonLat) throws IOException;

    /**
     * Whether the generalised levels were built at import and stored; when not (features given in
     * memory, a store imported into before levels existed), the map builds them itself.
     */
    default boolean hasLevels() throws IOException {
        return false;
    }

    /** The stored features of a level meeting the longitude/latitude box (all of them for null); none without. */
    default List<LevelFeature> level(MapLevel level, Envelope lonLat) throws IOException {
        return List.of();
    }

    /** Every stored feature of every level. */
    default List<LevelFeature> allLevels() throws IOException {
        List<LevelFeature> out = new ArrayList<>();
        for (MapLevel level : MapLevel.values()) {
            out.addAll(level(level, null));
        }
        return out;
    }

    /** The administrative boundaries imported, oblasts first; none by default. */
    default List<AdminArea> boundaries() throws IOException {
        return List.of();
    }

    /** The settlements imported; none by default. */
    default List<OsmPlace> places() throws IOException {
        return List.of();
    }

    /** Lets go of the store; the map calls it once it has read everything into memory. */
    @Override
    default void close() {
    }

    /** Features already in memory. */
    static ImportedStreets of(List<StreetFeature> features) {
        return of(features, List.of(), List.of());
    }

    /** Features, boundaries and settlements already in memory. */
    static ImportedStreets of(List<StreetFeature> features, List<AdminArea> boundaries, List<OsmPlace> places) {
        List<StreetFeature> copy = List.copyOf(features);
        List<AdminArea> areas = List.copyOf(boundaries);
        List<OsmPlace> settlements = List.copyOf(places);
        return new ImportedStreets() {
            @Override
            public List<AdminArea> boundaries() {
                return areas;
            }

            @Override
            public List<OsmPlace> places() {
                return settlements;
            }

            @Override
            public long count() {
                return copy.size();
            }

            @Override
            public List<StreetFeature> all() {
                return copy;
            }

            @Override
            public List<StreetFeature> within(StreetLayer layer, Envelope lonLat) {
                return copy.stream().filter(f -> f.layer() == layer
                        && lonLat.intersects(f.geometry().getEnvelopeInternal())).toList();
            }
        };
    }

    /**
     * The streets of the store {@code dbFile}, read through one read-only connection that stays open as
     * long as the map may ask (the life of the map when they are many).
     */
    static ImportedStreets inStore(Path dbFile) throws IOException {
        StreetLayerQuery query;
        try {
            query = StreetLayerQuery.open(dbFile);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ImportedStreets() {
            @Override
            public long count() throws IOException {
                try {
                    return query.count();
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public List<StreetFeature> all() throws IOException {
                try {
                    return query.all();
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                query.close();
            }

            @Override
            public List<AdminArea> boundaries() throws IOException {
                try {
                    return query.boundaries();
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public List<OsmPlace> places() throws IOException {
                try {
                    return query.places();
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public boolean hasLevels() throws IOException {
                try {
                    return query.hasLevels();
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public List<LevelFeature> level(MapLevel level, Envelope lonLat) throws IOException {
                try {
                    return query.level(level, lonLat);
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public List<StreetFeature> within(StreetLayer layer, Envelope lonLat) throws IOException {
                try {
                    return query.within(layer, lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY());
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
    }
}
