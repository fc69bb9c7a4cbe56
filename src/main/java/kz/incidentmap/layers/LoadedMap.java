package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.StreetFeature;
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
        return load(mapsDir, incidents, List.of());
    }

    /**
     * Reads the basemap files, adds the street layers (the shipped schematic ones and {@code streets},
     * the store's imported ones) above the oblasts, and builds the incident layer. Off the JavaFX thread.
     */
    public static LoadedMap load(Path mapsDir, List<Incident> incidents, List<StreetFeature> streets)
            throws IOException {
        return load(mapsDir, incidents, ImportedStreets.of(streets));
    }

    /**
     * The same with the streets of a store, which the map reads all at once when they are few and box by
     * box when they are many (see {@link StreetLayers#IN_MEMORY_LIMIT}).
     */
    public static LoadedMap load(Path mapsDir, List<Incident> incidents, ImportedStreets streets)
            throws IOException {
        MapProjection projection = MapProjection.kazakhstan();
        BasemapLayers.Basemap basemap = BasemapLayers.load(mapsDir, projection);
        List<MapLayer> layers = new ArrayList<>(basemap.layers());
        layers.addAll(layers.indexOf(basemap.layers().stream().filter(l -> l.name().equals(BasemapLayers.CITIES))
                .findFirst().orElseThrow()), StreetLayers.load(mapsDir, streets, projection, StreetLayers.IN_MEMORY_LIMIT));
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
