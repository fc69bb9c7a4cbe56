package kz.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;
import java.time.Instant;
import java.util.List;
import kz.incidentmap.model.MyPlace;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.junit.jupiter.api.Test;

/** What the details pane says of the user's places: nearest first, at most three, metres then km. */
class MyPlaceDistancesTest {

    private static final double LON = 76.9457;
    private static final double LAT = 43.2383;

    /** The point {@code metres} from (LON, LAT) towards {@code azimuth}. */
    private static MyPlace at(String name, double azimuth, double metres) {
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        calc.setStartingGeographicPoint(LON, LAT);
        calc.setDirection(azimuth, metres);
        Point2D p = calc.getDestinationGeographicPoint();
        return new MyPlace(name, p.getX(), p.getY(), List.of(), Instant.EPOCH);
    }

    @Test
    void nearestFirstAtMostThree() {
        List<MyPlace> places = List.of(at("the office", 90, 2_430), at("where I lived", 10, 180),
                at("the dacha", 200, 41_000), at("my friend's flat over the market", 300, 950));
        assertEquals(List.of("180 m from where I lived", "950 m from my friend's flat over the market",
                "2.4 km from the office"), MyPlaceDistances.lines(LON, LAT, places));
    }

    @Test
    void nothingWithoutPlacesOrAPosition() {
        assertEquals(List.of(), MyPlaceDistances.lines(LON, LAT, List.of()));
        assertEquals(List.of(), MyPlaceDistances.lines(Double.NaN, LAT, List.of(at("home", 0, 10))));
        assertEquals(List.of("0 m from home"), MyPlaceDistances.lines(LON, LAT, List.of(at("home", 0, 0))));
    }
}
