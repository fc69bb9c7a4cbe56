package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.layers.BoundaryChoice;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * The view and the layers as the window was closed, kept in the {@link WindowSettings} and given back at
 * the next start: centre and scale; each layer shown or hidden, its opacity and the drawing order; how
 * the incidents are coloured and whether they cluster. A value that cannot be used (a view far off the
 * map, a layer that no longer exists) is left out. JavaFX thread only.
 */
final class ViewMemory {

    private ViewMemory() {
    }

    /** The boundaries chosen, which the layers' visibility gives too, for a store without imported ones. */
    private static final String BOUNDARIES = "boundaries.chosen";

    static void remember(WindowSettings s, Viewport vp, MapModel model, IncidentStyling styling) {
        if (vp != null) {
            s.put("view.x", vp.centerX());
            s.put("view.y", vp.centerY());
            s.put("view.scale", vp.scaleDenominator());
        }
        if (model == null) {
            return;
        }
        s.clear("layer.");
        List<String> order = new ArrayList<>();
        for (MapLayer l : model.layers()) {
            order.add(l.name());
            s.put("layer." + l.name() + ".visible", Boolean.toString(l.visible()));
            s.put("layer." + l.name() + ".opacity", l.opacity());
            s.put("layer." + l.name() + ".presentation", l.presentation().name());
        }
        s.put("layers.order", String.join(",", order));
        s.put(BOUNDARIES, BoundaryChoice.of(model).name());
        s.put("incidents.styling", styling.name());
    }

    /** The view remembered, if its centre lies within {@code area} (map metres) and its scale is one the map shows. */
    static Optional<Viewport> view(WindowSettings s, Envelope area, int width, int height) {
        Optional<Double> x = s.number("view.x");
        Optional<Double> y = s.number("view.y");
        Optional<Double> scale = s.number("view.scale");
        if (x.isEmpty() || y.isEmpty() || scale.isEmpty() || !area.contains(x.get(), y.get())
                || scale.get() < Viewport.MIN_SCALE || scale.get() > Viewport.MAX_SCALE) {
            return Optional.empty();
        }
        return Optional.of(Viewport.atScale(x.get(), y.get(), scale.get(), width, height));
    }

    /** {@code model} with the layers shown, faded, clustered and ordered as remembered. */
    static MapModel layers(WindowSettings s, MapModel model) {
        List<MapLayer> out = new ArrayList<>();
        for (MapLayer l : model.layers()) {
            MapLayer changed = l;
            String key = "layer." + l.name() + ".";
            Optional<String> visible = s.get(key + "visible");
            if (visible.isPresent()) {
                changed = changed.withVisible(Boolean.parseBoolean(visible.get()));
            }
            Optional<Double> opacity = s.number(key + "opacity").filter(o -> o >= 0 && o <= 1);
            if (opacity.isPresent()) {
                changed = changed.withOpacity(opacity.get());
            }
            Optional<LayerPresentation> shown = s.get(key + "presentation").flatMap(ViewMemory::presentation);
            if (shown.isPresent()) {
                changed = changed.withPresentation(shown.get());
            }
            out.add(changed);
        }
        List<String> order = List.of(s.get("layers.order").orElse("").split(","));
        // The order is given back only for the same layers (an import may have added street layers since).
        if (new HashSet<>(order).equals(new HashSet<>(out.stream().map(MapLayer::name).toList()))) {
            out.sort(Comparator.comparingInt(l -> order.indexOf(l.name())));
        }
        MapModel restored = new MapModel(out);
        // Imported boundaries chosen with another store: this one has none, so its map keeps the shipped ones
        // rather than no oblasts at all.
        if (s.get(BOUNDARIES).filter(BoundaryChoice.IMPORTED.name()::equals).isPresent()
                && !BoundaryChoice.available(restored)) {
            return BoundaryChoice.SHIPPED.applyTo(restored);
        }
        return restored;
    }

    static IncidentStyling styling(WindowSettings s) {
        try {
            return IncidentStyling.valueOf(s.get("incidents.styling").orElse(IncidentStyling.BY_TYPE.name()));
        } catch (IllegalArgumentException e) {
            return IncidentStyling.BY_TYPE;
        }
    }

    private static Optional<LayerPresentation> presentation(String name) {
        try {
            return Optional.of(LayerPresentation.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
