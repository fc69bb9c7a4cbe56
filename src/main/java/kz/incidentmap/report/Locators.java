package kz.incidentmap.report;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.MapFigure;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The cards' small locator maps. Drawing a map per card would make a report of a thousand incidents
 * slow and large, so one ground map is drawn per oblast — around the report's incidents there, at least
 * {@link #MIN_SIDE_M} across — and placed on every card of that oblast as the same PDF form, with the
 * card's incident marked on it.
 */
final class Locators {

    static final float W = 140;
    static final float H = 96;
    private static final double MIN_SIDE_M = 250_000;
    /** Two map pixels to a point: the ground in small, light symbols. */
    private static final double PIXELS_PER_POINT = 2;
    private static final Color MARK = new Color(0xc0392b);

    private final MapFigure figure;
    private final PDDocument doc;
    private final List<MapLayer> ground;
    private final MapProjection projection = MapProjection.kazakhstan();
    private final Map<String, Envelope> areas = new HashMap<>();
    private final Map<String, MapFigure.Drawn> drawn = new HashMap<>();

    Locators(MapFigure figure, PDDocument doc, List<MapLayer> ground, List<Incident> incidents) {
        this.figure = figure;
        this.doc = doc;
        this.ground = ground;
        for (Incident i : incidents) {
            if (placed(i)) {
                Coordinate c = projection.toMap(i.lon(), i.lat());
                areas.computeIfAbsent(key(i), k -> new Envelope()).expandToInclude(c);
            }
        }
    }

    /** How many ground maps the cards share. */
    int maps() {
        return areas.size();
    }

    static boolean placed(Incident i) {
        return Double.isFinite(i.lon()) && Double.isFinite(i.lat()) && !(i.lon() == 0 && i.lat() == 0);
    }

    private static String key(Incident i) {
        return i.oblast() == null ? "" : i.oblast();
    }

    /** The locator of {@code i} with its top left corner at {@code (x, top)}; false when it has no position. */
    boolean draw(Pages p, Incident i, float x, float top) throws IOException {
        if (!placed(i)) {
            return false;
        }
        MapFigure.Drawn map = drawn.get(key(i));
        if (map == null) {
            map = figure.plain(doc, ground, area(areas.get(key(i))), W, H, PIXELS_PER_POINT);
            drawn.put(key(i), map);
        }
        var content = p.content();
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(x, top - H));
        content.drawForm(map.form());
        content.restoreGraphicsState();
        Coordinate c = projection.toMap(i.lon(), i.lat());
        Point2D at = map.viewport().toScreen(c.x, c.y);
        float px = x + (float) (at.getX() * map.pointsPerPixel());
        float py = top - (float) (at.getY() * map.pointsPerPixel());
        p.dot(px, py, 3.2f, MARK);
        return true;
    }

    /** The incidents' envelope, at least {@link #MIN_SIDE_M} across and with a fifth of room around it. */
    private static Envelope area(Envelope incidents) {
        Envelope e = new Envelope(incidents);
        double side = Math.max(MIN_SIDE_M, Math.max(e.getWidth(), e.getHeight()) * 1.2);
        double cx = e.centre().x;
        double cy = e.centre().y;
        double hw = Math.max(side, side * W / H) / 2;
        double hh = side / 2;
        return new Envelope(cx - hw, cx + hw, cy - hh, cy + hh);
    }
}
