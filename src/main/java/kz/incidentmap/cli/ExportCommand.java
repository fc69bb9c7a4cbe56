package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.incidentmap.exchange.ExchangeFormat;
import kz.incidentmap.exchange.Progress;
import kz.incidentmap.exchange.RecordExporter;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Incident;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.PgRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: writes the store's incidents (or those the filters choose) to a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export incidents as csv, geojson, kml or gpkg (a new store).")
final class ExportCommand implements Callable<Integer> {

    enum Format { csv, geojson, kml, gpkg, acled }

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Mixin
    PlaceFilter place;

    @Mixin
    FilterOptions filter;

    @Mixin
    ViewOption view;

    @Mixin
    RedactOption redact;

    @Option(names = "--format", description = "csv, geojson, kml, gpkg or acled (ACLED's 31 columns; default: from"
            + " the --out file's extension).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExchangeFormat f = format != null ? ExchangeFormat.fromCode(format.name())
                : ExchangeFormat.byExtension(out).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--out " + out + ": cannot tell the format from the name;"
                        + " give --format csv|geojson|kml|gpkg|acled"));
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": folder " + dir
                    + " does not exist");
        }
        if (f == ExchangeFormat.GPKG && Files.exists(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out
                    + ": already exists; a store is never written over (choose a new name)");
        }
        Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
        IncidentFilter chosen;
        if (view.given()) {
            if (place.area(gazetteer) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--view " + view.name
                        + ": the view gives the area; leave out --city and --bbox");
            }
            // What the view shows: its filter, within its extent unless the filter has an area of its own.
            ViewOption.Chosen saved = view.read(options, filter, gazetteer);
            chosen = saved.filter().area() != null ? saved.filter()
                    : saved.filter().toBuilder().area(Area.inside(saved.area())).build();
        } else {
            chosen = filter.build(gazetteer, place.area(gazetteer), options);
        }
        Redaction redaction = redact.resolve(spec, gazetteer);
        int written;
        if (options.onServer()) {
            // Read in one transaction and filtered here; the local copies of documents stay on the server.
            try (PgRecords records = options.openServer()) {
                List<Incident> chosenOnes = records.incidents().stream().filter(chosen::test).toList();
                written = RecordExporter.export(chosenOnes, f, out, Progress.NONE, null, redaction);
            }
        } else {
            try (IncidentStore store = options.openForViewing(); IncidentScan scan = FilteredScan.open(store, chosen)) {
                written = RecordExporter.export(scan, f, out, Progress.NONE, store, redaction);
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("Exported " + written + " incidents to " + out + " (" + f.code() + ")");
        if (redaction.active()) {
            pw.println(redaction.label() + (f == ExchangeFormat.CSV || f == ExchangeFormat.ACLED
                    ? "; said in " + RecordExporter.sideNoteFile(out) : ""));
        }
        pw.flush();
        return 0;
    }
}
