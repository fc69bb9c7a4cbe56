package kz.incidentmap.layers;

/** How the renderer turns a layer's features into a picture. */
public enum LayerPresentation {
    /** Each feature drawn with the layer's style. */
    FEATURES,
    /** Points near each other on screen merged into one cluster symbol with a count, at small scales. */
    CLUSTERS,
    /** A density surface of the points (a heat map) instead of symbols. */
    HEATMAP
}
