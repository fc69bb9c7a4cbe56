package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.dedupe.DuplicateRules;
import kz.incidentmap.dedupe.StoredDuplicates;
import kz.incidentmap.edit.EditService;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.MergeIncidents;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;
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

    /** What to do with imported records that duplicate stored ones. */
    enum Dedupe { keep, ask, merge }

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

    @Option(names = "--dedupe", defaultValue = "keep", paramLabel = "keep|ask|merge",
            description = "Imported records that duplicate stored ones: keep them all (default), ask (list the pairs,"
                    + " merge nothing) or merge each into the stored one it duplicates best (score --min-score or more;"
                    + " a merged record's id then stands for the stored one).")
    Dedupe dedupe;

    @Mixin
    DuplicateOptions duplicates;

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

    /** Lists the pairs an import brought and says how to merge them; merges nothing. */
    private static void ask(PrintWriter out, List<DuplicatePair> pairs) {
        if (pairs.isEmpty()) {
            out.println("no imported record duplicates a stored one");
            return;
        }
        out.println(pairs.size() + " possible duplicate" + (pairs.size() == 1 ? "" : "s") + " (nothing merged):");
        FindDuplicatesCommand.print(out, pairs);
        out.println("merge one with: kz-incident-map merge-duplicates KEEP_ID OTHER_ID;"
                + " set one aside with: kz-incident-map not-duplicate ID1 ID2");
    }

    /**
     * Merges each new record into the stored one it duplicates best (pairs come best first), keeping the
     * stored one; a stored record may take several, a new one goes into one only.
     */
    private static void merge(PrintWriter out, List<DuplicatePair> pairs, Set<String> fresh, EditService service)
            throws StoreException {
        Set<String> merged = new HashSet<>();
        for (DuplicatePair p : pairs) {
            Incident incoming = fresh.contains(p.first().id()) ? p.first() : p.second();
            Incident stored = incoming == p.first() ? p.second() : p.first();
            if (!merged.add(incoming.id())) {
                continue;
            }
            Incident keep = service.store().byId(stored.id()).orElseThrow();
            Incident now = new MergeIncidents(keep, incoming).apply(service);
            out.printf(Locale.ROOT, "merged '%s' (%s) into '%s' (%s), score %.2f: %s%n", incoming.title(),
                    incoming.id(), now.title(), now.id(), p.score(), p.because());
        }
        out.println(merged.isEmpty() ? "no imported record duplicates a stored one"
                : merged.size() + " imported record" + (merged.size() == 1 ? "" : "s") + " merged into stored ones");
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
        }
        ExchangeFormat f = format == null ? null : ExchangeFormat.fromCode(format.name());
        ImportOptions importOptions = new ImportOptions(mapping(f), unlocated == Unlocated.country
                ? ImportOptions.Unlocated.COUNTRY : ImportOptions.Unlocated.REFUSE);
        OblastLocator oblasts = OblastLocator.load(options.paths().mapsDir());
        RecordImporter importer = new RecordImporter(new IncidentValidator(oblasts), LocalDate.now());
        DuplicateRules rules = duplicates.rules(spec);
        ImportReport report;
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openStore()) {
            Set<String> before = dedupe == Dedupe.keep ? Set.of() : StoredDuplicates.ids(store);
            report = importer.importFile(file, f, importOptions, keepValid, store,
                    new ConsoleProgress(spec.commandLine().getErr(), file.getFileName().toString()));
            out.println(report.summary() + " (format " + report.format().code() + ")");
            list(out, "skipped", report.skipped());
            list(out, "warning", report.warnings());
            if (dedupe != Dedupe.keep) {
                Set<String> fresh = new HashSet<>(StoredDuplicates.ids(store));
                fresh.removeAll(before);
                List<DuplicatePair> pairs = StoredDuplicates.involving(store, rules, fresh);
                if (dedupe == Dedupe.ask) {
                    ask(out, pairs);
                } else {
                    merge(out, pairs, fresh, new EditService(store, oblasts));
                }
            }
        }
        out.flush();
        return 0;
    }
}
