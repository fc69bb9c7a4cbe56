package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kz.incidentmap.model.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code incidents}: lists incidents with their sources, as JSON or CSV. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "List incidents with their sources and claims.")
final class IncidentsCommand implements Callable<Integer> {

    enum Format { json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Mixin
    IncidentFilter filter;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        List<Incident> incidents = filter.incidents(spec, options);
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
