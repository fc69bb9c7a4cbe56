package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tile's labels: lines cut to its square, offered again where the tile stands in a frame. */
class TileLabelsTest {

    private static final int S = 100;

    private static List<double[]> clip(double... xy) {
        List<double[]> out = new ArrayList<>();
        TileLabels.clip(xy, S, S, out);
        return out;
    }

    @Test
    void aLineIsCutAtTheSquaresEdges() {
        List<double[]> parts = clip(-50, 50, 50, 50, 150, 50);
        assertEquals(1, parts.size());
        assertArrayEquals(new double[] {0, 50, 50, 50, 100, 50}, parts.get(0), 1e-9);
    }

    @Test
    void aLineThatLeavesAndComesBackIsTwoParts() {
        List<double[]> parts = clip(10, 10, 10, 150, 90, 150, 90, 10);
        assertEquals(2, parts.size());
        assertArrayEquals(new double[] {10, 10, 10, 100}, parts.get(0), 1e-9);
        assertArrayEquals(new double[] {90, 100, 90, 10}, parts.get(1), 1e-9);
    }

    @Test
    void aLineIsCutToARectangle() {
        List<double[]> out = new ArrayList<>();
        TileLabels.clip(new double[] {-10, 5, 300, 5}, 200, 10, out);
        assertArrayEquals(new double[] {0, 5, 200, 5}, out.get(0), 1e-9);
    }

    @Test
    void aLineOutsideGivesNothingAndOneInsideIsKeptWhole() {
        assertEquals(0, clip(-10, -10, -5, 200, -1, 50).size());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, clip(1, 2, 3, 4, 5, 6).get(0));
    }

    /** The two tiles' pieces of one street meet at the same point once placed in the frame. */
    @Test
    void piecesOfAStreetInNeighbouringTilesMeetEndToEnd() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        // The street from (40, 33.3) to (170, 71.9) in frame pixels; tile A at (0, 0), tile B at (100, 0).
        LineLabelCandidate inA = new LineLabelCandidate("Abay", font, Color.BLACK, null, 0, 1,
                List.of(new double[] {40, 33.3, 170, 71.9}));
        LineLabelCandidate inB = new LineLabelCandidate("Abay", font, Color.BLACK, null, 0, 1,
                List.of(new double[] {-60, 33.3, 70, 71.9}));
        LabelPlacer.Offers a = TileLabels.owned(new LabelPlacer.Offers(List.of(), List.of(), List.of(inA), List.of()), S);
        LabelPlacer.Offers b = TileLabels.owned(new LabelPlacer.Offers(List.of(), List.of(), List.of(inB), List.of()), S);
        LabelPlacer frame = new LabelPlacer(new Rectangle2D.Double(0, 0, 300, 100));
        TileLabels.offerAt(frame, a, 0, 0, 300, 100);
        TileLabels.offerAt(frame, b, 100, 0, 300, 100);
        List<LineLabelCandidate> lines = frame.offers().lines();
        assertEquals(2, lines.size());
        double[] left = lines.get(0).parts().get(0);
        double[] right = lines.get(1).parts().get(0);
        assertEquals(left[left.length - 2], right[0], 0);
        assertEquals(left[left.length - 1], right[1], 0);
        assertEquals(100, right[0], 0);
        assertEquals(170, right[right.length - 2], 0);
    }
}
