package kz.incidentmap.redact;

import java.util.List;
import java.util.Optional;
import kz.incidentmap.geo.Geodesy;
import kz.incidentmap.layers.Gazetteer;

/**
 * The city an incident is snapped to by the {@code city} profile: the place its record names, when the
 * gazetteer knows that name, else the nearest town of {@link #TOWN} inhabitants or more (a village's own
 * point would say almost where it happened).
 */
public final class CityPoints {

    /** The smallest population of a town a position may be snapped to by distance. */
    public static final long TOWN = 10_000;

    private final Gazetteer gazetteer;
    private final List<Gazetteer.Place> towns;

    public CityPoints(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.towns = gazetteer.places().stream().filter(p -> p.population() >= TOWN).toList();
    }

    /** The city for a record at {@code lon}, {@code lat} whose place reads {@code place} (may be null). */
    public Gazetteer.Place cityOf(String place, double lon, double lat) {
        Optional<Gazetteer.Place> named = place == null ? Optional.empty() : gazetteer.find(cityPart(place));
        if (named.isPresent() && named.get().kind() == Gazetteer.Kind.CITY) {
            return named.get();
        }
        Gazetteer.Place best = null;
        double bestMetres = Double.MAX_VALUE;
        for (Gazetteer.Place p : towns.isEmpty() ? gazetteer.places() : towns) {
            double m = Geodesy.distanceMetres(lon, lat, p.lon(), p.lat());
            if (m < bestMetres) {
                best = p;
                bestMetres = m;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the gazetteer has no cities to snap positions to");
        }
        return best;
    }

    /** The points a {@code city} profile may leave a record at: every town's, and every named city's. */
    public List<Gazetteer.Place> all() {
        return gazetteer.places();
    }

    /** "Taraz" of "Taraz, Kazybek Bi street": the part of a place before its first comma. */
    static String cityPart(String place) {
        int comma = place.indexOf(',');
        return (comma < 0 ? place : place.substring(0, comma)).strip();
    }
}
