package kz.incidentmap.layers;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.geotools.api.data.Query;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.Style;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Envelope;

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

    /**
     * What kind of layer this is: the one place that looks at what the source is, so that the renderer
     * and identify pick its painter and hit-tester by kind.
     */
    public LayerKind kind() {
        if (presentation == LayerPresentation.HEATMAP) {
            return LayerKind.HEATMAP;
        }
        return indexed().isPresent() ? LayerKind.INCIDENTS : LayerKind.FEATURES;
    }

    /** The incident index and records behind this layer, when its features come from one. */
    Optional<IncidentFeatureSource> indexed() {
        return source instanceof IncidentFeatureSource s ? Optional.of(s) : Optional.empty();
    }

    /**
     * The layer's features whose geometry lies in {@code area} (map metres), as points for a density
     * surface: an indexed layer gives bare points straight from its index, made one at a time as they
     * are read, so a million incidents never sit in memory as features.
     */
    public SimpleFeatureCollection pointsWithin(Envelope area) throws IOException {
        Optional<IncidentFeatureSource> index = indexed();
        if (index.isPresent()) {
            return IndexPoints.within(index.get().index(), area, source.getSchema());
        }
        SimpleFeatureType type = source.getSchema();
        FilterFactory ff = CommonFactoryFinder.getFilterFactory();
        return source.getFeatures(new Query(type.getTypeName(), ff.bbox(ff.property(type.getGeometryDescriptor()
                .getLocalName()), new ReferencedEnvelope(area, type.getCoordinateReferenceSystem()))));
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
