package kz.incidentmap.layers;

/**
 * What kind of layer a {@link MapLayer} is, as the renderer and identify see it: each kind has its own
 * painter and its own hit-tester (registries keyed by this value in {@code render} and
 * {@code identify}), so neither asks what class a layer's source is.
 */
public enum LayerKind {
    /** Features read from a GeoTools feature source by box and drawn one by one with the layer's style. */
    FEATURES,
    /** The incident layer: drawn and hit from its in-memory {@link IncidentIndex}, records read for hits. */
    INCIDENTS,
    /** A density surface of a layer's points; it draws no symbol, so a click hits nothing of it. */
    HEATMAP
}
