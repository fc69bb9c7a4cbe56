package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.NearbyCities;
import kz.incidentmap.layers.UncertaintyAreas;
import kz.incidentmap.model.LocationPrecision;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws, under the markers, how far each incident drawn on its own may be from its point: a position
 * known to its street as a small dashed disc of 100 m; one known to its city as a soft disc of the city's
 * extent; one known to its oblast as the oblast hatched. An exact position has none. A halo is drawn only
 * from the scale where it is wider than the marker, and none over the whole country, so that view stays
 * clean.
 */
final class UncertaintyHalos {

    /** Above this scale (the whole country) no halo is drawn: the view stays clean. */
    static final double MAX_SCALE = 5_000_000;
    /** A halo narrower than this radius, in pixels, would hide under the marker. */
    static final double MIN_RADIUS_PX = 9;
    private static final Color INK = new Color(0x3C5A78);
    private static final Color STREET_FILL = new Color(0x3C, 0x5A, 0x78, 40);
    private static final Color STREET_LINE = new Color(0x3C, 0x5A, 0x78, 150);
    private static final Color HATCH = new Color(0x3C, 0x5A, 0x78, 90);
    private static final float[] DASH = {4, 3};
    private static final double HATCH_SPACING = 9;

    private static final LocationPrecision[] PRECISIONS = LocationPrecision.values();

    private UncertaintyHalos() {
    }

    /** What {@link #paint} draws for one incident: its precision and the halo's radius in pixels (0 for none). */
    record Halo(LocationPrecision precision, double radiusPx) {
    }

    /**
     * The halo of a position of {@code precision} in a frame of {@code metresPerPixel}; {@code city} is the
     * city a "city" position stands for, null when none is near (it then stands for a default disc).
     */
    static Halo of(LocationPrecision precision, UncertaintyAreas.City city, double metresPerPixel) {
        double metres = switch (precision) {
            case EXACT -> 0;
            case STREET -> UncertaintyAreas.STREET_METRES;
            case CITY -> city == null ? UncertaintyAreas.NO_CITY_METRES : city.radius();
            case REGION -> Double.POSITIVE_INFINITY;
        };
        double px = metres / metresPerPixel;
        return new Halo(precision, px >= MIN_RADIUS_PX ? px : 0);
    }

    /**
     * Draws the halos of the incidents in the frame, clustered or not (a cluster of a city's incidents sits
     * on the city's disc); each area once, however many incidents stand for it: a city's incidents, at one
     * point or at many, are its one disc at its point, an oblast's are its one hatching. Every incident in
     * the frame is looked at, so the look is kept cheap: the halos too narrow to draw at this scale are
     * told from the precision alone, a city is found among the few near the frame, and once every oblast
     * the frame reaches is hatched no incident's oblast is looked for.
     */
    static void paint(Graphics2D g, Viewport vp, IncidentIndex index, UncertaintyAreas areas) {
        if (vp.scaleDenominator() > MAX_SCALE) {
            return;
        }
        double mpp = vp.metresPerPixel();
        Halo street = of(LocationPrecision.STREET, null, mpp);
        Set<Long> points = new HashSet<>();
        // The same City instance stands for every position of one city: compared by identity, hashed cheaply.
        Set<UncertaintyAreas.City> cities = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Geometry, Boolean> hatched = new IdentityHashMap<>();
        Rectangle2D frame = new Rectangle2D.Double(0, 0, vp.width(), vp.height());
        Envelope area = vp.bounds();
        area.expandBy(UncertaintyAreas.CITY_REACH_METRES);
        NearbyCities near = areas.citiesNear(area);
        Discs discs = new Discs(g, vp);
        // Once this many are hatched, no incident's oblast need be looked for.
        int oblastsInFrame = areas.oblastsTouching(area);
        index.forEachWithin(area, row -> {
            int precision = index.locationPrecisionOrdinal(row);
            if (precision <= LocationPrecision.EXACT.ordinal()) {
                return;
            }
            double x = index.x(row);
            double y = index.y(row);
            switch (PRECISIONS[precision]) {
                case REGION -> {
                    if (hatched.size() < oblastsInFrame) {
                        Geometry oblast = areas.oblastAt(x, y);
                        if (oblast != null && hatched.put(oblast, Boolean.TRUE) == null) {
                            hatch(g, ScreenPolygons.of(oblast, vp), frame);
                        }
                    }
                }
                case CITY -> {
                    UncertaintyAreas.City city = near.at(x, y);
                    Halo h = of(LocationPrecision.CITY, city, mpp);
                    if (h.radiusPx() <= 0) {
                        return;
                    }
                    if (city != null) {
                        if (cities.add(city)) {
                            discs.draw(h, city.x(), city.y());
                        }
                    } else if (points.add(pointKey(x, y, precision))) {
                        discs.draw(h, x, y); // no city near: the default disc round the position itself
                    }
                }
                default -> {
                    // Incidents at one point share their disc: it is drawn once.
                    if (street.radiusPx() > 0 && points.add(pointKey(x, y, precision))) {
                        discs.draw(street, x, y);
                    }
                }
            }
        });
    }

    private static long pointKey(double x, double y, int precision) {
        return 31 * (31 * Double.doubleToLongBits(x) + Double.doubleToLongBits(y)) + precision;
    }

    /**
     * The discs of one frame. On a raster target, one map pixel to one image pixel, each look (a
     * precision and a radius) is drawn once into a small image and stamped where it goes, to the nearest
     * pixel: an oblast's view of a large record has tens of thousands of small discs, and filling each,
     * a gradient at that, was most of its frame. Large discs, and vector targets, are drawn as shapes.
     */
    private static final class Discs {

        /** Discs wider than this are few and drawn as shapes. */
        private static final double STAMPED_MAX_RADIUS_PX = 48;

        private final Graphics2D g;
        private final Viewport vp;
        private final boolean raster;
        private final boolean stamps;
        private final Map<Halo, BufferedImage> images = new HashMap<>();

        Discs(Graphics2D g, Viewport vp) {
            this.g = g;
            this.vp = vp;
            this.raster = IncidentFramePainter.isRaster(g);
            this.stamps = IncidentFramePainter.stampsSprites(g);
        }

        /** The disc of a street's or a city's halo {@code h}, centred on (x, y) in map metres. */
        void draw(Halo h, double x, double y) {
            Point2D at = vp.toScreen(x, y);
            double r = h.radiusPx();
            if (h.precision() == LocationPrecision.CITY && r > Math.max(vp.width(), vp.height())) {
                return; // the frame is inside the city: a tint over all of it would say nothing
            }
            if (stamps && r <= STAMPED_MAX_RADIUS_PX) {
                BufferedImage image = images.computeIfAbsent(h, this::image);
                int half = image.getWidth() / 2;
                g.drawImage(image, (int) Math.round(at.getX()) - half, (int) Math.round(at.getY()) - half, null);
            } else {
                shape(g, h, at, raster);
            }
        }

        private BufferedImage image(Halo h) {
            int half = (int) Math.ceil(h.radiusPx()) + 2;
            BufferedImage image = new BufferedImage(2 * half, 2 * half, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D ig = image.createGraphics();
            try {
                ig.setRenderingHints(g.getRenderingHints());
                shape(ig, h, new Point2D.Double(half, half), true);
            } finally {
                ig.dispose();
            }
            return image;
        }
    }

    /** Draws the disc of {@code h} centred on {@code at}, in pixels. */
    private static void shape(Graphics2D g, Halo h, Point2D at, boolean raster) {
        double r = h.radiusPx();
        Ellipse2D disc = new Ellipse2D.Double(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
        if (h.precision() == LocationPrecision.STREET) {
            g.setColor(STREET_FILL);
            g.fill(disc);
            g.setColor(STREET_LINE);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, DASH, 0));
            g.draw(disc);
        } else if (raster) {
            // A city: soft towards its edge, for the incident may be anywhere in it.
            g.setPaint(new RadialGradientPaint(at, (float) r, new float[] {0f, 0.7f, 1f},
                    new Color[] {new Color(0x3C, 0x5A, 0x78, 40), new Color(0x3C, 0x5A, 0x78, 26),
                        new Color(0x3C, 0x5A, 0x78, 0)}));
            g.fill(disc);
        } else {
            softInSteps(g, at, r);
        }
    }

    /**
     * The city's soft disc for a page or a vector file: nested translucent discs, about as dark as the
     * gradient at the same radii. A gradient that fades to transparent becomes a shading under a soft
     * mask in PDF, which Ghostscript drew as an opaque fill over the whole map.
     */
    private static void softInSteps(Graphics2D g, Point2D at, double r) {
        double[] radii = {1.0, 0.85, 0.7, 0.45};
        int[] alphas = {10, 10, 8, 12};
        for (int i = 0; i < radii.length; i++) {
            double ri = r * radii[i];
            g.setColor(new Color(0x3C, 0x5A, 0x78, alphas[i]));
            g.fill(new Ellipse2D.Double(at.getX() - ri, at.getY() - ri, 2 * ri, 2 * ri));
        }
    }

    /** Diagonal lines over the oblast, inside it only, and its outline. */
    private static void hatch(Graphics2D g, Shape oblast, Rectangle2D frame) {
        Shape clip = g.getClip();
        g.clip(oblast);
        g.setColor(HATCH);
        g.setStroke(new BasicStroke(1f));
        Rectangle2D b = oblast.getBounds2D().createIntersection(frame);
        for (double d = b.getMinX() - b.getHeight(); d < b.getMaxX(); d += HATCH_SPACING) {
            g.draw(new Line2D.Double(d, b.getMaxY(), d + b.getHeight(), b.getMinY()));
        }
        g.setClip(clip);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(oblast);
    }
}
