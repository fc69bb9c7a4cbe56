package kz.incidentmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Labels painted once and copied after: stroking a halo round every letter was most of a panning
 * frame's time, and while the user pans the same names come back at the same shapes, only moved by whole
 * pixels. A label is kept as a small image under what it looks like — text, font, colours and where its
 * letters stand relative to a whole pixel, to 1/{@value #STEPS} pixel — and a label of the same look is
 * copied from it. Only for a raster frame seen one to one; pages and vector files paint their letters.
 * Thread-safe: both cores paint labels.
 */
final class LabelSprites {

    /** Labels kept: a street frame places a few hundred; about 10 kB each. */
    static final int KEPT = 2048;
    /** Positions within a pixel told apart, per axis. */
    static final int STEPS = 8;
    /** Beyond a label's box, how far its ink may reach (a halo, a letter's overhang), pixels. */
    private static final int REACH_PX = 4;

    /** What a label looks like, its position within a pixel included. */
    record Look(String text, Font font, Color fill, Color halo, double haloRadius, String shape) {
    }

    private record Sprite(BufferedImage image, int left, int top) {
    }

    /** The labels kept and the labels seen once; the lock of both. */
    private record Memory(Map<Look, Sprite> kept, Map<Look, Boolean> seenOnce) {
    }

    private final Memory memory;
    /** Whether a label becomes an image the first time it is painted (the frames drawn ahead). */
    private final boolean eager;

    LabelSprites() {
        this(new Memory(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Look, Sprite> eldest) {
                return size() > KEPT;
            }
        }, new LinkedHashMap<>(256, 0.75f, true) {
            /*
             * Labels painted once, not kept yet: a label becomes an image the second time it is painted, so
             * that the first frame at a scale (after a zoom) paints its labels straight away and pays for no
             * images it may never copy.
             */
            @Override
            protected boolean removeEldestEntry(Map.Entry<Look, Boolean> eldest) {
                return size() > KEPT;
            }
        }), false);
    }

    private LabelSprites(Memory memory, boolean eager) {
        this.memory = memory;
        this.eager = eager;
    }

    /**
     * The same labels, for a frame drawn ahead of the user: each label it paints is kept as an image at
     * once, so that the frame the user then asks for copies them all.
     */
    LabelSprites eager() {
        return new LabelSprites(memory, true);
    }

    /** Where within a pixel {@code v} lies, in steps. */
    static long phase(double v) {
        return Math.round((v - Math.floor(v)) * STEPS);
    }

    /**
     * The painting of a label that {@code paint} paints in frame pixels, its ink within {@code box} (grown
     * by the halo), anchored at the whole pixel ({@code x}, {@code y}), looking as {@code look} says.
     */
    Consumer<Graphics2D> painting(Look look, int x, int y, Rectangle2D box, Consumer<Graphics2D> paint) {
        return g -> {
            Sprite s = get(look);
            if (s == null) {
                if (!eager && firstSight(look)) {
                    paint.accept(g);
                    return;
                }
                s = drawn(g, x, y, box, look.haloRadius(), paint);
                keep(look, s);
            }
            g.drawImage(s.image(), x + s.left(), y + s.top(), null);
        };
    }

    private static Sprite drawn(Graphics2D frame, int x, int y, Rectangle2D box, double halo, Consumer<Graphics2D> paint) {
        double reach = halo + REACH_PX;
        int left = (int) Math.floor(box.getMinX() - reach);
        int top = (int) Math.floor(box.getMinY() - reach);
        int w = Math.max(1, (int) Math.ceil(box.getMaxX() + reach) - left);
        int h = Math.max(1, (int) Math.ceil(box.getMaxY() + reach) - top);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHints(frame.getRenderingHints());
            g.translate(-left, -top);
            paint.accept(g);
        } finally {
            g.dispose();
        }
        return new Sprite(img, left - x, top - y);
    }

    /** Whether {@code look} is painted for the first time (remembering it was). */
    private boolean firstSight(Look look) {
        synchronized (memory) {
            return memory.seenOnce().put(look, Boolean.TRUE) == null;
        }
    }

    private Sprite get(Look look) {
        synchronized (memory) {
            return memory.kept().get(look);
        }
    }

    private void keep(Look look, Sprite s) {
        synchronized (memory) {
            memory.seenOnce().remove(look);
            memory.kept().put(look, s);
        }
    }
}
