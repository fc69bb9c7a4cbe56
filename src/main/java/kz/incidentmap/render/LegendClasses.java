package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.Filter;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Envelope;

/**
 * Which classes of an incident layer's legend a frame shows: the rules that some symbol drawn in the
 * frame (a single incident, a cluster, a stack) is drawn by. A page's legend then lists the two types
 * a filtered map shows, not all eight. Layers other than an indexed incident layer show every class.
 */
final class LegendClasses {

    private LegendClasses() {
    }

    /** Whether each rule of {@code style} (the legend style of {@code layer}) draws something in {@code vp}. */
    static Predicate<Rule> drawnIn(MapLayer layer, Style style, Viewport vp) {
        IncidentFeatureSource source = IncidentLayer.indexed(layer).orElse(null);
        if (source == null) {
            return r -> true;
        }
        List<Rule> rules = new ArrayList<>();
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            rules.addAll(fts.rules());
        }
        Map<Rule, Boolean> drawn = new IdentityHashMap<>();
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(FrameLayers.clusterType(source.getSchema()));
        Envelope frame = vp.bounds();
        for (IndexClusterer.Group g : IncidentFramePainter.groupsOf(vp, layer)) {
            if (drawn.size() == rules.size()) {
                break;
            }
            if (!frame.contains(g.x(), g.y())) {
                continue;
            }
            SimpleFeature f = FrameLayers.groupFeature(fb, source.index(), g);
            for (Rule r : rules) {
                if (!drawn.containsKey(r) && (r.getFilter() == null || r.getFilter() == Filter.INCLUDE || r.getFilter().evaluate(f))) {
                    drawn.put(r, true);
                }
            }
        }
        return drawn::containsKey;
    }
}
