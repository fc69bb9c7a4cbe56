package kz.incidentmap.layers;

import java.util.Objects;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.style.Style;

/**
 * One layer of the map: a GeoTools feature source (features in the map projection), the GeoTools
 * {@link Style} that draws it, and whether it is shown. Immutable; "withers" give changed copies.
 *
 * @param name stable identifier ("countries", "incidents")
 * @param title what the user reads in the layer list and the legend
 * @param source the features, in {@link kz.incidentmap.geo.MapProjection} coordinates
 * @param style how to draw them
 * @param visible whether the layer is drawn and hit by identify
 * @param attribution credit line for the data, or null
 */
public record MapLayer(String name, String title, SimpleFeatureSource source, Style style, boolean visible,
        String attribution) {

    public MapLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(style, "style");
    }

    public MapLayer withVisible(boolean shown) {
        return new MapLayer(name, title, source, style, shown, attribution);
    }

    public MapLayer withSource(SimpleFeatureSource newSource) {
        return new MapLayer(name, title, newSource, style, visible, attribution);
    }
}
