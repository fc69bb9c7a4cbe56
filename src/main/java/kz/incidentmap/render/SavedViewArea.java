package kz.incidentmap.render;

import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.SavedView;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Where a saved view looks: the same for the window and for {@code snapshot --view}. */
public final class SavedViewArea {

    private SavedViewArea() {
    }

    /**
     * The view's box centred at the scale it was saved at; a view saved without a scale (from the
     * command line) fits its box.
     */
    public static Viewport viewport(SavedView v, int width, int height, MapProjection projection) {
        Envelope box = new Envelope(v.minLon(), v.maxLon(), v.minLat(), v.maxLat());
        if (Double.isNaN(v.scale())) {
            return Viewport.fitting(projection.toMap(box), width, height, 0, projection);
        }
        Coordinate c = projection.toMap(box.centre().x, box.centre().y);
        return Viewport.atScale(c.x, c.y, Math.max(Viewport.MIN_SCALE, Math.min(Viewport.MAX_SCALE, v.scale())),
                width, height, projection);
    }
}
