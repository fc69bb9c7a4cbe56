package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import org.geotools.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Coordinate;

/**
 * A scale bar with a round length (1, 2 or 5 × 10ⁿ metres or kilometres), measured on the ellipsoid
 * along the middle of the frame with GeoTools' {@link GeodeticCalculator}, so it stays true where the
 * projection stretches. The window's scale bar takes its length from here too.
 */
public final class ScaleBar {

    private ScaleBar() {
    }

    /** Ground metres per pixel across the middle of the frame. */
    public static double groundMetresPerPixel(Viewport vp) {
        MapProjection proj = vp.projection();
        double y = vp.height() / 2.0;
        Coordinate a = vp.toWorld(vp.width() * 0.25, y);
        Coordinate b = vp.toWorld(vp.width() * 0.75, y);
        Coordinate la = proj.toLonLat(a.x, a.y);
        Coordinate lb = proj.toLonLat(b.x, b.y);
        GeodeticCalculator calc = new GeodeticCalculator();
        calc.setStartingGeographicPoint(clampLon(la.x), clampLat(la.y));
        calc.setDestinationGeographicPoint(clampLon(lb.x), clampLat(lb.y));
        return calc.getOrthodromicDistance() / (vp.width() * 0.5);
    }

    /** The longest round length that fits in {@code maxMetres}. */
    public static double roundLength(double maxMetres) {
        double pow = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * pow <= maxMetres) {
                return m * pow;
            }
        }
        return pow;
    }

    public static String format(double metres) {
        return format(metres, Texts.ENGLISH);
    }

    /** The bar's length in the words of {@code texts}: "5 km", "5 км". */
    public static String format(double metres, Texts texts) {
        return metres >= 1000 ? texts.format("unit.km", texts.number(Math.round(metres / 1000)))
                : texts.format("unit.m", texts.number(Math.round(metres)));
    }

    /** Draws the bar with its left end at (x, y), at most {@code maxWidthPx} long; returns its width. */
    static double draw(Graphics2D g, Viewport vp, double x, double y, double maxWidthPx, double uiScale, Texts texts) {
        double mpp = groundMetresPerPixel(vp);
        double length = roundLength(maxWidthPx * mpp);
        double px = length / mpp;
        float h = (float) (6 * uiScale);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect((int) (x - 6 * uiScale), (int) (y - 20 * uiScale), (int) (px + 12 * uiScale), (int) (32 * uiScale));
        g.setStroke(new BasicStroke((float) uiScale));
        for (int i = 0; i < 2; i++) {
            g.setColor(i == 0 ? Color.DARK_GRAY : Color.WHITE);
            g.fill(new Rectangle2D.Double(x + i * px / 2, y, px / 2, h));
        }
        g.setColor(Color.DARK_GRAY);
        g.draw(new Rectangle2D.Double(x, y, px, h));
        g.setFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(11 * uiScale)));
        g.drawString("0", (float) x, (float) (y - 4 * uiScale));
        String label = format(length, texts);
        g.drawString(label, (float) (x + px - g.getFontMetrics().stringWidth(label)), (float) (y - 4 * uiScale));
        return px;
    }

    private static double clampLon(double lon) {
        return Math.max(-180, Math.min(180, lon));
    }

    private static double clampLat(double lat) {
        return Math.max(-89.9, Math.min(89.9, lat));
    }
}
