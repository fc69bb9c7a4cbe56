package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class NearbyCitiesTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void findsForEveryPositionTheNearestCityWithinReach() {
        Random random = new Random(11);
        List<Coordinate> points = new ArrayList<>();
        List<Long> populations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            points.add(new Coordinate(random.nextDouble() * 1_000_000, random.nextDouble() * 600_000));
            populations.add((long) random.nextInt(2_000_000));
        }
        UncertaintyAreas areas = UncertaintyAreas.of(points, populations, List.of());
        Envelope frame = new Envelope(250_000, 730_000, 90_000, 360_000);
        NearbyCities near = areas.citiesNear(frame);
        int withCity = 0;
        int without = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = frame.getMinX() + random.nextDouble() * frame.getWidth();
            double y = frame.getMinY() + random.nextDouble() * frame.getHeight();
            // Every city looked at, one by one.
            Coordinate nearest = null;
            for (Coordinate c : points) {
                double d = c.distance(new Coordinate(x, y));
                if (d <= UncertaintyAreas.CITY_REACH_METRES && (nearest == null || d < nearest.distance(new Coordinate(x, y)))) {
                    nearest = c;
                }
            }
            UncertaintyAreas.City found = near.at(x, y);
            if (nearest == null) {
                assertNull(found, "at " + x + " " + y);
                without++;
            } else {
                assertNotNull(found, "at " + x + " " + y);
                assertEquals(nearest.x, found.x(), 0, "at " + x + " " + y);
                assertEquals(nearest.y, found.y(), 0);
                assertSame(found, areas.citiesNear(new Envelope(x, x, y, y)).at(x, y), "one instance for a city, asked either way");
                withCity++;
            }
        }
        // Both answers were given many times.
        assertTrue(withCity > 2_000 && without > 2_000, withCity + " / " + without);
    }

    @Test
    void aCityJustOutsideTheFrameIsStillTheNearestOfAPositionAtItsEdge() {
        UncertaintyAreas areas = UncertaintyAreas.of(List.of(new Coordinate(-15_000, 50_000)), List.of(100_000L), List.of());
        NearbyCities near = areas.citiesNear(new Envelope(0, 100_000, 0, 100_000));
        assertNotNull(near.at(1_000, 50_000));
        assertNull(near.at(6_000, 50_000), "21 km away: out of reach");
    }

    @Test
    void countsTheOblastsThatReachIntoAnArea() {
        Geometry west = GF.toGeometry(new Envelope(0, 100, 0, 100));
        Geometry east = GF.toGeometry(new Envelope(100, 200, 0, 100));
        UncertaintyAreas areas = UncertaintyAreas.of(List.of(), List.of(), List.of(west, east));
        assertEquals(1, areas.oblastsTouching(new Envelope(10, 20, 10, 20)));
        assertEquals(2, areas.oblastsTouching(new Envelope(90, 110, 10, 20)));
        assertEquals(0, areas.oblastsTouching(new Envelope(300, 310, 10, 20)));
    }
}
