package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Merges GeoNames entries that are one place twice: two points a few kilometres apart whose names
 * differ by a letter or two ("Lugovoy" and "Lugovoye", "Atbasar" twice). The more populous entry is
 * kept, so the map labels the place once and a search finds it once. Places of different names near
 * each other (a town and its station settlement) stay apart.
 */
final class PlaceDuplicates {

    /** Entries closer than this are taken for one place when their names are alike. */
    static final double MAX_KM = 10;
    /** Names within this many letters of each other are alike (after {@link PlaceNames#key}). */
    static final int MAX_LETTERS = 2;

    private PlaceDuplicates() {
    }

    /** A kept entry's property that lists the names of the entries merged into it, separated by ";". */
    static final String MERGED_NAMES = "merged_names";

    /**
     * The cities with each duplicate left out, in the order given; the entry kept lists the names it
     * stands for in {@link #MERGED_NAMES}, so that a search by either name still finds it.
     */
    static List<GeoJsonFeature> merged(List<GeoJsonFeature> cities) {
        List<GeoJsonFeature> byPopulation = new ArrayList<>(cities);
        byPopulation.sort(Comparator.comparingLong(PlaceDuplicates::population).reversed());
        Map<GeoJsonFeature, List<String>> kept = new LinkedHashMap<>();
        for (GeoJsonFeature f : byPopulation) {
            GeoJsonFeature into = null;
            for (GeoJsonFeature k : kept.keySet()) {
                if (same(k, f)) {
                    into = k;
                    break;
                }
            }
            if (into == null) {
                kept.put(f, new ArrayList<>());
            } else {
                kept.get(into).add(f.string("name"));
            }
        }
        List<GeoJsonFeature> out = new ArrayList<>();
        for (GeoJsonFeature f : cities) {
            List<String> names = kept.get(f);
            if (names == null) {
                continue;
            }
            if (names.isEmpty()) {
                out.add(f);
            } else {
                Map<String, Object> p = new LinkedHashMap<>(f.properties());
                p.put(MERGED_NAMES, String.join(";", names));
                out.add(new GeoJsonFeature(f.geometry(), p));
            }
        }
        return out;
    }

    static boolean same(GeoJsonFeature a, GeoJsonFeature b) {
        // The distance first: it rules out nearly every pair, and the names' keys cost far more (every
        // pair's keys took a second at start-up for the 267 shipped cities).
        if (km(a.geometry().getCoordinate(), b.geometry().getCoordinate()) > MAX_KM) {
            return false;
        }
        String ka = PlaceNames.key(a.string("name"));
        return !ka.isEmpty() && PlaceNames.distance(ka, PlaceNames.key(b.string("name"))) <= MAX_LETTERS;
    }

    /** Distance on a sphere of the Earth's mean radius: ample for telling 5 km from 50. */
    static double km(Coordinate a, Coordinate b) {
        double la = Math.toRadians(a.y);
        double lb = Math.toRadians(b.y);
        double h = Math.pow(Math.sin((lb - la) / 2), 2)
                + Math.cos(la) * Math.cos(lb) * Math.pow(Math.sin(Math.toRadians(b.x - a.x) / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static long population(GeoJsonFeature f) {
        return f.properties().get("population") instanceof Number n ? n.longValue() : 0;
    }
}
