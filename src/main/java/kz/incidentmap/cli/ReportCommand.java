package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.report.IncidentReport;
import kz.incidentmap.report.ReportProgress;
import kz.incidentmap.report.ReportRequest;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: writes the incidents a view or a filter chooses as a multi-page PDF report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a PDF report of the incidents a saved view or the filter options choose: a cover map"
                + " with its legend and the filter in words, the contents, tables by month, type and oblast, a"
                + " timeline chart, one card per incident with a locator map, the event sequences and the"
                + " sources with the hashes of their local copies. Without a view or filter: every incident.")
final class ReportCommand implements Callable<Integer> {

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

    @Option(names = "--title", paramLabel = "TEXT", description = "Title on the cover (default: \"Incident report: PLACE\").")
    String title;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ru|kk",
            description = "Language of the report's own words (default: ${DEFAULT-VALUE}).")
    UiLanguage lang;

    @Option(names = "--exported-at", paramLabel = "ISO-TIME",
            description = "Time printed as when the report was made, e.g. 2026-11-22T18:00Z (default: now).")
    String exportedAt;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the report.")
    Path out;

    @Override
    public Integer call() throws Exception {
        // Every argument is checked before the store is opened: a bad one leaves nothing behind.
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw bad("--out " + out + ": a report is a PDF; the file name must end in .pdf");
        }
        IncidentReport.unwritable(out).ifPresent(why -> {
            throw bad("--out " + out + ": " + why);
        });
        ZonedDateTime when = madeAt();
        Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
        ViewOption.Chosen saved = null;
        IncidentFilter chosen;
        if (view.given()) {
            if (place.area(gazetteer) != null) {
                throw bad("--view " + view.name + ": the view gives the area; leave out --city and --bbox");
            }
            saved = view.read(options, filter, gazetteer);
            chosen = saved.filter().area() != null ? saved.filter()
                    : saved.filter().toBuilder().area(kz.incidentmap.filter.Area.inside(saved.area())).build();
        } else {
            chosen = filter.build(gazetteer, place.area(gazetteer), options);
        }
        Redaction redaction = redact.resolve(spec, gazetteer);
        List<Incident> incidents = new ArrayList<>();
        Map<String, List<SourceCopy>> copies = new HashMap<>();
        int total;
        List<IncidentEvent> events;
        try (IncidentStore store = options.openForViewing(); IncidentScan scan = FilteredScan.open(store, chosen)) {
            scan.forEach(incidents::add);
            total = store.count();
            events = store.events();
            for (SourceCopy c : store.copies(null)) {
                copies.computeIfAbsent(c.sourceKey(), k -> new ArrayList<>()).add(c);
            }
        }
        Texts texts = Texts.of(lang);
        LoadedMap loaded = options.loadMap(List.of());
        LoadedMap labelled = loaded.labelled(chosen.to(), lang.locale());
        MapModel model = saved == null ? labelled.model() : SavedViewLayers.apply(saved.view(), labelled.model());
        MapProjection projection = MapProjection.kazakhstan();
        Envelope extent = saved != null ? projection.toMap(saved.area())
                : chosen.area() != null ? projection.toMap(chosen.area().bounds()) : loaded.home();
        String where = saved != null ? saved.view().name()
                : chosen.area() != null ? chosen.area().describe(texts) : texts.text("page.kazakhstan");
        String heading = title != null ? title : texts.format("report.title", where);
        // A view's filter in words is its own: the area it is narrowed to is the view's, named in the subtitle.
        IncidentFilter told = saved != null ? saved.filter() : chosen;
        String words = told.isEmpty() ? "" : told.describe(incidents.size(), total, texts);
        ReportRequest request = new ReportRequest(heading, where + dates(incidents, chosen, texts, redaction), words,
                incidents, copies, model, extent, redaction, when, texts, events);
        IncidentReport.Written written;
        try (RenderContext rendering = RenderContext.open()) {
            written = new IncidentReport(rendering).write(request, out, ReportProgress.NONE);
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("wrote " + out + " (PDF, A4 portrait, " + written.pages() + " pages): " + written.incidents()
                + " incidents" + (chosen.isEmpty() ? "" : String.format(Locale.ROOT, ", %d of %d pass the filter",
                incidents.size(), total)));
        if (redaction.active()) {
            pw.println(redaction.label());
        }
        pw.flush();
        return 0;
    }

    /** " · 12 Nov 2011 – 31 Dec 2011": the filter's days, else the first and last incident's; months when redacted. */
    private static String dates(List<Incident> incidents, IncidentFilter chosen, Texts texts, Redaction redaction) {
        LocalDate first = chosen.from() != null ? chosen.from()
                : incidents.stream().map(Incident::date).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        LocalDate last = chosen.to() != null ? chosen.to()
                : incidents.stream().map(Incident::date).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        if (first == null || last == null) {
            return "";
        }
        java.util.function.Function<LocalDate, String> words = redaction.datesToMonth()
                ? d -> texts.datePattern("LLLL yyyy").format(d) : texts::date;
        return " \u00b7 " + words.apply(redaction.date(first)) + " \u2013 " + words.apply(redaction.date(last));
    }

    private ZonedDateTime madeAt() {
        if (exportedAt == null) {
            return ZonedDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        }
        try {
            return ZonedDateTime.parse(exportedAt.trim());
        } catch (DateTimeParseException e) {
            throw bad("--exported-at " + exportedAt + ": not a time, expected e.g. 2026-11-22T18:00Z");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
