package kz.incidentmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.incidentmap.filter.FilteredModel;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.AdminLayers;
import kz.incidentmap.layers.BoundaryChoice;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.HeatmapLayer;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.render.ExportFormat;
import kz.incidentmap.render.ExportRequest;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.PageSize;
import kz.incidentmap.render.PictureExporter;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.SavedViewArea;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code snapshot}: writes a map view as a PNG, SVG or PDF page, without a window. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Write a map as a PNG, SVG or PDF page with title, legend, scale bar, north arrow, "
                + "attribution, the incidents' date range and the time of export. "
                + "Without --city or --bbox: all of Kazakhstan.")
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Mixin
    FrameArea area;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "W",
            description = "Width of the view in screen pixels, as a window this wide would show it (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1000", paramLabel = "H",
            description = "Height of the view in screen pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--format", paramLabel = "png|svg|pdf", description = "File format (default: from the --out extension).")
    String format;

    @Option(names = "--dpi", defaultValue = "150", paramLabel = "N",
            description = "PNG resolution, stored in the file: 96 (screen), 150, 300 (print) (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--page", paramLabel = "A4|A3|Letter",
            description = "Paper size of a page (default: A4). A PNG without --page is a picture of exactly W×H pixels.")
    String page;

    @Option(names = "--portrait", description = "Portrait page (default: landscape).")
    boolean portrait;

    @Option(names = "--margin", defaultValue = "10", paramLabel = "MM", description = "Page margin in mm (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--scale", paramLabel = "N",
            description = "Show the place at the scale 1:N, centred on it (e.g. 5000 for street level).")
    Double scale;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title printed on the map.")
    String title;

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Line under the title (default: the place and the dates shown).")
    String subtitle;

    @Mixin
    FilterOptions filter;

    @Mixin
    ViewOption view;

    @Mixin
    RedactOption redact;

    @Option(names = "--heatmap", description = "Draw the heat map of incident density under the markers.")
    boolean heatmap;

    @Option(names = "--exported-at", paramLabel = "ISO-TIME",
            description = "Time printed as the time of export, e.g. 2026-11-22T18:00Z (default: now). Makes output reproducible.")
    String exportedAt;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ru|kk",
            description = "Language of the page's own words: title, legend, scale bar, footer (default: ${DEFAULT-VALUE}).")
    UiLanguage lang;

    @Option(names = "--boundaries", paramLabel = "shipped|imported",
            description = "Which oblast boundaries to draw: shipped (Natural Earth, as of 2017; the default) or imported"
                    + " (the oblasts and districts an OpenStreetMap extract brought, see import-osm).")
    String boundaries;

    @Option(names = "--event", paramLabel = "NAME",
            description = "Draw the event or campaign NAME (its key or title) as a numbered route over the map; without"
                    + " --city, --bbox or --view the map shows the whole route.")
    String event;

    @Option(names = "--step", paramLabel = "K",
            description = "With --event: draw the route up to stop K, stop K highlighted (default: the whole route).")
    Integer step;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write: FILE.png, FILE.svg or FILE.pdf.")
    Path out;

    /** The --event's route, read before the map is drawn; null without --event. */
    private EventRoute route;

    @Override
    public Integer call() throws Exception {
        // Every argument is checked before the store is opened, so a bad one leaves everything as it was.
        Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
        FrameArea.Chosen place = area.check(gazetteer);
        Places.checkSize(spec, width, height, 20_000);
        ExportFormat fmt = format();
        PageSize size = PageSize.parse(page == null ? "A4" : page)
                .orElseThrow(() -> bad("--page " + page + ": must be A4, A3 or Letter"));
        if (dpi < ExportRequest.MIN_DPI || dpi > ExportRequest.MAX_DPI) {
            throw bad("--dpi " + dpi + ": must be between " + ExportRequest.MIN_DPI + " and " + ExportRequest.MAX_DPI
                    + " (96 for screens, 150 or 300 for print)");
        }
        if (!(margin >= 0 && margin <= 40)) {
            throw bad("--margin " + margin + ": must be between 0 and 40 mm");
        }
        if (view.given() && area.given()) {
            throw bad("--view " + view.name + ": the view gives the area; leave out --city and --bbox");
        }
        ViewOption.Chosen saved = view.given() ? view.read(options, filter, gazetteer) : null;
        IncidentFilter chosen = saved != null ? saved.filter()
                : filter.build(gazetteer, null, options);
        ZonedDateTime when = exportTime();
        if (scale != null) {
            Places.checkScale(spec, scale);
        }
        BoundaryChoice drawnBoundaries = boundaryChoice();
        Redaction redaction = redact.resolve(spec, gazetteer);
        if (event != null && redaction.active()) {
            throw bad("--event " + event + ": a route is drawn through the stops' own positions, which --redact would"
                    + " not let out; leave out one of them");
        }
        if (step != null && event == null) {
            throw bad("--step " + step + ": needs --event");
        }
        route = event == null ? null : EventRoutes.read(options, event, step == null ? 0 : step, spec);
        checkWritable(out);
        if (redaction.active()) {
            // The records are chosen by the filter as stored, then redacted, and only then drawn: no
            // layer, index or label ever holds a position or a day the profile does not let out.
            List<Incident> shared;
            int total;
            try (IncidentStore store = options.openForViewing(); IncidentScan scan = FilteredScan.open(store, chosen)) {
                shared = redaction.applyList(scan);
                total = store.count();
            }
            LoadedMap loaded = options.loadMap(shared);
            MapModel base = prepared(loaded, chosen, saved, drawnBoundaries);
            FilteredModel shown = new FilteredModel(base, chosen, shared.size(), total);
            write(loaded.withModel(base), shown, when, fmt, size, frame(saved, place, loaded), redaction);
            return 0;
        }
        try (MapOptions.OpenMap open = options.openMap(all -> all)) {
            MapModel base = prepared(open.map(), chosen, saved, drawnBoundaries);
            FilteredModel shown = FilteredModel.of(base, chosen, null, MapProjection.kazakhstan());
            write(open.map().withModel(shown.model()), shown, when, fmt, size, frame(saved, place, open.map()),
                    Redaction.NONE);
        }
        return 0;
    }

    /** The map's layers as the page draws them: labelled for the filter's last day, the saved view's, the boundaries asked for. */
    private MapModel prepared(LoadedMap map, IncidentFilter chosen, ViewOption.Chosen saved, BoundaryChoice drawnBoundaries) {
        // Places are labelled with their names of the filter's last day (Nur-Sultan on a 2020 page).
        LoadedMap labelled = map.labelled(chosen.to(), lang.locale());
        MapModel base = saved == null ? labelled.model() : SavedViewLayers.apply(saved.view(), labelled.model());
        return withBoundaries(base, drawnBoundaries);
    }

    private FrameArea.Frame frame(ViewOption.Chosen saved, FrameArea.Chosen place, LoadedMap map) {
        if (route != null && saved == null && !area.given()) {
            return new FrameArea.Frame(EventRoutes.viewport(route, width, height), route.title());
        }
        return saved != null ? new FrameArea.Frame(
                SavedViewArea.viewport(saved.view(), width, height, MapProjection.kazakhstan()), saved.view().name())
                : place.frame(map.home(), width, height);
    }

    private void write(LoadedMap map, FilteredModel shown, ZonedDateTime when, ExportFormat fmt, PageSize size,
            FrameArea.Frame frame, Redaction redaction) throws Exception {
        LocalDate first = redaction.date(shown.filter().from());
        LocalDate last = redaction.date(shown.filter().to());
        Viewport vp = frame.viewport();
        Texts texts = Texts.of(lang);
        // The whole country is named in the page's language; a city's or an oblast's name is the map's.
        String place = FrameArea.KAZAKHSTAN.equals(frame.place()) ? texts.text("page.kazakhstan")
                : redaction.text(frame.place());
        if (scale != null) {
            vp = Viewport.atScale(vp.centerX(), vp.centerY(), scale, width, height);
        }
        vp = RedactedView.of(vp, redaction);
        String heading = redaction.text(title != null ? title : texts.format("page.title", place));
        String sub = redaction.text(subtitle != null ? subtitle : place + dates(first, last, texts, redaction.datesToMonth()));
        String filterLine = redaction.text(shown.filter().isEmpty() ? "" : shown.describe(texts));
        if (isPicture(fmt)) {
            picture(map, shown, vp, heading, sub, texts, redaction);
            return;
        }
        // A redacted page outlines no filter area: a circle around a place would say where it is.
        ExportRequest request = new ExportRequest(fmt, size, portrait, dpi, margin, heading, sub, vp.bounds(), when)
                .withFilter(filterLine, shown.filter().area() == null || redaction.active() ? null
                        : shown.filter().area().outline(72))
                .withTexts(texts).withRedaction(redaction.label());
        MapModel model = heatmap ? map.model().with(HeatmapLayer.NAME, l -> l.withVisible(true)) : map.model();
        int drawn;
        try (RenderContext rendering = RenderContext.open()) {
            PageExporter exporter = new PageExporter(rendering, route);
            exporter.write(model, request, out);
            drawn = exporter.incidentsDrawn(model, request);
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + fmt.extension().toUpperCase(Locale.ROOT) + ", "
                + size.label() + (portrait ? " portrait" : " landscape")
                + (fmt == ExportFormat.PNG ? ", " + request.pixelWidth() + "x" + request.pixelHeight() + " px at " + dpi + " dpi" : "")
                + "): " + drawn + " incidents drawn"
                + (shown.filter().isEmpty() ? "" : String.format(Locale.ROOT, ", %d of %d pass the filter", shown.shown(), shown.total())));
        if (redaction.active()) {
            spec.commandLine().getOut().println(redaction.label());
        }
    }

    /** A PNG asked for without a page, a margin or portrait: the picture of the view, W×H pixels. */
    private boolean isPicture(ExportFormat fmt) {
        return fmt == ExportFormat.PNG && page == null && !portrait
                && spec.commandLine().getParseResult().matchedOption("--margin") == null;
    }

    private void picture(LoadedMap map, FilteredModel shown, Viewport vp, String heading, String sub, Texts texts,
            Redaction redaction) throws Exception {
        MapModel model = heatmap ? map.model().with(HeatmapLayer.NAME, l -> l.withVisible(true)) : map.model();
        try (RenderContext rendering = RenderContext.open()) {
            new PictureExporter(rendering, route).write(model, vp, heading, sub, redaction.label(), dpi, texts, out);
        }
        int drawn = IncidentLayer.indexed(model.layer(IncidentLayer.NAME).orElseThrow())
                .map(s -> s.index().countWithin(vp.bounds())).orElse(0);
        spec.commandLine().getOut().println("wrote " + out + " (PNG picture, " + vp.width() + "x" + vp.height()
                + " px): " + drawn + " incidents drawn"
                + (shown.filter().isEmpty() ? "" : String.format(Locale.ROOT, ", %d of %d pass the filter", shown.shown(), shown.total())));
        if (redaction.active()) {
            spec.commandLine().getOut().println(redaction.label());
        }
    }

    /** The --boundaries asked for, or null when not given (the saved view's, else the shipped ones). */
    private BoundaryChoice boundaryChoice() {
        if (boundaries == null) {
            return null;
        }
        return switch (boundaries.strip().toLowerCase(Locale.ROOT)) {
            case "shipped" -> BoundaryChoice.SHIPPED;
            case "imported" -> BoundaryChoice.IMPORTED;
            default -> throw bad("--boundaries " + boundaries + ": must be shipped or imported");
        };
    }

    private MapModel withBoundaries(MapModel model, BoundaryChoice choice) {
        if (choice == null) {
            return model;
        }
        if (choice == BoundaryChoice.IMPORTED && !BoundaryChoice.available(model)) {
            throw bad("--boundaries imported: " + options.storeFile() + " has no boundaries imported from OpenStreetMap;"
                    + " import an extract that has them first (kz-incident-map import-osm --db "
                    + options.storeFile() + " FILE.osm.pbf)");
        }
        MapModel chosenModel = choice.applyTo(model);
        spec.commandLine().getOut().println("boundaries: " + (choice == BoundaryChoice.SHIPPED
                ? "Natural Earth, as of 2017" : "OpenStreetMap, extract of " + AdminLayers.extractDate(model).orElseThrow()));
        return chosenModel;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** --format if given (it must agree with the file name), else the file name's extension. */
    private ExportFormat format() {
        ExportFormat byName = ExportFormat.ofFile(out).orElse(null);
        if (format == null) {
            if (byName == null) {
                throw bad("--out " + out + ": the file name must end in .png, .svg or .pdf");
            }
            return byName;
        }
        ExportFormat asked = ExportFormat.parse(format).orElseThrow(() -> bad("--format " + format + ": must be png, svg or pdf"));
        if (byName != asked) {
            throw bad("--out " + out + ": the file name must end in ." + asked.extension() + " for --format " + format);
        }
        return asked;
    }

    private ZonedDateTime exportTime() {
        if (exportedAt == null) {
            return ZonedDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        }
        try {
            return ZonedDateTime.parse(exportedAt.trim());
        } catch (DateTimeParseException e) {
            throw bad("--exported-at " + exportedAt + ": not a time, expected e.g. 2026-11-22T18:00Z");
        }
    }

    /** " · 1 Jan 2011 – 31 Dec 2011" of the filter's days; with {@code months}, " · Jan 2011 – Dec 2011". */
    private static String dates(LocalDate first, LocalDate last, Texts texts, boolean months) {
        if (first == null && last == null) {
            return "";
        }
        java.util.function.Function<LocalDate, String> words = months
                ? d -> texts.datePattern("MMM yyyy").format(d) : texts::date;
        return " \u00b7 " + (first == null ? texts.format("page.upTo", words.apply(last))
                : last == null ? texts.format("page.from", words.apply(first))
                : texts.format("page.fromTo", words.apply(first), words.apply(last)));
    }

    /** Refuses, before any work, an output that cannot be written; nothing is created. */
    private void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw bad("--out " + file + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file)) || Files.isDirectory(file)) {
            throw bad("--out " + file + ": cannot write there");
        }
    }
}
