package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.layers.IncidentIndex;
import org.locationtech.jts.geom.Envelope;

/**
 * The clusters a frame drew, layer by layer, with the index, area and cell size they were formed from:
 * what a click on that frame hits, handed to identify by whoever shows the frame. Immutable.
 */
public final class FrameGroups {

    /** No groups: a click forms those around it. */
    public static final FrameGroups NONE = new FrameGroups(List.of());

    /** The groups one frame drew of one index. */
    record Drawn(IncidentIndex index, Envelope area, double cell, List<IndexClusterer.Group> groups) {
    }

    private final List<Drawn> drawn;

    FrameGroups(List<Drawn> drawn) {
        this.drawn = List.copyOf(drawn);
    }

    /**
     * The groups drawn of {@code index} over {@code area} (a frame's gathered area) with cells of
     * {@code cell} metres, if this frame drew them: a frame of another view, or of the index before an
     * edit, drew other groups.
     */
    public Optional<List<IndexClusterer.Group>> of(IncidentIndex index, Envelope area, double cell) {
        for (Drawn d : drawn) {
            if (d.index() == index && d.cell() == cell && d.area().equals(area)) {
                return Optional.of(d.groups());
            }
        }
        return Optional.empty();
    }

    /** Collects the groups of a frame as its layers are drawn; one frame's, one thread's. */
    static final class Builder {
        private final List<Drawn> drawn = new ArrayList<>();

        void add(IncidentIndex index, Envelope area, double cell, List<IndexClusterer.Group> groups) {
            drawn.add(new Drawn(index, new Envelope(area), cell, groups));
        }

        FrameGroups build() {
            return drawn.isEmpty() ? NONE : new FrameGroups(drawn);
        }
    }
}
