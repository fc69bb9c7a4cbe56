package kz.incidentmap.geo;

import java.util.Comparator;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.MyPlace;

/** How far a point is from the user's own places, as the details pane says it: "180 m from where I lived". */
public final class MyPlaceDistances {

    /** More lines than this say little the map does not show. */
    public static final int MOST = 3;

    private MyPlaceDistances() {
    }

    /** One line per place, nearest first, at most {@link #MOST}; none for a point that is not a number. */
    public static List<String> lines(double lon, double lat, List<MyPlace> places) {
        return lines(lon, lat, places, Texts.ENGLISH);
    }

    /** The same in the language of {@code texts}. */
    public static List<String> lines(double lon, double lat, List<MyPlace> places, Texts texts) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return List.of();
        }
        record Away(MyPlace place, double metres) { }
        return places.stream()
                .map(p -> new Away(p, Geodesy.distanceMetres(p.lon(), p.lat(), lon, lat)))
                .sorted(Comparator.comparingDouble(Away::metres))
                .limit(MOST)
                .map(a -> texts.format("myPlaces.away", DistanceText.of(a.metres(), texts), a.place().name()))
                .toList();
    }
}
