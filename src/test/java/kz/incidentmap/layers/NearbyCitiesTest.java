package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void findsForEveryPositionTheCityTheWholeMapFinds() {
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
        for (int i = 0; i < 100_000; i++) {
            double x = frame.getMinX() + random.nextDouble() * frame.getWidth();
            double y = frame.getMinY() + random.nextDouble() * frame.getHeight();
            UncertaintyAreas.City expected = areas.cityAt(x, y);
            assertEquals(expected, near.at(x, y), "at " + x + " " + y);
            if (expected != null) {
                withCity++;
            } else {
                without++;
            }
        }
        // Both answers were asked for many times, and cities near the frame's edges were among them.
        assertTrue(withCity > 10_000 && without > 10_000, withCity + " / " + without);
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
