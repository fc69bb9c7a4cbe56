package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;

/**
 * Makes a snapshot: the map as the renderer draws it, with a title, legend, scale bar, north arrow and
 * data attribution laid over it. The app's export and the {@code snapshot} command both call it, so
 * the same view gives the same picture. Called off the JavaFX thread.
 */
public final class SnapshotRenderer {

    /**
     * What to write around the map.
     *
     * @param title the heading
     * @param subtitle the line under it (place, date of export), or null
     */
    public record Layout(String title, String subtitle) {
    }

    private final MapRenderer renderer = new MapRenderer();

    /** The composed snapshot at the viewport's pixel size. */
    public BufferedImage render(MapModel model, Viewport viewport, Layout layout) throws IOException {
        BufferedImage image = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            renderer.render(g, viewport, model.visibleLayers(), () -> false);
            decorate(g, model, viewport, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG atomically: on any error the target is left as it was. */
    public void writePng(MapModel model, Viewport viewport, Layout layout, Path out) throws IOException {
        BufferedImage image = render(model, viewport, layout);
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".snapshot-", ".png.part");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void decorate(Graphics2D g, MapModel model, Viewport vp, Layout layout) {
        // Decorations grow with the image, so a 2x export looks like the screen, only sharper.
        double ui = Math.max(1, Math.min(vp.width(), vp.height()) / 700.0);
        double m = 12 * ui;
        titleBlock(g, layout, m, ui);
        // Title top left, north arrow and legend top right (over Russia and China at the country
        // view, not over Kazakhstan), scale bar bottom left, attribution bottom right.
        NorthArrow.draw(g, vp, vp.width() - m - 28 * ui, m + 34 * ui, ui);
        Legend.draw(g, drawnAt(model.visibleLayers(), vp.scaleDenominator()), vp.width() - m, m + 80 * ui, ui);
        ScaleBar.draw(g, vp, m + 6 * ui, vp.height() - m - 16 * ui, Math.min(260 * ui, vp.width() / 3.0), ui);
        attribution(g, new MapModel(drawnAt(model.visibleLayers(), vp.scaleDenominator())).attributions(), vp, m, ui);
    }

    /**
     * The layers that draw something at this scale: street layers stay out of the country's legend and
     * attribution, and the credit for the schematic streets appears where they are drawn.
     */
    private static List<MapLayer> drawnAt(List<MapLayer> layers, double scale) {
        return layers.stream().filter(l -> l.style().featureTypeStyles().stream()
                .anyMatch(fts -> !RuleSelector.active(fts, scale).isEmpty())).toList();
    }

    private static void titleBlock(Graphics2D g, Layout layout, double m, double ui) {
        Font title = new Font("SansSerif", Font.BOLD, (int) Math.round(20 * ui));
        Font sub = new Font("SansSerif", Font.PLAIN, (int) Math.round(12 * ui));
        g.setFont(title);
        int w = g.getFontMetrics().stringWidth(layout.title());
        g.setFont(sub);
        if (layout.subtitle() != null) {
            w = Math.max(w, g.getFontMetrics().stringWidth(layout.subtitle()));
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Rectangle2D.Double(m, m, w + 20 * ui, 58 * ui));
        g.setColor(new Color(0x202020));
        g.setFont(title);
        g.drawString(layout.title(), (float) (m + 10 * ui), (float) (m + 26 * ui));
        if (layout.subtitle() != null) {
            g.setFont(sub);
            g.setColor(new Color(0x505050));
            g.drawString(layout.subtitle(), (float) (m + 10 * ui), (float) (m + 46 * ui));
        }
    }

    private static void attribution(Graphics2D g, List<String> credits, Viewport vp, double m, double ui) {
        String text = String.join(" · ", credits);
        g.setFont(new Font("SansSerif", Font.PLAIN, (int) Math.round(10 * ui)));
        int w = g.getFontMetrics().stringWidth(text);
        double x = vp.width() - m - w;
        double y = vp.height() - m;
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Rectangle2D.Double(x - 6 * ui, y - 13 * ui, w + 12 * ui, 18 * ui));
        g.setColor(new Color(0x404040));
        g.drawString(text, (float) x, (float) y);
    }
}
