package kz.incidentmap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.PgRecords;
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
    PlaceFilter place;

    @Mixin
    FilterOptions filter;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    /**
     * Prints the incidents as the scan reads them, a page at a time, so that listing a million needs no
     * more heap than listing a thousand. A read that fails part way leaves what was printed unfinished
     * (JSON without its closing bracket) and the command exits with 1. A record on a server is read in one
     * transaction, then printed.
     */
    @Override
    public Integer call() throws Exception {
        Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
        IncidentFilter chosen = filter.build(gazetteer, place.area(gazetteer), options);
        PrintWriter out = spec.commandLine().getOut();
        if (options.onServer()) {
            // The record is read whole (one transaction) and filtered here; paging on the server is to come.
            try (PgRecords records = options.openServer()) {
                print(records.incidents(), chosen, out);
            }
            out.flush();
            return 0;
        }
        try (IncidentStore store = options.openForViewing();
                IncidentScan incidents = store.scan(FilteredScan.where(chosen))) {
            print(incidents, chosen, out);
        } catch (IncidentScan.ReadFailure e) {
            throw e.getCause();
        }
        out.flush();
        return 0;
    }

    private void print(Iterable<Incident> incidents, IncidentFilter chosen, PrintWriter out) throws java.io.IOException {
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            SequenceWriter array = mapper.writer().writeValues(out).init(true);
            for (Incident i : incidents) {
                if (chosen.test(i)) {
                    array.write(IncidentRecords.json(i, chosen.counted(i)));
                }
            }
            // Closed only when every incident is in: closing writes the "]" that would make a list
            // cut short by a failed read look whole.
            array.close();
            out.println();
        } else {
            out.println(IncidentRecords.csvLine(IncidentRecords.CSV_COLUMNS));
            for (Incident i : incidents) {
                if (chosen.test(i)) {
                    out.println(IncidentRecords.csvLine(IncidentRecords.csvRow(i, chosen.counted(i))));
                }
            }
        }
    }
}
