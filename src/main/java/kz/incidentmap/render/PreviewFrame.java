package kz.incidentmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.CountryOutlines;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.MapStyles;
import org.geotools.geometry.jts.LiteShape;
import org.locationtech.jts.geom.Geometry;

/**
 * The low-detail frame the window shows while its map loads: the neighbours grey, Kazakhstan in its
 * land tone with its border, and the incidents as circles with their counts where the map will cluster
 * them. Drawn with Java2D alone, in the colours of the map's own styles, so that it is ready long before
 * GeoTools' renderer has drawn its first, cold frame, and the real frame that replaces it changes the
 * picture as little as can be: names, oblasts, cities and the incidents' own symbols come with it.
 */
public final class PreviewFrame {

    private static final Color CLUSTER = new Color(ClusterStyles.FILL.getRed(), ClusterStyles.FILL.getGreen(),
            ClusterStyles.FILL.getBlue(), (int) Math.round(255 * ClusterStyles.FILL_OPACITY));

    private PreviewFrame() {
    }

    /**
     * Draws the frame of {@code vp}.
     *
     * @param index the incidents to count, or null to draw the countries alone (the incident layer hidden)
     */
    public static BufferedImage draw(Viewport vp, CountryOutlines countries, IncidentIndex index) {
        BufferedImage image = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(MapRenderer.BACKGROUND);
            g.fillRect(0, 0, vp.width(), vp.height());
            g.setStroke(new BasicStroke(0.8f));
            for (Geometry neighbour : countries.neighbours()) {
                paint(g, vp, neighbour, MapStyles.NEIGHBOUR, MapStyles.NEIGHBOUR_EDGE);
            }
            paint(g, vp, countries.kazakhstan(), MapStyles.LAND, null);
            g.setStroke(new BasicStroke(1.8f));
            paint(g, vp, countries.kazakhstan(), null, MapStyles.BORDER);
            if (index != null) {
                clusters(g, vp, index);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paint(Graphics2D g, Viewport vp, Geometry geometry, Color fill, Color edge) {
        if (!geometry.getEnvelopeInternal().intersects(vp.bounds())) {
            return;
        }
        Shape shape = new LiteShape(geometry, vp.worldToScreen(), false);
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        if (edge != null) {
            g.setColor(edge);
            g.draw(shape);
        }
    }

    /** The groups the map will draw at this view, as circles sized as the cluster symbol sizes them. */
    private static void clusters(Graphics2D g, Viewport vp, IncidentIndex index) {
        // At street scales the map stacks only what shares a spot, as it will here.
        double cell = vp.metresPerPixel() * (vp.scaleDenominator() > FrameLayers.CLUSTER_MAX_SCALE
                ? FrameLayers.CLUSTER_CELL_PX : FrameLayers.STACK_CELL_PX);
        List<IndexClusterer.Group> groups = IndexClusterer.cluster(index, FrameLayers.gatherArea(vp), cell);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 11);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1.6f));
        for (IndexClusterer.Group group : groups) {
            Point2D at = vp.toScreen(group.x(), group.y());
            double size = group.count() == 1 ? 10 : ClusterStyles.symbolSize(group.count());
            Ellipse2D circle = new Ellipse2D.Double(at.getX() - size / 2, at.getY() - size / 2, size, size);
            g.setColor(CLUSTER);
            g.fill(circle);
            g.setColor(Color.WHITE);
            g.draw(circle);
            if (group.count() > 1) {
                String text = group.count() >= 10_000 ? group.count() / 1000 + "k" : Integer.toString(group.count());
                g.drawString(text, (float) (at.getX() - metrics.stringWidth(text) / 2.0),
                        (float) (at.getY() + (metrics.getAscent() - metrics.getDescent()) / 2.0));
            }
        }
    }
}
