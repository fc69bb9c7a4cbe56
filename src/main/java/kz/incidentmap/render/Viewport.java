package kz.incidentmap.render;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Objects;
import kz.incidentmap.geo.MapProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the map a frame shows: an immutable value, so that a render request and the image it
 * produced always agree on the transform. Map units are metres of the map projection; the scale
 * denominator uses the OGC standard pixel of 0.28 mm, as style rules do.
 *
 * @param centerX map x at the centre of the frame
 * @param centerY map y at the centre of the frame
 * @param metresPerPixel ground size of one pixel
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param projection the projection whose metres these are: what turns a pixel into longitude and latitude
 */
public record Viewport(double centerX, double centerY, double metresPerPixel, int width, int height,
        MapProjection projection) {

    /** OGC standard rendering pixel size, in metres (SLD/SE scale denominators are based on it). */
    public static final double STANDARD_PIXEL_METRES = 0.00028;
    /** Nearest a user may zoom: 1:500. */
    public static final double MIN_SCALE = 500;
    /** Farthest a user may zoom: 1:100,000,000. */
    public static final double MAX_SCALE = 100_000_000;

    public Viewport {
        Objects.requireNonNull(projection, "projection");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Viewport size must be positive: " + width + "x" + height);
        }
        if (!(metresPerPixel > 0) || Double.isInfinite(metresPerPixel)) {
            throw new IllegalArgumentException("Resolution must be positive: " + metresPerPixel);
        }
        metresPerPixel = Math.max(MIN_SCALE * STANDARD_PIXEL_METRES,
                Math.min(MAX_SCALE * STANDARD_PIXEL_METRES, metresPerPixel));
    }

    /** A view of the map in the Kazakhstan projection, the one every map of the app is drawn in. */
    public Viewport(double centerX, double centerY, double metresPerPixel, int width, int height) {
        this(centerX, centerY, metresPerPixel, width, height, MapProjection.kazakhstan());
    }

    /** A viewport centred on the given map point at the scale 1:{@code scaleDenominator}. */
    public static Viewport atScale(double x, double y, double scaleDenominator, int width, int height) {
        return atScale(x, y, scaleDenominator, width, height, MapProjection.kazakhstan());
    }

    /** The same in {@code projection}'s metres. */
    public static Viewport atScale(double x, double y, double scaleDenominator, int width, int height,
            MapProjection projection) {
        return new Viewport(x, y, scaleDenominator * STANDARD_PIXEL_METRES, width, height, projection);
    }

    /** The smallest-scale viewport that shows all of {@code bounds}, with a margin of {@code marginPx}. */
    public static Viewport fitting(Envelope bounds, int width, int height, int marginPx) {
        return fitting(bounds, width, height, marginPx, MapProjection.kazakhstan());
    }

    /** The same in {@code projection}'s metres. */
    public static Viewport fitting(Envelope bounds, int width, int height, int marginPx, MapProjection projection) {
        double usableW = Math.max(1, width - 2.0 * marginPx);
        double usableH = Math.max(1, height - 2.0 * marginPx);
        double res = Math.max(bounds.getWidth() / usableW, bounds.getHeight() / usableH);
        if (!(res > 0)) {
            res = MIN_SCALE * STANDARD_PIXEL_METRES;
        }
        return new Viewport(bounds.centre().x, bounds.centre().y, res, width, height, projection);
    }

    public double scaleDenominator() {
        return metresPerPixel / STANDARD_PIXEL_METRES;
    }

    /** The map area the frame covers. */
    public Envelope bounds() {
        double halfW = width * metresPerPixel / 2;
        double halfH = height * metresPerPixel / 2;
        return new Envelope(centerX - halfW, centerX + halfW, centerY - halfH, centerY + halfH);
    }

    /** Map metres to pixels (y grows downwards on screen). */
    public AffineTransform worldToScreen() {
        AffineTransform at = new AffineTransform();
        at.translate(width / 2.0, height / 2.0);
        at.scale(1 / metresPerPixel, -1 / metresPerPixel);
        at.translate(-centerX, -centerY);
        return at;
    }

    public Point2D toScreen(double x, double y) {
        return new Point2D.Double((x - centerX) / metresPerPixel + width / 2.0,
                (centerY - y) / metresPerPixel + height / 2.0);
    }

    public Coordinate toWorld(double px, double py) {
        return new Coordinate(centerX + (px - width / 2.0) * metresPerPixel,
                centerY - (py - height / 2.0) * metresPerPixel);
    }

    /** Zoomed by {@code factor} (&gt;1 zooms in) keeping the map point under pixel (px, py) fixed. */
    public Viewport zoomedAt(double px, double py, double factor) {
        return zoomedAtResolution(px, py, metresPerPixel / factor);
    }

    /**
     * Zoomed to exactly {@code resolution} metres per pixel (within the scales a user may reach), keeping
     * the map point under pixel (px, py) fixed.
     */
    public Viewport zoomedAtResolution(double px, double py, double resolution) {
        Coordinate anchor = toWorld(px, py);
        Viewport scaled = new Viewport(centerX, centerY, resolution, width, height, projection);
        Coordinate moved = scaled.toWorld(px, py);
        return scaled.pannedTo(centerX + anchor.x - moved.x, centerY + anchor.y - moved.y);
    }

    /** Moved by a drag of (dx, dy) pixels: the map follows the pointer. */
    public Viewport pannedBy(double dx, double dy) {
        return pannedTo(centerX - dx * metresPerPixel, centerY + dy * metresPerPixel);
    }

    public Viewport pannedTo(double x, double y) {
        return new Viewport(x, y, metresPerPixel, width, height, projection);
    }

    /** Same centre and scale, another frame size (a window resize or an export at another size). */
    public Viewport resized(int newWidth, int newHeight) {
        return new Viewport(centerX, centerY, metresPerPixel, newWidth, newHeight, projection);
    }

    /**
     * The same centre in a frame of another size, at the resolution that keeps all of this view's
     * area in it: an export at twice the window's size is the same view, sharper.
     */
    public Viewport fittedInto(int newWidth, int newHeight) {
        double factor = Math.min(newWidth / (double) width, newHeight / (double) height);
        return new Viewport(centerX, centerY, metresPerPixel / factor, newWidth, newHeight, projection);
    }
}
