package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.incidentmap.model.OsmPlace;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Finds Kazakh cities and oblasts by name, Latin or Cyrillic, any case, by the name the map shows or by
 * another name: GeoNames' alternate names and the former names of official renamings, each found
 * {@link Match} saying which name it matched. {@link #find} knows cities only
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
     * @param alternateNames GeoNames' alternate names of a city in Latin and Cyrillic: found too, but after
     *        every place that bears the name itself
     * @param formerNames the names a city had before, found like alternate names
     */
    public record Place(String name, String altName, double lon, double lat, long population, Kind kind,
            String oblast, Envelope extent, List<String> otherNames, List<String> alternateNames,
            List<FormerName> formerNames) {

        public Place {
            otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
            alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
            formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
        }

        /** A place known by its own names only. */
        public Place(String name, String altName, double lon, double lat, long population, Kind kind,
                String oblast, Envelope extent, List<String> otherNames) {
            this(name, altName, lon, lat, population, kind, oblast, extent, otherNames, List.of(), List.of());
        }

        /** A city of unknown oblast. */
        public Place(String name, String altName, double lon, double lat, long population) {
            this(name, altName, lon, lat, population, Kind.CITY, null, null, List.of());
        }

        /** Map scale at which a zoom to this place shows the town and its surroundings. */
        public double zoomScale() {
            return population >= 500_000 ? 100_000 : 50_000;
        }

        /**
         * "Taraz, Zhambyl Region · 358,153 people", "Zhambyl Region": what a suggestion shows (an oblast's
         * name says what it is: a region or a city of the republic's rank).
         */
        public String description() {
            if (kind == Kind.OBLAST) {
                return name;
            }
            return name + (oblast == null ? "" : ", " + oblast)
                    + (population > 0 ? String.format(java.util.Locale.ROOT, " \u00b7 %,d people", population) : "");
        }

        /**
         * "Taraz · city in Zhambyl Region · 358,153 people", "Zhambyl Region": a candidate where a name means
         * more than one place.
         */
        public String candidate() {
            if (kind == Kind.OBLAST) {
                return description();
            }
            return name + " \u00b7 city" + (oblast == null ? "" : " in " + oblast)
                    + (population > 0 ? String.format(java.util.Locale.ROOT, " \u00b7 %,d people", population) : "");
        }

        /** How {@code key} names this place through an alternate or a former name, or null. */
        Match byOtherName(String key) {
            for (FormerName f : formerNames) {
                if (key.equals(PlaceNames.key(f.name()))) {
                    return new Match(this, f.name(), f.of(name), f);
                }
            }
            for (String a : alternateNames) {
                if (key.equals(PlaceNames.key(a))) {
                    return new Match(this, a, "another name of " + name);
                }
            }
            return null;
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

    /**
     * A place found by a name, and how.
     *
     * @param place the place
     * @param matched the name that matched, as the data writes it
     * @param note how it names the place ("the name of Astana from 2019-03-23 to 2022-09-17", "a former
     *        name of Almaty (1921–1993)", "another name of Ust-Kamenogorsk"), or null for the place's own
     *        name
     * @param former the former name matched, with its time, for saying it in another language; null when
     *        the name matched is no former name
     */
    public record Match(Place place, String matched, String note, FormerName former) {

        /** A match by the place's own name, or by a name that is not a former one. */
        public Match(Place place, String matched, String note) {
            this(place, matched, note, null);
        }

        /** "Nur-Sultan — the name of Astana from 2019-03-23 to 2022-09-17", or the place's name. */
        public String says() {
            return note == null ? place.name() : matched + " \u2014 " + note;
        }

        /** What a list of candidates shows: the place, and the name that matched when not its own. */
        public String label() {
            return place.candidate() + (note == null ? "" : " \u2014 " + says());
        }
    }

    private final List<Place> places;
    /** The places as the shipped files give them, before any imported ones were merged in. */
    private final List<Place> shipped;
    private final List<Place> oblasts;
    private final List<PreparedGeometry> outlines;

    public Gazetteer(List<Place> places) {
        this(places, List.of());
    }

    public Gazetteer(List<Place> places, List<Place> oblasts) {
        this(places, oblasts, List.of());
    }

    /**
     * @param outlines the oblasts' outlines in longitude/latitude, in the order of {@code oblasts}, for
     *        naming the oblast of a point ({@link #whereabouts}); empty when not known
     */
    public Gazetteer(List<Place> places, List<Place> oblasts, List<Geometry> outlines) {
        this.places = places.stream().sorted(Comparator.comparingLong(Place::population).reversed()).toList();
        this.shipped = this.places;
        this.oblasts = List.copyOf(oblasts);
        this.outlines = outlines.stream().map(PreparedGeometryFactory::prepare).toList();
    }

    private Gazetteer(List<Place> places, List<Place> shipped, List<Place> oblasts, List<PreparedGeometry> outlines) {
        this.places = places.stream().sorted(Comparator.comparingLong(Place::population).reversed()).toList();
        this.shipped = shipped;
        this.oblasts = oblasts;
        this.outlines = outlines;
    }

    /**
     * This gazetteer's shipped places with the settlements of an OpenStreetMap import (see
     * {@link ImportedPlaces}); those of an earlier call are replaced, not added to.
     */
    public Gazetteer withImported(List<OsmPlace> imported) {
        if (imported.isEmpty() && places == shipped) {
            return this;
        }
        List<Place> merged = ImportedPlaces.merged(shipped, imported,
                (lon, lat) -> oblastAt(lon, lat).map(Place::name).orElse(null));
        return new Gazetteer(merged, shipped, oblasts, outlines);
    }

    /** The cities, most populous first. */
    public List<Place> places() {
        return places;
    }

    /**
     * The most populous city whose own name matches {@code query}; failing that, the most populous city
     * one of whose alternate or former names does.
     */
    public Optional<Place> find(String query) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Place> own = places.stream().filter(p -> p.isNamed(key)).findFirst();
        return own.isPresent() ? own : places.stream().filter(p -> p.byOtherName(key) != null).findFirst();
    }

    /**
     * Like {@link #find}, but an unknown name is an {@link UnknownPlaceException} with suggestions, and a
     * name that no city bears itself but that is an oblast's as well as another name of a city (Zhambyl,
     * the oblast, and a former name of Taraz) is an {@link AmbiguousPlaceException} listing them.
     */
    public Place require(String query) throws UnknownPlaceException, AmbiguousPlaceException {
        String key = PlaceNames.key(query);
        if (!key.isEmpty() && places.stream().noneMatch(p -> p.isNamed(key))) {
            List<Match> all = matches(query);
            boolean oblast = all.stream().anyMatch(m -> m.place().kind() == Kind.OBLAST);
            boolean city = all.stream().anyMatch(m -> m.place().kind() == Kind.CITY);
            if (oblast && city) {
                throw new AmbiguousPlaceException(query, all.stream().map(Match::label).toList());
            }
        }
        return find(query).orElseThrow(() -> new UnknownPlaceException(query, suggestions(query)));
    }

    /**
     * The cities and oblasts {@code query} names, each with the name it matched: first the places that
     * bear it themselves (large cities and oblasts first, then by population), then those it is an
     * alternate or former name of, ranked the same way. The first is where a search goes.
     */
    public List<Match> matches(String query) {
        String key = PlaceNames.key(query);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Place> all = new ArrayList<>(places);
        all.addAll(oblasts);
        List<Place> own = distinct(all.stream().filter(p -> p.isNamed(key)).sorted(RANK).toList());
        List<Match> out = new ArrayList<>();
        for (Place p : own) {
            out.add(new Match(p, p.name(), null));
        }
        Set<Place> seen = new HashSet<>(own);
        List<Match> other = all.stream().filter(p -> !seen.contains(p)).map(p -> p.byOtherName(key))
                .filter(m -> m != null).sorted(Comparator.comparing(Match::place, RANK)).toList();
        Set<String> kept = new HashSet<>();
        for (Match m : other) {
            if (kept.add(m.place().kind() + "|" + PlaceNames.key(m.place().name()) + "|" + m.place().oblast())) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * A name for the area around a point, as a page title gives it: "Taraz \u2014 centre" within a few
     * kilometres of a city's point (4 km for a city of 100,000 or more, 2 km for a town of 10,000, 1 km
     * for a smaller place), else "near Taraz" for the nearest town of 10,000 or more within 15 km or
     * place within 5 km; empty when no place is that near.
     */
    public Optional<String> whereabouts(double lon, double lat) {
        Place centre = null;
        Place near = null;
        double nearKm = Double.MAX_VALUE;
        for (Place p : places) {
            double km = kilometres(lon, lat, p.lon(), p.lat());
            double core = p.population() >= LARGE_CITY ? 4 : p.population() >= 10_000 ? 2 : 1;
            if (km <= core && centre == null) {
                centre = p; // most populous first: a city's centre before a suburb's point
            }
            if (km <= (p.population() >= 10_000 ? 15 : 5) && km < nearKm) {
                near = p;
                nearKm = km;
            }
        }
        if (centre != null) {
            return Optional.of(centre.name() + " \u2014 centre");
        }
        return near == null ? Optional.empty() : Optional.of("near " + near.name());
    }

    /** The oblast a point lies in, when the gazetteer knows the oblasts' outlines. */
    public Optional<Place> oblastAt(double lon, double lat) {
        org.locationtech.jts.geom.Point pt = new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
        for (int i = 0; i < outlines.size() && i < oblasts.size(); i++) {
            if (outlines.get(i).covers(pt)) {
                return Optional.of(oblasts.get(i));
            }
        }
        return Optional.empty();
    }

    /** Distance on the sphere, near enough for a few kilometres. */
    private static double kilometres(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return 6371 * Math.hypot(x, y);
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
        return matches(query).stream().map(Match::place).toList();
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

    /**
     * How far the query is from the place's nearest name; a name the query begins counts as near. An
     * alternate or former name counts one letter further than the same name borne by a place now, so that
     * "Akmola" offers Aqmola oblast before Astana.
     */
    private static int distance(String key, Place p) {
        List<String> names = new ArrayList<>(p.otherNames());
        names.add(p.name());
        if (p.altName() != null) {
            names.add(p.altName());
        }
        List<String> others = new ArrayList<>(p.alternateNames());
        p.formerNames().forEach(f -> others.add(f.name()));
        return Math.min(nearest(key, names), nearest(key, others) + 1);
    }

    private static int nearest(String key, List<String> names) {
        int best = Integer.MAX_VALUE - 1;
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
