package kz.incidentmap.render;

import java.util.List;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.feature.simple.SimpleFeatureBuilder;

/** What a frame draws of an indexed incident layer, the groups the painter draws, as features. */
final class FrameFeatures {

    private FrameFeatures() {
    }

    static List<SimpleFeature> of(MapLayer layer, Viewport vp) {
        IncidentFeatureSource source = IncidentLayer.indexed(layer).orElseThrow();
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(FrameLayers.clusterType(source.getSchema()));
        return IncidentFramePainter.groupsOf(vp, layer).stream()
                .map(g -> FrameLayers.groupFeature(fb, source.index(), g)).toList();
    }
}
