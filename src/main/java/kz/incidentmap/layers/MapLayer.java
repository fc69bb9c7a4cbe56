package kz.incidentmap.layers;

import java.util.Objects;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.style.Style;

/**
 * One layer of the map: a GeoTools feature source (features in the map projection), the GeoTools
 * {@link Style} that draws it, whether it is shown, how opaque, and how its features become a picture.
 * Immutable; "withers" give changed copies.
 *
 * @param name stable identifier ("countries", "incidents")
 * @param title what the user reads in the layer list and the legend
 * @param source the features, in {@link kz.incidentmap.geo.MapProjection} coordinates
 * @param style how to draw them
 * @param visible whether the layer is drawn and hit by identify
 * @param attribution credit line for the data, or null
 * @param opacity 0 (invisible) to 1 (opaque)
 * @param presentation symbols, clusters or a heat map
 */
public record MapLayer(String name, String title, SimpleFeatureSource source, Style style, boolean visible,
        String attribution, double opacity, LayerPresentation presentation) {

    public MapLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(presentation, "presentation");
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be 0..1: " + opacity);
        }
    }

    /** An opaque layer drawn feature by feature. */
    public MapLayer(String name, String title, SimpleFeatureSource source, Style style, boolean visible,
            String attribution) {
        this(name, title, source, style, visible, attribution, 1, LayerPresentation.FEATURES);
    }

    public MapLayer withVisible(boolean shown) {
        return new MapLayer(name, title, source, style, shown, attribution, opacity, presentation);
    }

    public MapLayer withSource(SimpleFeatureSource newSource) {
        return new MapLayer(name, title, newSource, style, visible, attribution, opacity, presentation);
    }

    public MapLayer withStyle(Style newStyle) {
        return new MapLayer(name, title, source, newStyle, visible, attribution, opacity, presentation);
    }

    public MapLayer withOpacity(double newOpacity) {
        return new MapLayer(name, title, source, style, visible, attribution, newOpacity, presentation);
    }

    public MapLayer withPresentation(LayerPresentation newPresentation) {
        return new MapLayer(name, title, source, style, visible, attribution, opacity, newPresentation);
    }
}
