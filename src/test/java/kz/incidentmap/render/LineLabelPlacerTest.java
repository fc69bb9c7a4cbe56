package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLabelPlacerTest {

    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

    private static LineLabelCandidate street(String name, double priority, double[]... parts) {
        return new LineLabelCandidate(name, FONT, Color.BLACK, Color.WHITE, 1.5, priority, List.of(parts));
    }

    private static BufferedImage image() {
        return new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);
    }

    private static List<PlacedLabel> draw(BufferedImage img, LabelPlacer placer) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        List<PlacedLabel> placed = placer.draw(g);
        g.dispose();
        return placed;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void textReadsLeftToRightWhicheverWayTheLineRuns() {
        BufferedImage eastward = image();
        LabelPlacer a = new LabelPlacer();
        a.offerLine(street("Abai street", 1, new double[] {100, 200, 300, 180}));
        draw(eastward, a);
        BufferedImage westward = image();
        LabelPlacer b = new LabelPlacer();
        b.offerLine(street("Abai street", 1, new double[] {300, 180, 100, 200}));
        draw(westward, b);
        int[] p = pixels(eastward);
        assertTrue(Arrays.stream(p).anyMatch(v -> v != 0), "something was drawn");
        assertTrue(Arrays.equals(p, pixels(westward)), "same picture: the westward line's name is not upside down");
    }

    @Test
    void aLongStreetIsNamedMoreThanOnceAndAShortOneNotAtAll() {
        LabelPlacer placer = new LabelPlacer();
        placer.offerLine(street("Tole Bi avenue", 1, new double[] {10, 100, 790, 110}));
        placer.offerLine(street("Very long name of a short lane", 1, new double[] {10, 300, 60, 300}));
        List<PlacedLabel> placed = draw(image(), placer);
        assertEquals(2, placed.stream().filter(l -> l.text().equals("Tole Bi avenue")).count(), placed.toString());
        assertTrue(placed.stream().noneMatch(l -> l.text().startsWith("Very long")));
    }

    @Test
    void piecesOfOneStreetAreJoinedAcrossCrossings() {
        LabelPlacer placer = new LabelPlacer();
        // Two short stretches of the same street that meet; neither alone is long enough for the name.
        placer.offerLine(street("Kazybek Bi street", 1, new double[] {100, 50, 100, 110}));
        placer.offerLine(street("Kazybek Bi street", 1, new double[] {100, 110, 100, 170}));
        assertEquals(1, draw(image(), placer).size());
    }

    @Test
    void crossingStreetNamesDoNotOverlapAndPointLabelsComeFirst() {
        LabelPlacer placer = new LabelPlacer();
        placer.offer(new LabelCandidate("Central food market", FONT, Color.BLACK, null, 0, 400, 200, 0.5, 0.5, 0, 0,
                1000, false));
        placer.offerLine(street("Abai street", 600, new double[] {250, 200, 550, 200}));
        placer.offerLine(street("Kazybek Bi street", 500, new double[] {400, 60, 400, 340}));
        List<PlacedLabel> placed = draw(image(), placer);
        assertEquals(3, placed.size(), placed.toString());
        PlacedLabel market = placed.get(0);
        assertEquals("Central food market", market.text());
        for (PlacedLabel line : placed.subList(1, 3)) {
            assertFalse(line.box().intersects(market.box()), line + " covers the point label");
        }
    }

    @Test
    void aSharpBendIsNotWrittenAcross() {
        LabelPlacer placer = new LabelPlacer();
        // A hairpin exactly where the name would go.
        placer.offerLine(street("Hairpin", 1, new double[] {100, 100, 140, 100, 100, 104}));
        assertTrue(draw(image(), placer).isEmpty());
    }

    @Test
    void screenPolylineMeasuresAlongItself() {
        ScreenPolyline l = new ScreenPolyline(new double[] {0, 0, 30, 40, 30, 100});
        assertEquals(110, l.length(), 1e-9);
        assertEquals(30, l.pointAt(80).getX(), 1e-9);
        assertEquals(70, l.pointAt(80).getY(), 1e-9);
        assertEquals(Math.PI / 2, l.angleAt(80), 1e-9);
        assertEquals(15, l.pointAt(25).getX(), 1e-9);
        assertEquals(20, l.pointAt(25).getY(), 1e-9);
        assertEquals(Math.atan2(40, 30), l.angleAt(10), 1e-9);
        assertEquals(Math.atan2(40, 30), l.angleAt(50), 1e-9, "at a vertex, the segment that ends there");
        assertEquals(0, l.reversed().pointAt(110).getX(), 1e-9);
    }
}
