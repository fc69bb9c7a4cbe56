package kz.incidentmap.cli;

import java.io.IOException;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.store.IncidentScan;
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
     * Which positions pass; an unknown city is a bad argument, refused before any store is opened.
     * Without a position (NaN) an incident is in no city.
     */
    IncidentScan.Where where(CommandSpec spec, MapOptions options) throws IOException {
        if (city == null) {
            return IncidentScan.Where.ANYWHERE;
        }
        Gazetteer.Place p = Places.city(spec, BasemapLayers.gazetteer(options.paths().mapsDir()), city);
        MapProjection proj = MapProjection.kazakhstan();
        Coordinate centre = proj.toMap(p.lon(), p.lat());
        return (lon, lat) -> proj.toMap(lon, lat).distance(centre) <= CITY_RADIUS_METRES;
    }
}
