package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.EventStops;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.store.SeedData;
import kz.incidentmap.store.SeedFile;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The route of the shipped Taraz attack at 1:10,000 and 1:50,000, pixel by pixel: a numbered circle at
 * each of its five sites where the view puts them (the two the sources place only in the city fanned out
 * round the city point), an arrow on each leg, and a playback step drawing the route only up to it.
 */
class EventRoutePainterTest {

    private static final int W = 900;
    private static final int H = 700;

    private static EventRoute taraz() throws Exception {
        SeedData seed = SeedFile.read(Path.of("data/incidents.json"));
        Map<String, Incident> byId = new HashMap<>();
        seed.incidents().forEach(i -> byId.put(i.id().toLowerCase(Locale.ROOT), i));
        IncidentEvent e = seed.events().stream().filter(x -> x.id().equals("taraz-2011-11-12")).findFirst().orElseThrow();
        return EventRoute.of(e, EventStops.of(e, seed.events(), byId));
    }

    private static Viewport at(double scale) {
        Coordinate c = MapProjection.kazakhstan().toMap(71.3667, 42.8990);
        return Viewport.atScale(c.x, c.y, scale, W, H, MapProjection.kazakhstan());
    }

    private static BufferedImage paint(Viewport vp, EventRoute route) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        EventRoutePainter.paint(g, vp, route);
        g.dispose();
        return img;
    }

    /** Share of the pixels within {@code r} of {@code c} that are near {@code colour}. */
    private static double share(BufferedImage img, Point2D c, double r, Color colour) {
        int n = 0;
        int hit = 0;
        for (int y = (int) (c.getY() - r); y <= c.getY() + r; y++) {
            for (int x = (int) (c.getX() - r); x <= c.getX() + r; x++) {
                if (Math.hypot(x - c.getX(), y - c.getY()) <= r && x >= 0 && y >= 0 && x < W && y < H) {
                    n++;
                    hit += near(new Color(img.getRGB(x, y)), colour) ? 1 : 0;
                }
            }
        }
        return n == 0 ? 0 : hit / (double) n;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }

    @Test
    void fiveNumberedCirclesAtTheSitesWithArrowsBetween() throws Exception {
        EventRoute route = taraz();
        assertEquals(5, route.stops().size());
        for (double scale : new double[] {10_000, 50_000}) {
            Viewport vp = at(scale);
            BufferedImage img = paint(vp, route);
            List<Point2D> circles = EventRoutePainter.circles(vp, route);
            for (int i = 0; i < circles.size(); i++) {
                Point2D c = circles.get(i);
                assertTrue(share(img, c, EventRoutePainter.RADIUS - 2, EventRoutePainter.CIRCLE) > 0.5,
                        "circle " + (i + 1) + " at 1:" + scale);
                assertTrue(share(img, c, 4, Color.WHITE) > 0.1, "its white number, 1:" + scale);
                for (int j = 0; j < i; j++) {
                    assertTrue(c.distance(circles.get(j)) >= 2 * EventRoutePainter.RADIUS - 0.5,
                            "circles " + (j + 1) + " and " + (i + 1) + " apart at 1:" + scale);
                }
            }
            // The sites with a position of their own are drawn on it at 1:10,000, and pushed only just clear
            // of each other (tied to it by a line) at 1:50,000, where they are a dozen pixels apart.
            for (int k : new int[] {1, 3, 4}) {
                double off = circles.get(k).distance(EventRoutePainter.spot(vp, route.stops().get(k)));
                assertTrue(scale == 10_000 ? off < 0.01 : off < 3 * EventRoutePainter.RADIUS, "site " + (k + 1) + ": " + off);
            }
            // Sites 1 and 3 stand on the city point: fanned out round it, both near it.
            Point2D city = EventRoutePainter.spot(vp, route.stops().get(0));
            assertTrue(circles.get(0).distance(city) > 5 && circles.get(0).distance(city) < 40);
            assertTrue(circles.get(2).distance(city) > 5 && circles.get(2).distance(city) < 40);
        }
        // At 1:10,000 the legs are long enough for an arrow head half way: red there, white off the line.
        Viewport vp = at(10_000);
        BufferedImage img = paint(vp, route);
        List<Point2D> c = EventRoutePainter.circles(vp, route);
        for (int i = 1; i < c.size(); i++) {
            Point2D a = c.get(i - 1);
            Point2D b = c.get(i);
            double len = a.distance(b);
            double ux = (b.getX() - a.getX()) / len;
            double uy = (b.getY() - a.getY()) / len;
            double mx = (a.getX() + b.getX()) / 2;
            double my = (a.getY() + b.getY()) / 2;
            // The head is wider than the line: red pixels beside the line near the middle of the leg.
            int beside = 0;
            for (int y = (int) my - 8; y <= my + 8; y++) {
                for (int x = (int) mx - 8; x <= mx + 8; x++) {
                    double across = Math.abs((x - mx) * -uy + (y - my) * ux);
                    if (across > 3 && near(new Color(img.getRGB(x, y)), EventRoutePainter.LINE)) {
                        beside++;
                    }
                }
            }
            assertTrue(beside >= 6, "arrow head on leg " + i + " to " + (i + 1) + ": " + beside);
            Point2D quarter = new Point2D.Double(a.getX() + (b.getX() - a.getX()) * 0.3, a.getY() + (b.getY() - a.getY()) * 0.3);
            assertTrue(share(img, quarter, 1.5, EventRoutePainter.LINE) > 0.3, "line of leg " + i);
            Point2D off = new Point2D.Double(quarter.getX() - uy * 12, quarter.getY() + ux * 12);
            assertEquals(Color.WHITE, new Color(img.getRGB((int) off.getX(), (int) off.getY())), "nothing beside leg " + i);
        }
    }

    @Test
    void aStepDrawsTheRouteUpToItAndHighlightsIt() throws Exception {
        Viewport vp = at(10_000);
        EventRoute route = taraz();
        List<Point2D> all = EventRoutePainter.circles(vp, route);
        BufferedImage img = paint(vp, route.atStep(3));
        assertTrue(share(img, all.get(2), EventRoutePainter.RADIUS, EventRoutePainter.CURRENT) > 0.4, "step 3 highlighted");
        assertTrue(share(img, all.get(1), EventRoutePainter.RADIUS - 2, EventRoutePainter.CIRCLE) > 0.5, "step 2 drawn");
        assertEquals(0.0, share(img, all.get(3), EventRoutePainter.RADIUS - 2, EventRoutePainter.CIRCLE), "step 4 not yet");
        assertEquals(0.0, share(img, all.get(4), EventRoutePainter.RADIUS - 2, EventRoutePainter.CIRCLE), "step 5 not yet");
        assertNotEquals(paint(vp, route.atStep(4)).getRGB((int) all.get(3).getX() - 6, (int) all.get(3).getY()), Color.WHITE.getRGB());
    }
}
