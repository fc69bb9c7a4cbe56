package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Incident;
import org.locationtech.jts.geom.Coordinate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code incidents}: lists incidents with their sources, as JSON or CSV. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "List incidents with their sources and claims.")
final class IncidentsCommand implements Callable<Integer> {

    /** "In a city" means within this distance of its centre point. */
    static final double CITY_RADIUS_METRES = 25_000;

    enum Format { json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--city", paramLabel = "NAME", description = "Only incidents within 25 km of this city.")
    String city;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        List<Incident> incidents = options.incidents();
        if (city != null) {
            Gazetteer.Place p = Places.city(spec, BasemapLayers.gazetteer(options.paths().mapsDir()), city);
            MapProjection proj = MapProjection.kazakhstan();
            Coordinate centre = proj.toMap(p.lon(), p.lat());
            incidents = incidents.stream()
                    .filter(i -> proj.toMap(i.lon(), i.lat()).distance(centre) <= CITY_RADIUS_METRES).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(incidents.stream().map(IncidentRecords::json).toList()));
        } else {
            out.println(IncidentRecords.csvLine(IncidentRecords.CSV_COLUMNS));
            incidents.forEach(i -> out.println(IncidentRecords.csvLine(IncidentRecords.csvRow(i))));
        }
        out.flush();
        return 0;
    }
}
