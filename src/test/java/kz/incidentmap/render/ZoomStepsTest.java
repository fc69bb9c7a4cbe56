package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wheel and the keys step through one ladder of scales, so that a scale's tiles serve every visit. */
class ZoomStepsTest {

    private static final Viewport TOWN = Viewport.atScale(1_000_000, 5_000_000, 5_000, 1920, 1080);

    @Test
    void aNotchInAndOutLandsOnTheVeryResolutionOfBefore() {
        Viewport on = ZoomSteps.wheel(TOWN, 300, 200, 40);
        for (int i = 0; i < 20; i++) {
            Viewport in = ZoomSteps.wheel(on, 700, 100 + i * 30, 40);
            Viewport back = ZoomSteps.wheel(in, 10 * i, 500, -40);
            assertEquals(on.metresPerPixel(), back.metresPerPixel(), 0.0, "exactly the same resolution");
            on = back.pannedBy(37, 11);
        }
    }

    @Test
    void aKeyHalvesTheScaleExactlyOnTheLadderOrOffIt() {
        Viewport in = ZoomSteps.stepped(TOWN, 960, 540, ZoomSteps.KEY_RUNGS);
        assertEquals(TOWN.metresPerPixel() / 2, in.metresPerPixel(), 0.0, "1:5,000 to 1:2,500");
        assertEquals(TOWN.metresPerPixel(), ZoomSteps.stepped(in, 960, 540, -ZoomSteps.KEY_RUNGS).metresPerPixel(), 0.0);
    }

    @Test
    void aKeyIsThreeNotchesTwiceTheScale() {
        Viewport on = ZoomSteps.stepped(TOWN, 960, 540, 1);
        Viewport key = ZoomSteps.stepped(on, 960, 540, ZoomSteps.KEY_RUNGS);
        Viewport wheel = on;
        for (int i = 0; i < 3; i++) {
            wheel = ZoomSteps.wheel(wheel, 960, 540, 40);
        }
        assertEquals(wheel.metresPerPixel(), key.metresPerPixel(), 0.0);
        assertEquals(on.metresPerPixel() / 2, key.metresPerPixel(), 0.0);
    }

    @Test
    void aViewOffTheLadderStepsToTheNextRungInTheZoomsDirection() {
        double scale = TOWN.scaleDenominator();
        double in = ZoomSteps.wheel(TOWN, 0, 0, 40).scaleDenominator();
        double out = ZoomSteps.wheel(TOWN, 0, 0, -40).scaleDenominator();
        // 1:5,000 lies between the rungs 1:4,000 and 1:5,040.
        assertEquals(4_000, in, 1e-6, "in to the rung below");
        assertEquals(ZoomSteps.nearestRungScale(5_000), out, 1e-6, "out to the rung above");
        assertTrue(in < scale && out > scale && out < scale * 1.26, "by less than a notch: 1:" + in + ", 1:" + out);
    }

    @Test
    void theWheelKeepsThePointUnderThePointer() {
        Viewport in = ZoomSteps.wheel(TOWN, 300, 200, 40);
        var before = TOWN.toWorld(300, 200);
        var after = in.toWorld(300, 200);
        assertEquals(before.x, after.x, 1e-6);
        assertEquals(before.y, after.y, 1e-6);
    }

    @Test
    void aTouchpadsFractionOfANotchZoomsFreely() {
        Viewport a = ZoomSteps.wheel(TOWN, 960, 540, 4);
        assertEquals(TOWN.metresPerPixel() / Math.pow(2, 0.1 / 3), a.metresPerPixel(), 1e-12);
    }
}
