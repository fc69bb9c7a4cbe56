package kz.incidentmap.model;

/**
 * What the map needs of a road's OpenStreetMap tags beyond its class: the road number and how it lies
 * against the roads it crosses.
 *
 * @param ref the {@code ref} tag ("M-39", "A-2"), or null
 * @param oneway 1 when it is one-way in the direction the way is drawn ({@code oneway=yes}, {@code 1},
 *     {@code true}), -1 when against it ({@code oneway=-1}, {@code reverse}), 0 when two-way
 * @param layer the {@code layer} tag, -5..5; 0 when absent
 * @param bridge whether it is on a bridge
 * @param tunnel whether it is in a tunnel
 */
public record RoadTags(String ref, int oneway, int layer, boolean bridge, boolean tunnel) {

    /** No tags: a road at ground level, two-way, without a number; and every feature that is no road. */
    public static final RoadTags NONE = new RoadTags(null, 0, 0, false, false);

    /** Whether it is one-way, in either direction. */
    public boolean isOneway() {
        return oneway != 0;
    }

    /**
     * Where it is drawn among the roads: above those of a lower level, below those of a higher one. The
     * {@code layer} tag when given, else a bridge above the ground (1) and a tunnel below it (-1).
     */
    public int level() {
        if (layer != 0) {
            return layer;
        }
        return bridge ? 1 : tunnel ? -1 : 0;
    }
}
