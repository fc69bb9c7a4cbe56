package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.geotools.api.data.SimpleFeatureSource;

/**
 * The map: an ordered, immutable list of layers, drawn first to last (the last on top). Changing a
 * layer gives a new model, so a render request holds exactly the layers it was made with.
 */
public record MapModel(List<MapLayer> layers) {

    public MapModel {
        layers = List.copyOf(layers);
    }

    public Optional<MapLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The layers a user sees, bottom to top. */
    public List<MapLayer> visibleLayers() {
        return layers.stream().filter(MapLayer::visible).toList();
    }

    /**
     * A model with the named layer replaced by {@code change} applied to it. A heat map drawn from that
     * layer's features follows it when the change gives the layer new features.
     */
    public MapModel with(String name, UnaryOperator<MapLayer> change) {
        List<MapLayer> copy = new ArrayList<>(layers);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(name)) {
                MapLayer before = copy.get(i);
                copy.set(i, change.apply(before));
                followSource(copy, before.source(), copy.get(i).source());
            }
        }
        return new MapModel(copy);
    }

    /**
     * A model whose incident layer draws {@code changed} (the incidents after an edit or an import): the
     * layer keeps its style and whether it is shown, and the heat map of it follows.
     */
    public MapModel withIncidents(IncidentFeatureSource changed) {
        return with(IncidentLayer.NAME, old -> old.withSource(changed));
    }

    private static void followSource(List<MapLayer> layers, SimpleFeatureSource before, SimpleFeatureSource after) {
        if (before == after) {
            return;
        }
        for (int j = 0; j < layers.size(); j++) {
            MapLayer l = layers.get(j);
            if (l.presentation() == LayerPresentation.HEATMAP && l.source() == before) {
                layers.set(j, l.withSource(after));
            }
        }
    }

    /**
     * A model with its street layers replaced by {@code streets}, put where the first of them stood
     * (below the cities when there were none). A layer of the same name as one replaced keeps whether it
     * was shown and its opacity: a street import changes what the street layers hold, not how the map was
     * set up.
     */
    public MapModel withStreets(List<MapLayer> streets) {
        List<MapLayer> kept = new ArrayList<>();
        Map<String, MapLayer> replaced = new HashMap<>();
        int at = -1;
        for (MapLayer l : layers) {
            if (StreetLayers.isStreetLayer(l.name())) {
                at = at < 0 ? kept.size() : at;
                replaced.put(l.name(), l);
            } else {
                kept.add(l);
            }
        }
        if (at < 0) {
            at = layer(BasemapLayers.CITIES).map(kept::indexOf).orElse(kept.size());
        }
        kept.addAll(at, streets.stream().map(l -> {
            MapLayer before = replaced.get(l.name());
            return before == null ? l : l.withVisible(before.visible()).withOpacity(before.opacity());
        }).toList());
        return new MapModel(kept);
    }

    /**
     * A model with the named layer moved {@code steps} places up the drawing order (towards the top,
     * drawn later) or down for negative steps, stopping at either end.
     */
    public MapModel moved(String name, int steps) {
        List<MapLayer> copy = new ArrayList<>(layers);
        int from = -1;
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(name)) {
                from = i;
            }
        }
        if (from < 0) {
            return this;
        }
        int to = Math.max(0, Math.min(copy.size() - 1, from + steps));
        copy.add(to, copy.remove(from));
        return new MapModel(copy);
    }

    /** The credit lines of the visible layers, without repeats, in layer order. */
    public List<String> attributions() {
        return visibleLayers().stream().map(MapLayer::attribution).filter(a -> a != null && !a.isBlank())
                .distinct().toList();
    }
}
