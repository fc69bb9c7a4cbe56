package kz.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Lengths, rings and areas on the WGS 84 ellipsoid against values known independently. */
class GeodesyTest {

    @Test
    void oneDegreeOfLatitudeAt43North() {
        // GeographicLib's geodesic (accurate to nanometres) between 42.5° and 43.5° N on one meridian.
        double reference = Geodesic.WGS84.Inverse(42.5, 77, 43.5, 77).s12;
        assertEquals(111_100, reference, 50, "one degree of latitude there is 111.1 km");
        assertEquals(reference, Geodesy.distanceMetres(77, 42.5, 77, 43.5), 3);
    }

    @Test
    void aRingIsItsDistanceAwayInEveryDirection() {
        Coordinate[] ring = Geodesy.ring(76.95, 43.24, 5000, 36);
        assertEquals(37, ring.length);
        assertEquals(ring[0], ring[36]);
        for (Coordinate c : ring) {
            assertEquals(5000, Geodesic.WGS84.Inverse(43.24, 76.95, c.y, c.x).s12, 0.5);
        }
    }

    @Test
    void aSquareOfOneHundredthOfADegreeOnTheEquator() {
        // On the equator a degree of longitude is a·π/180 = 111,319.49 m and of latitude 110,574.27 m
        // (the meridian's radius of curvature there): the square is 1113.19 m by 1105.74 m.
        List<Coordinate> square = List.of(new Coordinate(0, 0), new Coordinate(0.01, 0), new Coordinate(0.01, 0.01),
                new Coordinate(0, 0.01));
        assertEquals(1113.1949 * 1105.7427, Geodesy.areaSquareMetres(square), 50);
        assertEquals(1113.1949 * 1105.7427, Geodesy.areaSquareMetres(List.of(square.get(3), square.get(2), square.get(1), square.get(0))), 50, "either way round");
        List<Coordinate> round = List.of(square.get(0), square.get(1), square.get(2), square.get(3), square.get(0));
        assertEquals(2 * (1113.1949 + 1105.7427), Geodesy.lengthMetres(round), 0.5);
        assertEquals(0, Geodesy.areaSquareMetres(square.subList(0, 2)));
    }

    @Test
    void distancesAreSaidInMetresThenKilometres() {
        assertEquals("180 m", DistanceText.of(180.2));
        assertEquals("999 m", DistanceText.of(999.4));
        assertEquals("1.0 km", DistanceText.of(999.6));
        assertEquals("2.4 km", DistanceText.of(2430));
        assertEquals("111.1 km", DistanceText.of(111_090));
        assertEquals("950 m²", DistanceText.area(950));
        assertEquals("4.5 ha", DistanceText.area(45_000));
        assertEquals("1.2 km²", DistanceText.area(1_230_906));
        assertEquals("12.5 km²", DistanceText.area(12_500_000));
    }
}
