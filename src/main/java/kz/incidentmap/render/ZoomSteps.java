package kz.incidentmap.render;

import java.util.List;

/**
 * The scales the window's wheel and +/− keys step through, as a web map's zoom levels: a ladder of
 * scales three to a doubling (1:1,000, 1:1,260, 1:1,587, 1:2,000, …, 1:5,040, … 1:25,398, …). A wheel's
 * notch is one rung (about 1.26 times); a view off the ladder (the whole country fitted to the window, a
 * searched city) steps to the next rung in the direction of the zoom. A key or button doubles or halves
 * the scale exactly, which on the ladder is three rungs. Every step lands on a resolution computed from
 * its rung alone (or exactly twice or half the one before), so that going in and back out lands on the
 * very resolution of before and the tiles drawn for a scale, kept or drawn ahead, are those the next
 * frame at it needs. A touchpad's fraction of a notch zooms freely, off the ladder.
 */
public final class ZoomSteps {

    /** Rungs in a doubling of the scale. */
    public static final int RUNGS_PER_DOUBLING = 3;
    /** A wheel's notch, as JavaFX reports it (the scroll event's delta for one notch). */
    public static final double NOTCH_DELTA = 40;
    /** Rungs the +/− keys and buttons take: twice or half the scale. */
    public static final int KEY_RUNGS = RUNGS_PER_DOUBLING;
    /** The ladder's foot: 1:1,000. */
    private static final double FOOT = 1_000 * Viewport.STANDARD_PIXEL_METRES;
    /** How near a rung a resolution counts as on it (a relative difference). */
    private static final double ON_RUNG = 1e-9;
    /** The rungs within a doubling, above its foot. */
    private static final double SECOND_RUNG = Math.pow(2, 1.0 / RUNGS_PER_DOUBLING);
    private static final double THIRD_RUNG = Math.pow(2, 2.0 / RUNGS_PER_DOUBLING);

    private ZoomSteps() {
    }

    /**
     * The view after a wheel's turn of {@code delta} (positive zooms in) about pixel (px, py): whole notches
     * step the ladder, a fraction of one zooms by that fraction of a notch.
     */
    public static Viewport wheel(Viewport vp, double px, double py, double delta) {
        double notches = delta / NOTCH_DELTA;
        if (notches != Math.rint(notches)) {
            return vp.zoomedAt(px, py, Math.pow(2, notches / RUNGS_PER_DOUBLING));
        }
        return stepped(vp, px, py, (int) notches);
    }

    /**
     * The view {@code rungs} rungs in (positive) or out (negative) about pixel (px, py), at the resolution of
     * the rung it lands on.
     */
    public static Viewport stepped(Viewport vp, double px, double py, int rungs) {
        if (rungs == 0) {
            return vp;
        }
        if (rungs % RUNGS_PER_DOUBLING == 0) {
            // Whole doublings: exact in binary, on the ladder or off it (the keys from the country's view).
            return vp.zoomedAtResolution(px, py, Math.scalb(vp.metresPerPixel(), -rungs / RUNGS_PER_DOUBLING));
        }
        double at = Math.log(vp.metresPerPixel() / FOOT) / Math.log(2) * RUNGS_PER_DOUBLING;
        long near = Math.round(at);
        boolean onRung = Math.abs(resolution(near) / vp.metresPerPixel() - 1) < ON_RUNG;
        long target;
        if (onRung) {
            target = near - rungs;
        } else if (rungs > 0) {
            target = (long) Math.floor(at) - (rungs - 1); // the first rung in is the one just below
        } else {
            target = (long) Math.ceil(at) - (rungs + 1);
        }
        return vp.zoomedAtResolution(px, py, resolution(target));
    }

    /**
     * The resolution of rung {@code k}, metres per pixel: the same double whichever way it is reached, and
     * exactly twice that of rung {@code k - 3}.
     */
    static double resolution(long k) {
        long within = Math.floorMod(k, RUNGS_PER_DOUBLING);
        double rung = within == 0 ? 1 : within == 1 ? SECOND_RUNG : THIRD_RUNG;
        return Math.scalb(FOOT * rung, (int) Math.floorDiv(k, RUNGS_PER_DOUBLING));
    }

    /** The scale of the rung nearest {@code scaleDenominator}. */
    public static double nearestRungScale(double scaleDenominator) {
        double at = Math.log(scaleDenominator * Viewport.STANDARD_PIXEL_METRES / FOOT) / Math.log(2) * RUNGS_PER_DOUBLING;
        return resolution(Math.round(at)) / Viewport.STANDARD_PIXEL_METRES;
    }

    /**
     * The views the user may ask for next from {@code vp}, likeliest first: the wheel's notch in and out
     * about the pointer at (px, py), then the keys' step in and out about the centre.
     */
    public static List<Viewport> next(Viewport vp, double px, double py) {
        double cx = vp.width() / 2.0;
        double cy = vp.height() / 2.0;
        return List.of(stepped(vp, px, py, 1), stepped(vp, px, py, -1), stepped(vp, cx, cy, KEY_RUNGS),
                stepped(vp, cx, cy, -KEY_RUNGS));
    }
}
