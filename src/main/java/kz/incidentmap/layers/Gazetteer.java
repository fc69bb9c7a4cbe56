package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds Kazakh cities by name for "zoom to city": Latin or Cyrillic, any case. Where several places
 * share a name the most populous wins. Immutable; safe to use from any thread.
 */
public final class Gazetteer {

    /**
     * A place that can be zoomed to.
     *
     * @param name its name as the data gives it
     * @param altName another name (often Cyrillic), or null
     * @param lon longitude, degrees
     * @param lat latitude, degrees
     * @param population inhabitants, 0 when unknown
     */
    public record Place(String name, String altName, double lon, double lat, long population) {

        /** Map scale at which a zoom to this place shows the town and its surroundings. */
        public double zoomScale() {
            return population >= 500_000 ? 100_000 : 50_000;
        }
    }

    private final List<Place> places;

    public Gazetteer(List<Place> places) {
        this.places = places.stream().sorted(Comparator.comparingLong(Place::population).reversed()).toList();
    }

    public List<Place> places() {
        return places;
    }

    /** The most populous place whose name or other name matches {@code query}. */
    public Optional<Place> find(String query) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return places.stream().filter(p -> key.equals(PlaceNames.key(p.name())) || key.equals(PlaceNames.key(p.altName())))
                .findFirst();
    }

    /** Like {@link #find}, but an unknown name is an {@link UnknownPlaceException} with suggestions. */
    public Place require(String query) throws UnknownPlaceException {
        return find(query).orElseThrow(() -> new UnknownPlaceException(query, suggestions(query)));
    }

    /** Up to three known names close to {@code query}, nearest first. */
    public List<String> suggestions(String query) {
        String key = PlaceNames.key(query);
        List<Place> close = new ArrayList<>();
        for (Place p : places) {
            if (PlaceNames.distance(key, PlaceNames.key(p.name())) <= Math.max(2, key.length() / 3)) {
                close.add(p);
            }
        }
        close.sort(Comparator.comparingInt((Place p) -> PlaceNames.distance(key, PlaceNames.key(p.name())))
                .thenComparing(Comparator.comparingLong(Place::population).reversed()));
        return close.stream().map(Place::name).distinct().limit(3).toList();
    }
}
