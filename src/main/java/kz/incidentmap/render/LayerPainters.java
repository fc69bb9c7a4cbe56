package kz.incidentmap.render;

import java.util.EnumMap;
import java.util.Map;
import kz.incidentmap.layers.LayerKind;
import kz.incidentmap.layers.MapLayer;

/**
 * The painter of each kind of layer: the renderer asks a layer its kind and this registry for the
 * painter, so a new kind of layer is a new painter here, not a new branch in the renderer.
 */
final class LayerPainters {

    private final Map<LayerKind, LayerPainter> byKind = new EnumMap<>(LayerKind.class);

    LayerPainters() {
        byKind.put(LayerKind.FEATURES, new FeatureLayerPainter());
        byKind.put(LayerKind.INCIDENTS, new IncidentFramePainter());
        byKind.put(LayerKind.HEATMAP, new HeatmapPainter());
    }

    LayerPainter of(MapLayer layer) {
        return byKind.get(layer.kind());
    }
}
