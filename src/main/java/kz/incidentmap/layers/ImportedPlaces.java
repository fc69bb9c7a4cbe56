package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import kz.incidentmap.model.OsmPlace;

/**
 * The settlements of an OpenStreetMap extract beside the shipped cities. One that is a shipped city (a
 * shared name, any of its names against any of the city's, within {@value #SAME_PLACE_KM} km) is merged
 * into it: the city keeps its label and its GeoNames population, and is found by the extract's names
 * too (name, name:ru, name:kk; old_name as another name). The others are new places of their own.
 */
final class ImportedPlaces {

    /** How far apart an imported place and a shipped city of the same name may lie and be one place. */
    static final double SAME_PLACE_KM = 5;

    private ImportedPlaces() {
    }

    /** The imported places that are no shipped city: those the map draws itself. */
    static List<OsmPlace> notShipped(List<OsmPlace> imported, List<Gazetteer.Place> shipped) {
        return imported.stream().filter(p -> shipped.stream().noneMatch(c -> samePlace(p, c))).toList();
    }

    /**
     * The shipped places with the imported ones merged in or added.
     *
     * @param oblastOf the oblast's name for a new place's longitude and latitude, or null
     */
    static List<Gazetteer.Place> merged(List<Gazetteer.Place> shipped, List<OsmPlace> imported,
            BiFunction<Double, Double, String> oblastOf) {
        List<Gazetteer.Place> out = new ArrayList<>(shipped);
        for (OsmPlace p : imported) {
            int at = -1;
            for (int i = 0; i < shipped.size() && at < 0; i++) {
                if (samePlace(p, shipped.get(i))) {
                    at = i;
                }
            }
            if (at >= 0) {
                out.set(at, withNames(out.get(at), p));
            } else {
                double lon = p.point().getX();
                double lat = p.point().getY();
                List<String> own = new ArrayList<>();
                if (p.nameKk() != null) {
                    own.add(p.nameKk());
                }
                out.add(new Gazetteer.Place(p.name(), p.nameRu(), lon, lat, p.population(), Gazetteer.Kind.CITY,
                        oblastOf.apply(lon, lat), null, own, oldNames(p), List.of()));
            }
        }
        return out;
    }

    private static Gazetteer.Place withNames(Gazetteer.Place c, OsmPlace p) {
        List<String> other = new ArrayList<>(c.otherNames());
        for (String n : new String[] {p.name(), p.nameRu(), p.nameKk()}) {
            if (n != null && !c.isNamed(PlaceNames.key(n)) && !other.contains(n)) {
                other.add(n);
            }
        }
        List<String> alternate = new ArrayList<>(c.alternateNames());
        for (String n : oldNames(p)) {
            if (!alternate.contains(n) && !c.isNamed(PlaceNames.key(n))) {
                alternate.add(n);
            }
        }
        return new Gazetteer.Place(c.name(), c.altName(), c.lon(), c.lat(), c.population(), c.kind(), c.oblast(),
                c.extent(), other, alternate, c.formerNames());
    }

    /** The {@code old_name} tag's names; OpenStreetMap separates several with ";". */
    static List<String> oldNames(OsmPlace p) {
        if (p.oldName() == null) {
            return List.of();
        }
        return List.of(p.oldName().split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code p} is the shipped city {@code c}: near it and sharing one of its names. */
    static boolean samePlace(OsmPlace p, Gazetteer.Place c) {
        if (c.kind() != Gazetteer.Kind.CITY || kilometres(p.point().getX(), p.point().getY(), c.lon(), c.lat())
                > SAME_PLACE_KM) {
            return false;
        }
        for (String n : new String[] {p.name(), p.nameRu(), p.nameKk()}) {
            if (n != null && (c.isNamed(PlaceNames.key(n)) || c.byOtherName(PlaceNames.key(n)) != null)) {
                return true;
            }
        }
        return false;
    }

    private static double kilometres(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return 6371 * Math.hypot(x, y);
    }
}
