package kz.incidentmap.render;

import org.locationtech.jts.geom.Envelope;

/**
 * How far beyond a frame its layers are read and their shapes clipped: a symbol whose geometry lies
 * just outside but which reaches into the frame is drawn whole, and the edge a clip cuts into a shape
 * stays out of sight. One rule for the feature layers, the clip and the incident groups; the heat map
 * reads as far as its kernel reaches instead ({@link HeatmapPainter}). Labels are not covered: a label
 * whose point lies beyond the margin is not drawn, even where its text would reach into the frame.
 */
public final class FrameMargin {

    /**
     * No symbol of the map's styles is drawn farther than this from its geometry, pixels: the widest road
     * at street scales is 36 px across, a cluster circle at most 42 px, an incident marker 12 + 2.5 √casualties
     * and its outline (79 px at 700 killed and wounded; a larger one just outside the frame may show cut).
     */
    public static final double SYMBOL_REACH_PX = 40;

    private FrameMargin() {
    }

    /** The frame and the reach of a symbol around it: every feature whose symbol may show in the frame. */
    public static Envelope symbols(Viewport vp) {
        return grown(vp, SYMBOL_REACH_PX);
    }

    /**
     * The frame and, around it, one cell and the reach of a symbol: the points of every group whose symbol
     * may show in the frame: a group is drawn at the middle of its members, which may lie a cell from it.
     */
    public static Envelope groups(Viewport vp, double cellPx) {
        return grown(vp, cellPx + SYMBOL_REACH_PX);
    }

    private static Envelope grown(Viewport vp, double px) {
        Envelope area = vp.bounds();
        area.expandBy(vp.metresPerPixel() * px);
        return area;
    }
}
