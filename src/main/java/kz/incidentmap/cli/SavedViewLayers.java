package kz.incidentmap.cli;

import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerSettings;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.SavedView;

/** The layers of a map as a saved view set them: shown, faded, ordered and coloured as when it was saved. */
final class SavedViewLayers {

    private SavedViewLayers() {
    }

    /** {@code model} with the view's layer settings; as it is when the view keeps none (saved by 'views save'). */
    static MapModel apply(SavedView view, MapModel model) {
        return LayerSettings.fromJson(view.layers()).map(s -> {
            MapModel set = s.applyTo(model);
            return set.with(IncidentLayer.NAME, l -> l.withStyle(s.styling().styleFor(l)));
        }).orElse(model);
    }
}
