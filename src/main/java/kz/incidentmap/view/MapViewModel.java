package kz.incidentmap.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.layers.UnknownPlaceException;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;

/**
 * The state and logic behind the map window, without any JavaFX controls: what is loaded, what the
 * view shows, what is selected, and what the status bar says. Properties are changed on the JavaFX
 * thread; {@link #identify} is pure and is called on a worker thread.
 */
final class MapViewModel {

    /** Layers whose features cover the land: hitting only these is a click on empty map. */
    private static final Set<String> AREA_LAYERS =
            Set.of(BasemapLayers.COUNTRIES, BasemapLayers.OBLASTS);

    private final ObjectProperty<LoadedMap> map = new SimpleObjectProperty<>(this, "map");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<List<Hit>> selection = new SimpleObjectProperty<>(this, "selection", List.of());
    private final StringProperty pointer = new SimpleStringProperty(this, "pointer", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "Loading map\u2026");
    private final IdentifyService identifyService = new IdentifyService();
    private Map<String, Incident> incidents = Map.of();

    ObjectProperty<LoadedMap> mapProperty() {
        return map;
    }

    ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    ObjectProperty<List<Hit>> selectionProperty() {
        return selection;
    }

    StringProperty pointerProperty() {
        return pointer;
    }

    StringProperty messageProperty() {
        return message;
    }

    /** Takes a freshly loaded map and shows all of Kazakhstan. */
    void loaded(LoadedMap loaded, List<Incident> records, int width, int height) {
        Map<String, Incident> byId = new LinkedHashMap<>();
        records.forEach(i -> byId.put(i.id(), i));
        incidents = byId;
        map.set(loaded);
        viewport.set(Viewport.fitting(loaded.home(), Math.max(1, width), Math.max(1, height), 20));
        message.set(records.size() + " incidents loaded");
    }

    /** Takes a map loaded again (after an import) and keeps the current view. */
    void reloaded(LoadedMap loaded) {
        map.set(loaded);
        message.set("Street layers updated");
    }

    Optional<Incident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    /** Every incident shown, in load order. */
    List<Incident> incidents() {
        return List.copyOf(incidents.values());
    }

    /** The first incident of the selection (the one drawn on top), if an incident is selected. */
    Optional<Incident> selectedIncident() {
        return selection.get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer()))
                .map(h -> incidents.get(h.featureId())).filter(Objects::nonNull).findFirst();
    }

    /**
     * Takes an edit: the incident with {@code id} is now {@code now} (null: removed). The incident layer
     * is rebuilt from the records in memory and the view stays where it is; the selection is shown again
     * so the details follow the change.
     */
    void incidentChanged(String id, Incident now) {
        Map<String, Incident> copy = new LinkedHashMap<>(incidents);
        if (now == null) {
            copy.remove(id);
        } else {
            copy.put(id, now);
        }
        showIncidents(copy);
        List<Hit> kept = selection.get().stream()
                .filter(h -> !IncidentLayer.NAME.equals(h.layer()) || copy.containsKey(h.featureId())).toList();
        selection.set(kept.stream().anyMatch(h -> IncidentLayer.NAME.equals(h.layer())) ? List.copyOf(kept) : List.of());
    }

    /** Takes a new set of records (after an import); the view stays where it is. */
    void incidentsReplaced(List<Incident> records) {
        Map<String, Incident> byId = new LinkedHashMap<>();
        records.forEach(i -> byId.put(i.id(), i));
        showIncidents(byId);
        selection.set(List.of());
    }

    private void showIncidents(Map<String, Incident> byId) {
        incidents = byId;
        LoadedMap m = map.get();
        if (m != null) {
            List<Incident> list = List.copyOf(byId.values());
            // Only the features change: the layer keeps its style and whether it is shown.
            map.set(new LoadedMap(m.model().with(IncidentLayer.NAME,
                    old -> old.withSource(IncidentLayer.of(list, MapProjection.kazakhstan()).source())),
                    m.gazetteer(), m.home()));
        }
    }

    /** Back to all of Kazakhstan. */
    void home() {
        Viewport vp = viewport.get();
        if (map.get() != null && vp != null) {
            viewport.set(Viewport.fitting(map.get().home(), vp.width(), vp.height(), 20));
        }
    }

    /**
     * Zooms to the named city; returns an error message for an unknown name (the view is unchanged).
     */
    Optional<String> zoomToCity(String name) {
        LoadedMap m = map.get();
        Viewport vp = viewport.get();
        if (m == null || vp == null) {
            return Optional.of("The map is still loading");
        }
        if (name == null || name.isBlank()) {
            return Optional.of("Type a city name, e.g. Taraz or Тараз");
        }
        try {
            Gazetteer.Place p = m.gazetteer().require(name);
            Coordinate c = MapProjection.kazakhstan().toMap(p.lon(), p.lat());
            viewport.set(Viewport.atScale(c.x, c.y, p.zoomScale(), vp.width(), vp.height()));
            message.set("Zoomed to " + p.name());
            return Optional.empty();
        } catch (UnknownPlaceException e) {
            String text = Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1);
            message.set(text);
            return Optional.of(text);
        }
    }

    /** Worker thread: what a click at (x, y) of {@code vp} hits. */
    List<Hit> identify(LoadedMap m, Viewport vp, double x, double y) throws java.io.IOException {
        return identifyService.identify(m.model(), vp, x, y, IdentifyService.DEFAULT_TOLERANCE_PX);
    }

    /**
     * Shows the hits of a click. A click that hits only areas (the country, an oblast) counts as a
     * click on empty map: it clears the selection and names the areas in the status bar. A click on a
     * cluster zooms to its incidents and selects them all.
     */
    void select(List<Hit> clicked) {
        List<Hit> hits = clicked;
        Optional<ClusterClick> cluster = ClusterClick.of(clicked, incidents::get, viewport.get());
        if (cluster.isPresent()) {
            viewport.set(cluster.get().zoomTo());
            hits = cluster.get().members();
        }
        List<Hit> shown = hits.stream().filter(h -> !AREA_LAYERS.contains(h.layer())).toList();
        selection.set(shown.isEmpty() ? List.of() : List.copyOf(hits));
        long n = shown.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).count();
        if (shown.isEmpty()) {
            message.set(hits.stream().map(h -> String.valueOf(h.attributes().get("name")))
                    .collect(Collectors.joining(" \u00b7 ")));
        } else {
            message.set(n > 1 ? n + " incidents here" : n == 1 ? "1 incident" : shown.get(0).layerTitle());
        }
    }

    /** Changes the layers (visibility, opacity, order, style); the map redraws with the new model. */
    void updateModel(UnaryOperator<MapModel> change) {
        LoadedMap m = map.get();
        if (m != null) {
            map.set(new LoadedMap(change.apply(m.model()), m.gazetteer(), m.home()));
        }
    }

    /** Map points (metres) of the selected incidents, for highlight rings. */
    List<double[]> selectedPoints() {
        MapProjection proj = MapProjection.kazakhstan();
        return selection.get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer()))
                .map(h -> incidents.get(h.featureId())).filter(Objects::nonNull)
                .map(i -> {
                    Coordinate c = proj.toMap(i.lon(), i.lat());
                    return new double[] {c.x, c.y};
                }).toList();
    }

    /** Updates the status text for the pointer at (x, y). */
    void pointerAt(double x, double y) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        Coordinate w = vp.toWorld(x, y);
        Coordinate ll = MapProjection.kazakhstan().toLonLat(w.x, w.y);
        pointer.set(String.format(Locale.ROOT, "%.5f\u00b0 %s, %.5f\u00b0 %s", Math.abs(ll.y), ll.y >= 0 ? "N" : "S",
                Math.abs(ll.x), ll.x >= 0 ? "E" : "W"));
    }

    static String scaleText(Viewport vp) {
        return vp == null ? "" : String.format(Locale.ROOT, "1:%,.0f", vp.scaleDenominator());
    }
}
