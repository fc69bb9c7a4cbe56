package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.OsmPlace;
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
 * @param oblastBoundaries the oblasts as read (longitude/latitude), for placing a saved record in its
 *                         oblast without reading the file again
 * @param labels the names of countries, oblasts and cities by language and date
 */
public record LoadedMap(MapModel model, Gazetteer gazetteer, Envelope home, List<GeoJsonFeature> oblastBoundaries,
        PlaceLabels labels) {

    public LoadedMap {
        oblastBoundaries = List.copyOf(oblastBoundaries);
    }

    /** The same map with other layers (a layer shown, hidden, restyled, or new incidents). */
    public LoadedMap withModel(MapModel changed) {
        return new LoadedMap(changed, gazetteer, home, oblastBoundaries, labels);
    }

    /** The same map whose search also knows the settlements of an OpenStreetMap import (replacing earlier ones). */
    public LoadedMap withImportedPlaces(List<OsmPlace> places) {
        return new LoadedMap(model, gazetteer.withImported(places), home, oblastBoundaries, labels);
    }

    /** The same map with the place names of {@code day} (today's when null) in {@code language}. */
    public LoadedMap labelled(LocalDate day, Locale language) {
        return withModel(labels.labelled(model, day, language));
    }

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
     * box when they have their generalised levels (see {@link StreetLayers#inMemoryLimit}).
     */
    public static LoadedMap load(Path mapsDir, List<Incident> incidents, ImportedStreets streets)
            throws IOException {
        return load(mapsDir, incidents, streets, MapsAhead.none());
    }

    /** The same, taking the reference maps from {@code ahead} when start-up read them ahead. */
    public static LoadedMap load(Path mapsDir, List<Incident> incidents, ImportedStreets streets, MapsAhead ahead)
            throws IOException {
        return Basemap.read(mapsDir, MapProjection.kazakhstan(), streets, ahead)
                .with(IncidentLayer.of(incidents, MapProjection.kazakhstan()));
    }

    /**
     * The map of a store: the incident layer draws {@code index} and reads the records a click shows from
     * {@code records}. This is how the app and the commands load a store of any size.
     */
    public static LoadedMap load(Path mapsDir, IncidentIndex index, IncidentRecords records, ImportedStreets streets)
            throws IOException {
        return load(mapsDir, IncidentLayer.of(index, records, MapProjection.kazakhstan()), streets);
    }

    /**
     * The same, with the index {@code index} is reading on its own thread: the basemap is read on this
     * one meanwhile, so on two cores a large store's index costs start-up next to nothing more.
     */
    public static LoadedMap load(Path mapsDir, IncidentIndexLoad index, IncidentRecords records,
            ImportedStreets streets) throws IOException {
        return load(mapsDir, index, records, streets, MapsAhead.none());
    }

    /** The same, taking the reference maps from {@code ahead} when start-up read them ahead. */
    public static LoadedMap load(Path mapsDir, IncidentIndexLoad index, IncidentRecords records,
            ImportedStreets streets, MapsAhead ahead) throws IOException {
        MapProjection projection = MapProjection.kazakhstan();
        Basemap basemap = Basemap.read(mapsDir, projection, streets, ahead);
        return basemap.with(IncidentLayer.of(index.index(), records, projection));
    }

    private static LoadedMap load(Path mapsDir, MapLayer incidentLayer, ImportedStreets streets) throws IOException {
        return Basemap.read(mapsDir, MapProjection.kazakhstan(), streets, MapsAhead.none()).with(incidentLayer);
    }

    /** Everything but the incidents, read. */
    private record Basemap(List<MapLayer> layers, Gazetteer gazetteer, List<GeoJsonFeature> oblasts,
            PlaceLabels labels, UncertaintyAreas areas) {

        static Basemap read(Path mapsDir, MapProjection projection, ImportedStreets streets, MapsAhead ahead)
                throws IOException {
            BasemapLayers.Basemap basemap = BasemapLayers.load(mapsDir, projection, ahead);
            // Read before the street layers, which let go of the store when they hold all in memory.
            Gazetteer gazetteer = basemap.gazetteer().withImported(streets.places());
            List<MapLayer> layers = new MapModel(basemap.layers()).withStreets(StreetLayers.load(mapsDir, streets,
                    projection, StreetLayers.inMemoryLimit(streets), ahead)).layers();
            return new Basemap(layers, gazetteer, basemap.oblastBoundaries(), basemap.labels(), basemap.areas());
        }

        LoadedMap with(MapLayer incidents) throws IOException {
            // The incidents learn what a city's or an oblast's position stands for, to draw its uncertainty.
            MapLayer incidentLayer = incidents.indexed()
                    .map(source -> incidents.withSource(source.withAreas(areas))).orElse(incidents);
            List<MapLayer> all = new ArrayList<>(layers);
            all.add(HeatmapLayer.of(incidentLayer));
            all.add(incidentLayer);
            MapModel model = new MapModel(all);
            return new LoadedMap(model, gazetteer, kazakhstanExtent(model), oblasts, labels);
        }
    }

    private static Envelope kazakhstanExtent(MapModel model) throws IOException {
        Envelope env = new Envelope();
        MapLayer countries = model.layer(BasemapLayers.COUNTRIES).orElseThrow();
        try (SimpleFeatureIterator it = countries.source().getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                if (CountryCodes.isKazakhstan(f.getAttribute(CountryCodes.ATTRIBUTE))) {
                    env.expandToInclude(((Geometry) f.getDefaultGeometry()).getEnvelopeInternal());
                }
            }
        }
        if (env.isNull()) {
            throw new IOException("maps/countries.geojson: " + CountryCodes.missing());
        }
        return env;
    }
}
