package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything the map shows, loaded: the layer model, the gazetteer for zoom-to-city, and the extent
 * of Kazakhstan (the "home" view), all in map-projection metres.
 *
 * @param model the layers, bottom first
 * @param gazetteer city lookup
 * @param home the map extent of Kazakhstan
 */
public record LoadedMap(MapModel model, Gazetteer gazetteer, Envelope home) {

    /**
     * Reads the basemap files and builds the incident layer from {@code incidents}.
     * Called off the JavaFX thread (it reads files).
     */
    public static LoadedMap load(Path mapsDir, List<Incident> incidents) throws IOException {
        MapProjection projection = MapProjection.kazakhstan();
        BasemapLayers.Basemap basemap = BasemapLayers.load(mapsDir, projection);
        List<MapLayer> layers = new ArrayList<>(basemap.layers());
        MapLayer incidentLayer = IncidentLayer.of(incidents, projection);
        layers.add(HeatmapLayer.of(incidentLayer));
        layers.add(incidentLayer);
        MapModel model = new MapModel(layers);
        return new LoadedMap(model, basemap.gazetteer(), kazakhstanExtent(model));
    }

    private static Envelope kazakhstanExtent(MapModel model) throws IOException {
        Envelope env = new Envelope();
        MapLayer countries = model.layer(BasemapLayers.COUNTRIES).orElseThrow();
        try (SimpleFeatureIterator it = countries.source().getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                if ("KAZ".equals(f.getAttribute("iso_a3"))) {
                    env.expandToInclude(((Geometry) f.getDefaultGeometry()).getEnvelopeInternal());
                }
            }
        }
        if (env.isNull()) {
            throw new IOException("maps/countries.geojson: no feature with iso_a3 = KAZ (Kazakhstan)");
        }
        return env;
    }
}
