package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority and sides decide which labels are drawn; labels stay inside the frame and off markers; a
 * count sits on its own cluster symbol while others keep off it.
 */
class LabelPlacerTest {

    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

    private static LabelCandidate at(String text, double x, double y, double priority, boolean movable) {
        return new LabelCandidate(text, FONT, Color.BLACK, Color.WHITE, 1.5, x, y, 0, 0.5, 6, 0, priority, movable);
    }

    private static List<PlacedLabel> place(LabelPlacer placer) {
        Graphics2D g = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return placer.draw(g);
        } finally {
            g.dispose();
        }
    }

    @Test
    void theHigherPriorityWinsWhateverTheOrderOffered() {
        LabelPlacer placer = new LabelPlacer();
        placer.offer(at("Kentau", 100, 100, 60_000, false));
        placer.offer(at("Shymkent", 100, 100, 1_000_000, false));
        List<PlacedLabel> placed = place(placer);
        assertEquals(List.of("Shymkent"), placed.stream().map(PlacedLabel::text).toList());
    }

    @Test
    void aMovableLabelTakesAnotherSideInsteadOfOverlapping() {
        LabelPlacer placer = new LabelPlacer();
        placer.offer(at("Shymkent", 100, 100, 1_000_000, false));
        placer.offer(at("Kentau", 100, 100, 60_000, true));
        List<PlacedLabel> placed = place(placer);
        assertEquals(2, placed.size());
        assertFalse(placed.get(0).box().intersects(placed.get(1).box()));
    }

    @Test
    void labelsKeepOffMarkers() {
        LabelPlacer placer = new LabelPlacer();
        Rectangle2D marker = new Rectangle2D.Double(100, 90, 200, 20);
        placer.obstacle(marker);
        placer.offer(at("Taraz", 100, 100, 1, false));
        assertTrue(place(placer).isEmpty(), "the only position is on the marker, so the label is left out");
    }

    @Test
    void aLabelThatWouldRunOffTheFrameTakesAnotherSideOrIsLeftOut() {
        Rectangle2D frame = new Rectangle2D.Double(0, 0, 400, 300);
        LabelPlacer placer = new LabelPlacer(frame);
        placer.offer(at("Ust-Kamenogorsk", 380, 150, 1000, true));
        placer.offer(at("Nowhere", 399, 299, 1000, true));
        List<PlacedLabel> placed = place(placer);
        assertEquals(1, placed.size(), placed.toString());
        assertTrue(frame.contains(placed.get(0).box()));
        assertTrue(placed.get(0).box().getMaxX() <= 380, "moved to the left of its point");
    }

    @Test
    void aCountIsDrawnOnItsSymbolAndOtherLabelsKeepOff() {
        LabelPlacer placer = new LabelPlacer();
        placer.obstacle(new Rectangle2D.Double(90, 90, 20, 20));
        placer.offerOnSymbol(at("12", 100, 100, 0, true));
        placer.offer(at("Taraz", 100, 100, 1_000_000, true));
        List<PlacedLabel> placed = place(placer);
        assertEquals("12", placed.get(0).text(), "drawn whatever its priority");
        assertTrue(placed.get(0).box().contains(100, 100), "centred on its symbol");
        assertEquals(2, placed.size());
        assertFalse(placed.get(1).box().intersects(placed.get(0).box()));
    }
}
