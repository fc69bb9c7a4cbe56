package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.model.RoadTags;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * One-way arrows: drawn along a one-way street in its direction at street scale, not on a two-way one,
 * not on a street too short to hold one, and not from about 1:10,000 out. Arrows are the only ink that
 * differs between a frame of the streets drawn one-way and the same streets drawn two-way.
 */
class OnewayArrowsTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final MapProjection PROJECTION = MapProjection.kazakhstan();
    /** Far from the schematic Taraz centre, which the streets would otherwise share the frame with. */
    private static final double LON = 70.0;
    private static final double LAT = 44.0;
    private static final int W = 800;
    private static final int H = 400;

    /** An east–west residential street {@code metres} long through (LON, LAT + dLat), drawn west to east or back. */
    private static StreetFeature street(String id, double dLat, double metres, boolean eastward, boolean oneway) {
        return street(id, dLat, metres, eastward, oneway ? 1 : 0);
    }

    /** The same with the {@code oneway} direction of {@link RoadTags}: 1, -1 or 0. */
    private static StreetFeature street(String id, double dLat, double metres, boolean eastward, int oneway) {
        double half = metres / 2 / (111_320 * Math.cos(Math.toRadians(LAT)));
        Coordinate west = new Coordinate(LON - half, LAT + dLat);
        Coordinate east = new Coordinate(LON + half, LAT + dLat);
        LineString line = GF.createLineString(eastward ? new Coordinate[] {west, east} : new Coordinate[] {east, west});
        return new StreetFeature(StreetLayer.ROADS, id, line, "highway", "residential", null, null, null,
                new RoadTags(null, oneway, 0, false, false));
    }

    private static List<StreetFeature> streets(boolean oneway) {
        return List.of(street("w1", 0.0015, 500, true, oneway), street("w2", 0, 500, false, oneway),
                street("w3", -0.0015, 500, true, false), street("w4", -0.0030, 60, true, oneway));
    }

    private static BufferedImage frame(List<StreetFeature> streets, double scale) throws Exception {
        List<MapLayer> layers = StreetLayers.load(TestMaps.MAPS, streets, PROJECTION).stream()
                .filter(l -> l.name().equals(StreetLayers.IMPORTED + StreetLayers.ROADS)).toList();
        assertEquals(1, layers.size());
        Coordinate centre = PROJECTION.toMap(LON, LAT - 0.0007);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, Viewport.atScale(centre.x, centre.y, scale, W, H), layers, () -> false);
        g.dispose();
        return img;
    }

    /** The screen row of a street at latitude offset {@code dLat} in a frame at 1:{@code scale}. */
    private static int row(double dLat, double scale) {
        Coordinate centre = PROJECTION.toMap(LON, LAT - 0.0007);
        Coordinate at = PROJECTION.toMap(LON, LAT + dLat);
        return (int) Math.round(Viewport.atScale(centre.x, centre.y, scale, W, H).toScreen(at.x, at.y).getY());
    }

    /** How much the two frames differ near row {@code y}: {left half of each arrow, right half} by ink. */
    private static long[] arrowInk(BufferedImage a, BufferedImage b, int y) {
        long[] column = new long[W];
        for (int x = 0; x < W; x++) {
            for (int dy = -8; dy <= 8; dy++) {
                int p = a.getRGB(x, y + dy);
                int q = b.getRGB(x, y + dy);
                for (int shift = 0; shift < 24; shift += 8) {
                    column[x] += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        // Each run of inked columns is one arrow: how much of its ink lies right and left of its middle.
        long[] halves = new long[2];
        for (int x = 0; x < W; x++) {
            if (column[x] == 0) {
                continue;
            }
            int end = x;
            while (end + 1 < W && column[end + 1] != 0) {
                end++;
            }
            double middle = (x + end) / 2.0;
            for (int i = x; i <= end; i++) {
                if (i < middle) {
                    halves[0] += column[i];
                } else if (i > middle) {
                    halves[1] += column[i];
                }
            }
            x = end;
        }
        return halves;
    }

    @Test
    void arrowsRunAlongOneWayStreetsInTheirDirectionAndNowhereElse() throws Exception {
        BufferedImage oneway = frame(streets(true), 5_000);
        BufferedImage twoway = frame(streets(false), 5_000);
        long[] east = arrowInk(oneway, twoway, row(0.0015, 5_000));
        long[] west = arrowInk(oneway, twoway, row(0, 5_000));
        assertTrue(east[0] + east[1] > 2_000, "arrows along the one-way street drawn eastwards");
        assertTrue(east[1] > east[0] * 1.2, "their heads point east: " + east[0] + " left, " + east[1] + " right");
        assertTrue(west[0] > west[1] * 1.2, "the one drawn westwards points west: " + west[0] + " left, " + west[1]
                + " right");
        long[] two = arrowInk(oneway, twoway, row(-0.0015, 5_000));
        assertEquals(0, two[0] + two[1], "no arrows on the two-way street");
        long[] shortStreet = arrowInk(oneway, twoway, row(-0.0030, 5_000));
        assertEquals(0, shortStreet[0] + shortStreet[1], "no arrow on a one-way street too short for one");
    }

    @Test
    void aStreetOneWayAgainstItsDrawingPointsTheOtherWay() throws Exception {
        // oneway=-1 on a way drawn eastwards: traffic goes west.
        BufferedImage against = frame(List.of(street("w1", 0.0015, 500, true, -1)), 5_000);
        BufferedImage twoway = frame(List.of(street("w1", 0.0015, 500, true, 0)), 5_000);
        long[] ink = arrowInk(against, twoway, row(0.0015, 5_000));
        assertTrue(ink[0] + ink[1] > 2_000, "arrows drawn");
        assertTrue(ink[0] > ink[1] * 1.2, "their heads point west: " + ink[0] + " left, " + ink[1] + " right");
    }

    @Test
    void noArrowsFromAboutOneToTenThousandOut() throws Exception {
        BufferedImage oneway = frame(streets(true), 12_000);
        BufferedImage twoway = frame(streets(false), 12_000);
        long[] east = arrowInk(oneway, twoway, row(0.0015, 12_000));
        assertEquals(0, east[0] + east[1]);
    }
}
