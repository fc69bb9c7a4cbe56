package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Finds Kazakh cities and oblasts by name, Latin or Cyrillic, any case. {@link #find} knows cities only
 * (what the command line's {@code --city} takes): where several share a name the most populous wins.
 * {@link #lookup} and {@link #suggest} serve the window's search, which knows the oblasts too and must
 * never send a user far from what they most likely meant: oblasts and cities of 100,000 or more come
 * first, and near misses are offered, never jumped to. Immutable; safe to use from any thread.
 */
public final class Gazetteer {

    /** What a place is. */
    public enum Kind {
        CITY, OBLAST
    }

    /** Cities of this size or more rank with the oblasts, before smaller places. */
    static final long LARGE_CITY = 100_000;

    /**
     * A place that can be zoomed to.
     *
     * @param name its name as the data gives it
     * @param altName another name (often Cyrillic), or null
     * @param lon longitude, degrees (an oblast's: the middle of its extent)
     * @param lat latitude, degrees
     * @param population inhabitants, 0 when unknown
     * @param kind a city or an oblast
     * @param oblast the oblast a city lies in (an oblast's own name for an oblast), or null when unknown
     * @param extent an oblast's extent in longitude/latitude, null for a city
     * @param otherNames more names searched as well: an oblast's Russian and Kazakh names, the names of
     *        GeoNames entries merged into a city
     */
    public record Place(String name, String altName, double lon, double lat, long population, Kind kind,
            String oblast, Envelope extent, List<String> otherNames) {

        public Place {
            otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        }

        /** A city of unknown oblast. */
        public Place(String name, String altName, double lon, double lat, long population) {
            this(name, altName, lon, lat, population, Kind.CITY, null, null, List.of());
        }

        /** Map scale at which a zoom to this place shows the town and its surroundings. */
        public double zoomScale() {
            return population >= 500_000 ? 100_000 : 50_000;
        }

        /** "Taraz, Zhambyl · 358,153 people", "Zhambyl · oblast": what a suggestion shows. */
        public String description() {
            if (kind == Kind.OBLAST) {
                return name + " \u00b7 oblast";
            }
            return name + (oblast == null ? "" : ", " + oblast)
                    + (population > 0 ? String.format(java.util.Locale.ROOT, " \u00b7 %,d people", population) : "");
        }

        boolean isNamed(String key) {
            return key.equals(PlaceNames.key(name)) || key.equals(PlaceNames.key(altName))
                    || otherNames.stream().anyMatch(n -> key.equals(PlaceNames.key(n)));
        }

        /** 0 for oblasts and large cities, 1 for towns of 10,000 or more, 2 for the rest. */
        int rank() {
            return kind == Kind.OBLAST || population >= LARGE_CITY ? 0 : population >= 10_000 ? 1 : 2;
        }
    }

    private final List<Place> places;
    private final List<Place> oblasts;

    public Gazetteer(List<Place> places) {
        this(places, List.of());
    }

    public Gazetteer(List<Place> places, List<Place> oblasts) {
        this.places = places.stream().sorted(Comparator.comparingLong(Place::population).reversed()).toList();
        this.oblasts = List.copyOf(oblasts);
    }

    /** The cities, most populous first. */
    public List<Place> places() {
        return places;
    }

    /** The most populous city whose name or other name matches {@code query}. */
    public Optional<Place> find(String query) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return places.stream().filter(p -> p.isNamed(key)).findFirst();
    }

    /** Like {@link #find}, but an unknown name is an {@link UnknownPlaceException} with suggestions. */
    public Place require(String query) throws UnknownPlaceException {
        return find(query).orElseThrow(() -> new UnknownPlaceException(query, suggestions(query)));
    }

    /** Up to three known city names close to {@code query}, nearest first. */
    public List<String> suggestions(String query) {
        return near(query, places).stream().map(Place::name).distinct().limit(3).toList();
    }

    /**
     * Cities and oblasts named exactly {@code query}: large cities and oblasts first, then by
     * population. The first is where a search goes.
     */
    public List<Place> lookup(String query) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Place> all = new ArrayList<>(places);
        all.addAll(oblasts);
        return distinct(all.stream().filter(p -> p.isNamed(key)).sorted(RANK).toList());
    }

    /**
     * Up to {@code limit} cities and oblasts whose names begin like {@code query} or are close to it,
     * for the user to pick from: oblasts and large cities first, then the nearest names. One place is
     * offered once, however many GeoNames entries it has in its oblast.
     */
    public List<Place> suggest(String query, int limit) {
        List<Place> all = new ArrayList<>(oblasts);
        all.addAll(places);
        return distinct(near(query, all)).stream().limit(limit).toList();
    }

    private static final Comparator<Place> RANK = Comparator.comparingInt(Place::rank)
            .thenComparing(Comparator.comparingLong(Place::population).reversed());

    private static List<Place> near(String query, List<Place> among) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return List.of();
        }
        int allowed = Math.max(2, key.length() / 3);
        List<Place> close = new ArrayList<>();
        for (Place p : among) {
            if (distance(key, p) <= allowed) {
                close.add(p);
            }
        }
        close.sort(Comparator.comparingInt(Place::rank).thenComparingInt((Place p) -> distance(key, p))
                .thenComparing(Comparator.comparingLong(Place::population).reversed()));
        return close;
    }

    /** How far the query is from the place's nearest name; a name the query begins counts as near. */
    private static int distance(String key, Place p) {
        int best = Integer.MAX_VALUE;
        List<String> names = new ArrayList<>(p.otherNames());
        names.add(p.name());
        if (p.altName() != null) {
            names.add(p.altName());
        }
        for (String n : names) {
            String k = PlaceNames.key(n);
            best = Math.min(best, k.startsWith(key) && key.length() >= 3 ? 1 : PlaceNames.distance(key, k));
        }
        return best;
    }

    /** The first of each name within one oblast: GeoNames has some places twice, far apart. */
    private static List<Place> distinct(List<Place> ranked) {
        Set<String> seen = new HashSet<>();
        List<Place> out = new ArrayList<>();
        for (Place p : ranked) {
            if (seen.add(p.kind() + "|" + PlaceNames.key(p.name()) + "|" + p.oblast())) {
                out.add(p);
            }
        }
        return out;
    }
}
