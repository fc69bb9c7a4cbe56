package kz.incidentmap.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers as a user set them — each shown or hidden, its opacity, its presentation and its place in
 * the drawing order — and how the incidents are coloured: what a saved view keeps of the layers, as JSON.
 * Layers it names that a map does not have are passed over; layers it does not name are left as they are.
 *
 * @param layers each layer's settings, topmost last (the drawing order)
 * @param styling how the incidents are coloured
 */
public record LayerSettings(List<Layer> layers, IncidentStyling styling) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One layer's settings. */
    public record Layer(String name, boolean visible, double opacity, LayerPresentation presentation) {
    }

    public LayerSettings {
        layers = List.copyOf(layers);
    }

    /** The settings of {@code model}'s layers now. */
    public static LayerSettings of(MapModel model, IncidentStyling styling) {
        return new LayerSettings(model.layers().stream()
                .map(l -> new Layer(l.name(), l.visible(), l.opacity(), l.presentation())).toList(), styling);
    }

    /** {@code model} with these settings; the drawing order is given back only for the same set of layers. */
    public MapModel applyTo(MapModel model) {
        Map<String, Layer> byName = new java.util.HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        List<MapLayer> out = new ArrayList<>();
        for (MapLayer l : model.layers()) {
            Layer s = byName.get(l.name());
            out.add(s == null ? l : l.withVisible(s.visible()).withOpacity(Math.max(0, Math.min(1, s.opacity())))
                    .withPresentation(s.presentation()));
        }
        List<String> order = layers.stream().map(Layer::name).toList();
        if (new HashSet<>(order).equals(new HashSet<>(out.stream().map(MapLayer::name).toList()))) {
            out.sort(Comparator.comparingInt(l -> order.indexOf(l.name())));
        }
        MapModel applied = new MapModel(out);
        // Saved with imported boundaries, shown with a store that has none: the shipped oblasts, not none.
        boolean importedChosen = layers.stream().anyMatch(l -> l.visible() && (l.name().equals(AdminLayers.OBLASTS_LAYER)
                || l.name().equals(AdminLayers.DISTRICTS_LAYER)));
        return importedChosen && !BoundaryChoice.available(applied) ? BoundaryChoice.SHIPPED.applyTo(applied) : applied;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("layer settings could not be written as JSON", e);
        }
    }

    /** The settings written by {@link #toJson}; empty when the text holds none (written by another program). */
    public static Optional<LayerSettings> fromJson(String json) {
        try {
            LayerSettings s = JSON.readValue(json, LayerSettings.class);
            return s.layers() == null || s.styling() == null ? Optional.empty() : Optional.of(s);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
