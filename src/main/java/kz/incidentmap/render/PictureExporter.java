package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapModel;

/**
 * A picture of the map at exactly the size asked, for a blog post or a message: the view fills it, with a
 * compact title in its top left corner, the scale bar in the bottom left and the data attribution in the
 * bottom right, each on a light band so it reads over any map. No page, margin, legend or footer: that is
 * what {@link PageExporter} is for.
 */
public final class PictureExporter {

    private static final Color BAND = new Color(255, 255, 255, 215);
    private static final Color INK = new Color(0x202020);
    private static final Color MUTED = new Color(0x555555);
    private static final int PAD = 8;

    private final RenderContext context;
    private final EventRoute route;

    /** An exporter whose pictures draw with {@code context}. */
    public PictureExporter(RenderContext context) {
        this(context, null);
    }

    /** An exporter whose pictures draw {@code route} (or none when null) over the map. */
    public PictureExporter(RenderContext context, EventRoute route) {
        this.context = context;
        this.route = route;
    }

    /**
     * Writes the picture of {@code vp} (its width and height are the picture's) as a PNG with {@code dpi}
     * stored in it, into a temporary file moved into place when complete.
     *
     * @param title the heading, or empty for none
     * @param subtitle the line under it, or empty
     */
    public void write(MapModel model, Viewport vp, String title, String subtitle, int dpi, Texts texts, Path out)
            throws IOException {
        write(model, vp, title, subtitle, "", dpi, texts, out);
    }

    /** As {@link #write(MapModel, Viewport, String, String, int, Texts, Path)}, {@code note} (a redaction's line, or empty) under the subtitle. */
    public void write(MapModel model, Viewport vp, String title, String subtitle, String note, int dpi, Texts texts,
            Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createFile(dir.resolve(".snapshot-" + UUID.randomUUID() + ".png.part"));
        try {
            PngWriter.write(image(model, vp, title, subtitle, note, texts), dpi, note, tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The picture: {@code vp.width()} × {@code vp.height()} pixels. */
    public BufferedImage image(MapModel model, Viewport vp, String title, String subtitle, Texts texts)
            throws IOException {
        return image(model, vp, title, subtitle, "", texts);
    }

    /** The picture with {@code note} (or nothing when empty) as a third line of its heading. */
    public BufferedImage image(MapModel model, Viewport vp, String title, String subtitle, String note, Texts texts)
            throws IOException {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer(context).render(g, vp, model.visibleLayers(), () -> false);
            if (route != null) {
                EventRoutePainter.paint(g, vp, route);
            }
            heading(g, title, subtitle, note, vp.width());
            ScaleBar.draw(g, vp, PAD + 6, vp.height() - PAD - 12, Math.min(160, vp.width() / 4.0), 1, texts);
            attribution(g, texts.format("page.data",
                    String.join(" \u00b7 ", new MapModel(PageLayout.drawnAt(model, vp)).attributions())), vp);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void heading(Graphics2D g, String title, String subtitle, String note, int width) {
        if (title.isEmpty() && subtitle.isEmpty() && note.isEmpty()) {
            return;
        }
        Font big = new Font("SansSerif", Font.BOLD, 16);
        Font small = new Font("SansSerif", Font.PLAIN, 12);
        FontMetrics bm = g.getFontMetrics(big);
        FontMetrics sm = g.getFontMetrics(small);
        int max = width - 4 * PAD;
        String t = fitted(title, bm, max);
        String s = fitted(subtitle, sm, max);
        String n = fitted(note, sm, max);
        int w = Math.max(Math.max(bm.stringWidth(t), sm.stringWidth(s)), sm.stringWidth(n)) + 2 * PAD;
        int h = PAD + (t.isEmpty() ? 0 : bm.getHeight()) + (s.isEmpty() ? 0 : sm.getHeight())
                + (n.isEmpty() ? 0 : sm.getHeight()) + PAD / 2;
        g.setColor(BAND);
        g.fill(new RoundRectangle2D.Double(PAD, PAD, w, h, 8, 8));
        int y = PAD + PAD / 2;
        if (!t.isEmpty()) {
            g.setColor(INK);
            g.setFont(big);
            g.drawString(t, 2 * PAD, y + bm.getAscent());
            y += bm.getHeight();
        }
        if (!s.isEmpty()) {
            g.setColor(MUTED);
            g.setFont(small);
            g.drawString(s, 2 * PAD, y + sm.getAscent());
            y += sm.getHeight();
        }
        if (!n.isEmpty()) {
            g.setColor(INK);
            g.setFont(small);
            g.drawString(n, 2 * PAD, y + sm.getAscent());
        }
    }

    private static void attribution(Graphics2D g, String text, Viewport vp) {
        Font font = new Font("SansSerif", Font.PLAIN, 10);
        FontMetrics fm = g.getFontMetrics(font);
        // Beside the scale bar, never over it: the rest of the bottom edge.
        String line = fitted(text, fm, vp.width() - 200 - 2 * PAD);
        int w = fm.stringWidth(line) + 2 * PAD;
        int h = fm.getHeight() + 4;
        int x = vp.width() - w - PAD / 2;
        int y = vp.height() - h - PAD / 2;
        g.setColor(BAND);
        g.fillRect(x, y, w, h);
        g.setColor(MUTED);
        g.setFont(font);
        g.drawString(line, x + PAD, y + 2 + fm.getAscent());
    }

    /** {@code text}, cut with an ellipsis where it would be wider than {@code max}. */
    private static String fitted(String text, FontMetrics fm, int max) {
        if (text == null || fm.stringWidth(text) <= max) {
            return text == null ? "" : text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "\u2026") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }
}
