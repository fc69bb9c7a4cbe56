package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid of label obstacles answers as a plain scan over every rectangle would. */
class BoxGridTest {

    private static Rectangle2D box(Random rnd, double maxSide) {
        return new Rectangle2D.Double(rnd.nextDouble() * 2000 - 40, rnd.nextDouble() * 1200 - 40,
                rnd.nextDouble() * maxSide, rnd.nextDouble() * maxSide);
    }

    @Test
    void meetsExactlyTheBoxesAPlainScanMeets() {
        Random rnd = new Random(11);
        BoxGrid grid = new BoxGrid();
        List<Rectangle2D> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Rectangle2D b = box(rnd, i % 50 == 0 ? 300 : 12);
            grid.add(b);
            all.add(b);
        }
        int hits = 0;
        for (int i = 0; i < 5000; i++) {
            Rectangle2D q = box(rnd, 80);
            boolean plain = all.stream().anyMatch(b -> b.intersects(q));
            assertEquals(plain, grid.intersects(q), "query " + q);
            hits += plain ? 1 : 0;
        }
        // Both answers occur, so the comparison means something.
        assertEquals(true, hits > 100 && hits < 4900, hits + " of 5000 queries hit");
    }

    @Test
    void boxesThatOnlyTouchDoNotMeet() {
        BoxGrid grid = new BoxGrid();
        grid.add(new Rectangle2D.Double(0, 0, 64, 64));
        assertEquals(false, grid.intersects(new Rectangle2D.Double(64, 0, 10, 10)));
        assertEquals(true, grid.intersects(new Rectangle2D.Double(63.5, 0, 10, 10)));
        assertEquals(true, grid.intersects(new Rectangle2D.Double(-5, -5, 6, 6)), "a box reaching in from outside the grid");
    }
}
