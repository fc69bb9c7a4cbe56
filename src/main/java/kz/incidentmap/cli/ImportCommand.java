package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.exchange.ColumnMapping;
import kz.incidentmap.exchange.ExchangeFormat;
import kz.incidentmap.exchange.ImportOptions;
import kz.incidentmap.exchange.ImportProblem;
import kz.incidentmap.exchange.ImportReport;
import kz.incidentmap.exchange.RecordImporter;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE}: merges the records of a file into the store by id, all or nothing (or, with
 * {@code --keep-valid}, the good ones, with a report of the rest).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import incidents from a file (csv, geojson, kml, gpkg, ACLED's csv, GTD's csv or xlsx,"
                + " UCDP GED's csv, or any csv with --columns), merged by id. A bad record refuses the whole file"
                + " unless --keep-valid is given.")
final class ImportCommand implements Callable<Integer> {

    enum Format { csv, geojson, kml, gpkg, acled, gtd, ucdp }

    enum Unlocated { refuse, country }

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", description = "csv, geojson, kml, gpkg, acled, gtd or ucdp (default: recognised"
            + " from the file).")
    Format format;

    @Option(names = "--columns", paramLabel = "FIELD=COLUMN,...", description = "Read a CSV of another program:"
            + " which of its columns holds which field of ours (the column names of our CSV), e.g."
            + " title=event_name,type=kind,date=day,lon=x,lat=y. Other columns are read past.")
    String columns;

    @Option(names = "--unlocated", paramLabel = "refuse|country", description = "GTD and UCDP events placed only"
            + " in the country: refuse them (the default) or put them at Kazakhstan's centre, precision region.")
    Unlocated unlocated = Unlocated.refuse;

    @Option(names = "--keep-valid", description = "Import the valid records and report the others.")
    boolean keepValid;

    @Option(names = "--all-problems", description = "List every skipped record and warning (default: the first "
            + LISTED + " of each, then how many more).")
    boolean allProblems;

    /** Problems of one kind listed before the rest are only counted: a large file can have thousands. */
    static final int LISTED = 50;

    /** The problems of one kind, a line each; past {@link #LISTED}, a count of the rest and what they are about. */
    private void list(PrintWriter out, String kind, List<ImportProblem> problems) {
        int shown = allProblems ? problems.size() : Math.min(LISTED, problems.size());
        for (ImportProblem p : problems.subList(0, shown)) {
            out.println(kind + ": " + p);
        }
        if (shown < problems.size()) {
            Map<String, Long> byField = new TreeMap<>();
            for (ImportProblem p : problems.subList(shown, problems.size())) {
                byField.merge(p.field() == null ? "(record)" : p.field(), 1L, Long::sum);
            }
            out.println(String.format(Locale.ROOT, "%s: %,d more (%s); --all-problems lists every one", kind,
                    problems.size() - shown, byField.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "))));
        }
    }

    /** The --columns mapping, or null; a bad one is a usage error that names what exists. */
    private ColumnMapping mapping(ExchangeFormat f) {
        if (columns == null) {
            return null;
        }
        if (f != null && f != ExchangeFormat.CSV) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--columns is for CSV files, not --format "
                    + f.code());
        }
        try {
            return ColumnMapping.parse(columns);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--columns: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
        }
        ExchangeFormat f = format == null ? null : ExchangeFormat.fromCode(format.name());
        ImportOptions importOptions = new ImportOptions(mapping(f), unlocated == Unlocated.country
                ? ImportOptions.Unlocated.COUNTRY : ImportOptions.Unlocated.REFUSE);
        RecordImporter importer = new RecordImporter(new IncidentValidator(OblastLocator.load(options.paths().mapsDir())),
                LocalDate.now());
        ImportReport report;
        try (IncidentStore store = options.openStore()) {
            report = importer.importFile(file, f, importOptions, keepValid, store,
                    new ConsoleProgress(spec.commandLine().getErr(), file.getFileName().toString()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.summary() + " (format " + report.format().code() + ")");
        list(out, "skipped", report.skipped());
        list(out, "warning", report.warnings());
        out.flush();
        return 0;
    }
}
