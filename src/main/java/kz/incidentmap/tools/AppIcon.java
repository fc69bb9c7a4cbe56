package kz.incidentmap.tools;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import kz.incidentmap.layers.CountryCodes;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws the app's icon: Kazakhstan's outline, from the shipped {@code countries.geojson}, in the map's
 * warm tone on a rounded tile, with a red incident marker where Taraz is.
 *
 * <p>Usage: {@code AppIcon <maps folder> <out.png> [size]} (256 by default).
 */
public final class AppIcon {

    private static final double WEST = 46.4;
    private static final double EAST = 87.4;
    private static final double SOUTH = 40.5;
    private static final double NORTH = 55.5;
    /** Degrees of longitude are shorter than degrees of latitude at Kazakhstan's middle latitude. */
    private static final double ASPECT = Math.cos(Math.toRadians(48));

    private AppIcon() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AppIcon <maps folder> <out.png> [size]");
            System.exit(2);
        }
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Geometry kazakhstan = null;
        for (GeoJsonFeature f : GeoJsonFeatures.read(Path.of(args[0]).resolve("countries.geojson"))) {
            if (CountryCodes.isKazakhstan(f.string(CountryCodes.ATTRIBUTE))) {
                kazakhstan = f.geometry();
            }
        }
        if (kazakhstan == null) {
            throw new IOException(args[0] + "/countries.geojson: no feature with iso_a3 = KAZ");
        }
        ImageIO.write(draw(kazakhstan, size), "png", Path.of(args[1]).toFile());
    }

    static BufferedImage draw(Geometry country, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double s = size / 256.0;
        g.setColor(new Color(0x2F4A66));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 48 * s, 48 * s));
        double width = (EAST - WEST) * ASPECT;
        double height = NORTH - SOUTH;
        double k = 216 * s / Math.max(width, height);
        double x0 = (size - width * k) / 2;
        double y0 = (size - height * k) / 2;
        Path2D.Double outline = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < country.getNumGeometries(); i++) {
            Coordinate[] ring = ((Polygon) country.getGeometryN(i)).getExteriorRing().getCoordinates();
            for (int j = 0; j < ring.length; j++) {
                double x = x0 + (ring[j].x - WEST) * ASPECT * k;
                double y = y0 + (NORTH - ring[j].y) * k;
                if (j == 0) {
                    outline.moveTo(x, y);
                } else {
                    outline.lineTo(x, y);
                }
            }
            outline.closePath();
        }
        g.setColor(new Color(0xF7F2E4));
        g.fill(outline);
        g.setColor(new Color(0x6B5A45));
        g.setStroke(new BasicStroke((float) (3 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        double mx = x0 + (71.37 - WEST) * ASPECT * k;
        double my = y0 + (NORTH - 42.9) * k;
        double r = 22 * s;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(mx - r - 4 * s, my - r - 4 * s, 2 * (r + 4 * s), 2 * (r + 4 * s)));
        g.setColor(new Color(0xD7301F));
        g.fill(new Ellipse2D.Double(mx - r, my - r, 2 * r, 2 * r));
        g.dispose();
        return img;
    }
}
