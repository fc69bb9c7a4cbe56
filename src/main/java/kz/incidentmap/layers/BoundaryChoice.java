package kz.incidentmap.layers;

import java.util.List;

/**
 * Which oblast boundaries the map draws: the shipped Natural Earth set ("as of 2017") or those an
 * OpenStreetMap import brought (with their districts). The choice is the layers' visibility, so it is
 * kept wherever layer settings are (the window's memory, saved views). It changes only what the map
 * draws: the oblast a record lies in is still found with the shipped boundaries.
 */
public enum BoundaryChoice {
    /** The shipped Natural Earth oblasts. */
    SHIPPED,
    /** The oblasts and districts imported from OpenStreetMap. */
    IMPORTED;

    private static final List<String> IMPORTED_LAYERS = List.of(AdminLayers.OBLASTS_LAYER, AdminLayers.DISTRICTS_LAYER);

    /** Whether {@code model} has imported boundaries to choose. */
    public static boolean available(MapModel model) {
        return IMPORTED_LAYERS.stream().anyMatch(n -> model.layer(n).isPresent());
    }

    /** The choice {@code model} shows: imported when an imported boundary layer is shown and the shipped one is not. */
    public static BoundaryChoice of(MapModel model) {
        boolean imported = IMPORTED_LAYERS.stream().anyMatch(n -> model.layer(n).map(MapLayer::visible).orElse(false));
        boolean shipped = model.layer(BasemapLayers.OBLASTS).map(MapLayer::visible).orElse(false);
        return imported && !shipped ? IMPORTED : SHIPPED;
    }

    /**
     * {@code model} drawing these boundaries and hiding the others.
     *
     * @throws IllegalStateException for {@link #IMPORTED} when the map has no imported boundaries
     */
    public MapModel applyTo(MapModel model) {
        if (this == IMPORTED && !available(model)) {
            throw new IllegalStateException("no boundaries have been imported from OpenStreetMap into this store");
        }
        MapModel out = model.with(BasemapLayers.OBLASTS, l -> l.withVisible(this == SHIPPED));
        for (String n : IMPORTED_LAYERS) {
            out = out.with(n, l -> l.withVisible(this == IMPORTED));
        }
        return out;
    }
}
