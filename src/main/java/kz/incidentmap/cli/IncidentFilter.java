package kz.incidentmap.cli;

import java.io.IOException;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;
import org.locationtech.jts.geom.Coordinate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The filters that choose incidents, shared by {@code incidents} and {@code export}. */
final class IncidentFilter {

    /** "In a city" means within this distance of its centre point. */
    static final double CITY_RADIUS_METRES = 25_000;

    @Option(names = "--city", paramLabel = "NAME", description = "Only incidents within 25 km of this city.")
    String city;

    /**
     * The store's incidents that pass. An unknown city is a bad argument, refused before the store is
     * opened.
     */
    List<Incident> incidents(CommandSpec spec, MapOptions options) throws IOException, StoreException {
        if (city == null) {
            return options.incidents();
        }
        Gazetteer.Place p = Places.city(spec, BasemapLayers.gazetteer(options.paths().mapsDir()), city);
        MapProjection proj = MapProjection.kazakhstan();
        Coordinate centre = proj.toMap(p.lon(), p.lat());
        return options.incidents().stream()
                .filter(i -> proj.toMap(i.lon(), i.lat()).distance(centre) <= CITY_RADIUS_METRES).toList();
    }
}
