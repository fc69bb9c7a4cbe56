package kz.incidentmap.render;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;

/**
 * The pre-drawn markers of a {@link RenderContext}, by style, pass and look, kept while the style is in
 * use: frames come many times a second and draw the same few looks thousands of times.
 */
final class SpriteCache {

    /** Stands for "draw this look as a feature" in the cache, which holds no nulls. */
    static final Sprite AS_FEATURE = new Sprite(null, 0, 0, new Rectangle2D.Double());

    private final Map<Style, Map<Pass, Map<Long, Sprite>>> byStyle = new WeakHashMap<>();

    /** A pre-drawn marker: the image and where in it the incident's point lies. */
    record Sprite(BufferedImage image, int originX, int originY, Rectangle2D bounds) {
    }

    /** One pass of a style with the rules active at a scale; rules compare by identity, cheaply. */
    static final class Pass {
        private final int number;
        private final List<Rule> active;

        Pass(int number, List<Rule> active) {
            this.number = number;
            this.active = active;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Pass p) || p.number != number || p.active.size() != active.size()) {
                return false;
            }
            for (int i = 0; i < active.size(); i++) {
                if (p.active.get(i) != active.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = number;
            for (Rule r : active) {
                h = 31 * h + System.identityHashCode(r);
            }
            return h;
        }
    }

    /** The sprites of {@code style}'s passes, by look; the maps are safe to use from any thread. */
    Map<Pass, Map<Long, Sprite>> of(Style style) {
        synchronized (byStyle) {
            return byStyle.computeIfAbsent(style, s -> new ConcurrentHashMap<>());
        }
    }
}
