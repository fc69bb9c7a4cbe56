package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.filter.FilteredModel;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.timeline.DateRange;
import kz.incidentmap.timeline.IndexTimeline;
import kz.incidentmap.timeline.Playback;
import kz.incidentmap.timeline.TimeBin;
import kz.incidentmap.timeline.TimelineMeasure;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.layers.IncidentColumn;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.IncidentSort;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.render.ExportFormat;
import kz.incidentmap.render.ExportRequest;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.PageSize;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.tools.SyntheticIncidents;
import org.locationtech.jts.geom.Coordinate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: measures the figures of the performance table at 1920×1080 — frames of the country, an
 * oblast and a city at street level, identify at the densest spot at country zoom, JVM start to the first
 * frame and a country snapshot from process start (both in fresh JVMs on the same class path), a CSV
 * import into a new store and the heap with the map loaded — plus identify at street scale, the export
 * of an A4 page and the read of every incident's position from the store. Prints medians with min and
 * max over {@code --runs} runs after a warm-up, or with {@code --json} one object of the medians. On a record on
 * a server, the figures that apply and the index's load from it (see {@link #onServer}). {@code --synthetic N} adds made-up incidents in memory (the
 * child JVMs see the store only); {@code bench generate} writes a synthetic store to measure instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchGenerateCommand.class, BenchFirstFrameCommand.class, BenchDedupeCommand.class},
        description = "Measure frame, identify, start-up, snapshot and import times and the heap (1920x1080).")
final class BenchCommand implements Callable<Integer> {

    static final int W = 1920;
    static final int H = 1080;
    /** Scale of the one-oblast view (about 500 km across the frame). */
    private static final double OBLAST_SCALE = 1_000_000;
    /** Street scale of the city view. */
    private static final double STREET_SCALE = 5_000;
    /** The densest spot of a real or synthetic record: the centre of Almaty. */
    private static final double DENSE_LON = 76.9286;
    private static final double DENSE_LAT = 43.2567;
    /** The line {@code bench first-frame} prints. */
    private static final Pattern FIRST_FRAME = Pattern.compile("first_frame_ms (\\d+)");
    /** Centre of the oblast view: Almaty Region around Taldykorgan. */
    private static final double OBLAST_LON = 78.38;
    private static final double OBLAST_LAT = 44.5;

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per figure, after a warm-up (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "Add N made-up incidents gathered around the cities, in memory only (default: ${DEFAULT-VALUE}).")
    int synthetic;

    @Option(names = "--json", description = "Print one JSON object of medians instead of a table.")
    boolean json;

    @Option(names = "--osm", paramLabel = "NODES", arity = "0..1", fallbackValue = "1000000",
            description = "Instead: OpenStreetMap import speed and peak memory on a generated extract of NODES nodes "
                    + "(default ${FALLBACK-VALUE}), and street-level frame times.")
    Integer osmNodes;

    @Option(names = "--import-rows", defaultValue = "100000", paramLabel = "N",
            description = "Rows of the CSV file whose import is timed (default: ${DEFAULT-VALUE}).")
    int importRows;

    @Override
    public Integer call() throws Exception {
        if (options.onServer()) {
            return onServer();
        }
        options.fileOnly();
        OptionRange.check(spec, "--runs", runs, 1, 1000);
        if (osmNodes != null) {
            OptionRange.check(spec, "--osm", osmNodes, 1_000, 100_000_000);
            new OsmBench(spec.commandLine().getOut(), runs, json).run(options.paths(), options.incidents(), osmNodes);
            return 0;
        }
        OptionRange.check(spec, "--synthetic", synthetic, 0, 2_000_000);
        OptionRange.check(spec, "--import-rows", importRows, 1, 5_000_000);
        // Fresh JVMs first, while this one is idle: once it has loaded the map and run the frames, its
        // compiler and collector threads go on working for a while and take one of the two cores.
        Map<String, double[]> fresh = freshJvmFigures();
        IncidentIndexLoad index = options.startIndex(all -> all);
        try (IncidentStore store = options.openForViewing(index); RenderContext rendering = RenderContext.open()) {
            return measure(store, index, fresh, rendering);
        }
    }

    /**
     * The figures of a record on a server: JVM start to the first frame in fresh JVMs (the index streamed
     * from the server), the map's figures, the index's load alone ({@code index_load_ms}) and the heap.
     * The snapshot, import and table figures work on files only so far: null in {@code --json}.
     */
    private int onServer() throws Exception {
        if (osmNodes != null || synthetic != 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--osm and --synthetic measure files only; leave them out with --db " + options.server.uri());
        }
        OptionRange.check(spec, "--runs", runs, 1, 1000);
        double[] firstFrame = childRuns(List.of("bench", "first-frame"), true);
        // The index's load alone, before the map holds an index of its own: at ten million a second one
        // being built beside it would need twice the heap the map needs. Warmed once, not for a second.
        double[] indexLoad;
        try (PgRecords server = options.openServer()) {
            indexLoad = time(() -> ServerMap.index(server), 1);
        }
        try (ServerMap open = options.openServerMap(); RenderContext rendering = RenderContext.open()) {
            LoadedMap map = open.map();
            Map<String, double[]> figures = mapFigures(new MapRenderer(rendering), map);
            double[] heapMb = figures.remove("heap_mb");
            figures.put("first_frame_ms", firstFrame);
            figures.put("index_load_ms", indexLoad);
            figures.put("heap_mb", heapMb);
            print(figures, incidentCount(map));
        }
        return 0;
    }

    /** JVM start to first frame, and a country snapshot from process start, each in fresh JVMs. */
    private Map<String, double[]> freshJvmFigures() throws Exception {
        Map<String, double[]> figures = new LinkedHashMap<>();
        figures.put("first_frame_ms", childRuns(List.of("bench", "first-frame"), true));
        Path png = Files.createTempFile("bench-snapshot-", ".png");
        try {
            // An A4 page, as the figure has always measured (a PNG without --page is now a W×H picture).
            figures.put("snapshot_process_ms", childRuns(List.of("snapshot", "--page", "A4", "--width",
                    Integer.toString(W), "--height", Integer.toString(H), "--out", png.toString()), false));
        } finally {
            Files.deleteIfExists(png);
        }
        if (WindowStartBench.hasDisplay(System.getenv())) {
            figures.putAll(windowStarts());
        }
        return figures;
    }

    /**
     * Launch to the window's low-detail preview on the screen ({@code window_first_frame_ms}) and to its
     * first real frame ({@code window_full_frame_ms}), each in a fresh JVM after one to warm the files.
     */
    private Map<String, double[]> windowStarts() throws Exception {
        List<String> args = new ArrayList<>(List.of("--lang", "en"));
        if (options.db != null) {
            args.addAll(List.of("--db", options.db.toString()));
        }
        if (options.maps != null) {
            args.addAll(List.of("--maps", options.maps.toString()));
        }
        WindowStartBench.once(args);
        double[] preview = new double[runs];
        double[] frame = new double[runs];
        for (int i = 0; i < runs; i++) {
            WindowStartBench.Start start = WindowStartBench.once(args);
            preview[i] = start.previewMs();
            frame[i] = start.frameMs();
        }
        Arrays.sort(preview);
        Arrays.sort(frame);
        Map<String, double[]> figures = new LinkedHashMap<>();
        figures.put("window_first_frame_ms", preview);
        figures.put("window_full_frame_ms", frame);
        return figures;
    }

    private int measure(IncidentStore store, IncidentIndexLoad index, Map<String, double[]> fresh,
            RenderContext rendering) throws Exception {
        MapRenderer renderer = new MapRenderer(rendering);
        LoadedMap map;
        if (synthetic == 0) {
            map = options.loadMap(store, index);
        } else {
            List<Incident> incidents = new ArrayList<>(store.all());
            SyntheticIncidents.forMaps(options.paths().mapsDir(), 1).incidents(synthetic)
                    .forEachRemaining(incidents::add);
            map = options.loadMap(incidents);
        }
        int incidentCount = incidentCount(map);
        Map<String, double[]> figures = mapFigures(renderer, map);
        double[] heapMb = figures.remove("heap_mb");
        Viewport country = Places.homeView(map.home(), W, H);
        Path page = Files.createTempFile("bench-", ".pdf");
        try {
            ExportRequest a4 = new ExportRequest(ExportFormat.PDF, PageSize.A4, false, 300, ExportRequest.DEFAULT_MARGIN_MM,
                    "Bench", "", country.bounds(), ZonedDateTime.now(ZoneOffset.UTC));
            PageExporter exporter = new PageExporter(rendering);
            figures.put("export_a4_pdf_ms", time(() -> exporter.write(map.model(), a4, page)));
            figures.put("export_a4_png300_ms", time(() -> exporter.image(map.model(), a4)));
        } finally {
            Files.deleteIfExists(page);
        }
        figures.putAll(tablePages(map));
        figures.put("store_points_load_ms", time(store::points));
        figures.putAll(fresh);
        try (ImportBench imports = new ImportBench(options.paths().mapsDir(), importRows)) {
            double[] ms = time(imports::importOnce);
            double[] rate = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                rate[ms.length - 1 - i] = imports.rows() / (ms[i] / 1000);
            }
            figures.put("import_rows_per_s", rate);
            figures.put("import_peak_rss_mb", new double[] {imports.peakResidentOfImport()});
        }
        figures.put("heap_mb", heapMb);
        print(figures, incidentCount);
        return 0;
    }

    private static int incidentCount(LoadedMap map) {
        return IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow())
                .map(s -> s.index().size()).orElse(0);
    }

    /**
     * The figures of the map itself, a file's or a server's alike: the frames, the filter, the timeline,
     * playback and identify; and {@code heap_mb}, the heap after the first frame.
     */
    private Map<String, double[]> mapFigures(MapRenderer renderer, LoadedMap map) throws Exception {
        Viewport country = Places.homeView(map.home(), W, H);
        // A click on the country view hits the clusters of the frame drawn for it, as in the window.
        FrameGroups countryGroups = frame(renderer, map, country);
        double heapMb = heapMegabytes();

        MapProjection projection = MapProjection.kazakhstan();
        Coordinate oblastCentre = projection.toMap(OBLAST_LON, OBLAST_LAT);
        Viewport oblast = Viewport.atScale(oblastCentre.x, oblastCentre.y, OBLAST_SCALE, W, H);
        Coordinate dense = projection.toMap(DENSE_LON, DENSE_LAT);
        Viewport street = Viewport.atScale(dense.x, dense.y, STREET_SCALE, W, H);
        Point2D denseOnCountry = country.toScreen(dense.x, dense.y);
        IdentifyService identify = new IdentifyService();

        Map<String, double[]> figures = new LinkedHashMap<>();
        figures.put("heap_mb", new double[] {heapMb});
        // Each of these frames follows one of another view (a pixel aside), as while the user pans: the
        // basemap is drawn anew every time, never taken from the frame before.
        figures.put("country_frame_ms", time(alternating(renderer, map, country)));
        figures.put("oblast_frame_ms", time(alternating(renderer, map, oblast)));
        figures.put("city_frame_ms", time(alternating(renderer, map, street)));
        // A change of time, type and casualty filter: the mask over the index, the narrowed layer and the
        // country frame drawn from it (no record is read for these parts). The view stays, so the frame
        // draws the incidents over the basemap kept from the frames before it, as the window's does.
        IncidentFilter changed = IncidentFilter.builder().time(LocalDate.of(2011, 1, 1), LocalDate.of(2020, 12, 31), null)
                .types(Set.of(IncidentType.ARMED_ATTACK, IncidentType.EXPLOSION)).killed(1, null).build();
        figures.put("filter_frame_ms", time(() -> frame(renderer,
                map.withModel(FilteredModel.of(map.model(), changed, null, projection).model()), country)));
        // The timeline's bars for the filtered incidents (the filter but its time), 25 years across the window.
        IncidentIndex filtered = IncidentLayer.indexed(FilteredModel.of(map.model(), changed.toBuilder()
                .time(null, null, null).build(), null, projection).model().layer(IncidentLayer.NAME).orElseThrow())
                .orElseThrow().index();
        DateRange years = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));
        figures.put("timeline_ms", time(() -> IndexTimeline.histogram(filtered, years, TimeBin.forZoom(years.days(), W),
                TimelineMeasure.INCIDENTS)));
        // One step of playback, a month at a time: the month's filter and the country frame drawn from it.
        List<Playback.Frame> months = new Playback(LocalDate.of(2011, 1, 1), LocalDate.of(2020, 12, 31), TimeBin.MONTH, 1)
                .frames();
        int[] step = new int[1];
        IncidentFilter others = changed.toBuilder().time(null, null, null).build();
        double[] playback = time(() -> {
            Playback.Frame f = months.get(step[0]++ % months.size());
            frame(renderer, map.withModel(FilteredModel.of(map.model(), others.toBuilder()
                    .time(f.first(), f.last(), TimeMatch.OVERLAPS).build(), null, projection).model()), country);
        });
        figures.put("playback_frame_ms", playback);
        figures.put("playback_fps", perSecond(playback));
        figures.put("identify_dense_ms", time(() -> identify.identify(map.model(), country, denseOnCountry.getX(),
                denseOnCountry.getY(), IdentifyService.DEFAULT_TOLERANCE_PX, countryGroups)));
        figures.put("identify_street_ms", time(() -> identify.identify(map.model(), street, W / 2.0, H / 2.0, 5)));
        return figures;
    }

    /**
     * A page of {@value #TABLE_PAGE} rows of the incident table at a random scroll position, sorted by
     * date and by killed (the sorts themselves done once before): the rows' records read by row id.
     * {@code table_page_ms} is the slower of the two.
     */
    private Map<String, double[]> tablePages(LoadedMap map) throws Exception {
        IncidentFeatureSource source = IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow())
                .orElseThrow();
        IncidentIndex index = source.index();
        IncidentSort sort = new IncidentSort(source.records());
        Random random = new Random(16);
        Map<String, double[]> figures = new LinkedHashMap<>();
        for (IncidentColumn column : List.of(IncidentColumn.DATE, IncidentColumn.KILLED)) {
            int[] order = sort.order(index, column, false, null);
            figures.put("table_page_" + column.name().toLowerCase(Locale.ROOT) + "_ms", time(() -> {
                int from = order.length <= TABLE_PAGE ? 0 : random.nextInt(order.length - TABLE_PAGE);
                long[] fids = new long[Math.min(TABLE_PAGE, order.length - from)];
                for (int k = 0; k < fids.length; k++) {
                    fids[k] = index.fid(order[from + k]);
                }
                source.records().inOrder(fids);
            }));
        }
        double[] date = figures.get("table_page_date_ms");
        double[] killed = figures.get("table_page_killed_ms");
        figures.put("table_page_ms", median(date) >= median(killed) ? date : killed);
        return figures;
    }

    /** Rows of a page of the incident table. */
    private static final int TABLE_PAGE = 50;

    /** Milliseconds of a command in fresh JVMs: the time it prints itself, or the process's wall time. */
    private double[] childRuns(List<String> command, boolean printsItsTime) throws Exception {
        List<String> args = new ArrayList<>(command);
        if (options.db != null) {
            args.addAll(List.of("--db", options.db.toString()));
        } else if (options.server != null) {
            args.addAll(List.of("--db", options.server.uri()));
        }
        if (options.maps != null) {
            args.addAll(List.of("--maps", options.maps.toString()));
        }
        return inFreshJvms(() -> {
            ChildJvm.Outcome o = ChildJvm.run(args);
            if (!printsItsTime) {
                return o.wallMs();
            }
            Matcher m = FIRST_FRAME.matcher(o.out());
            if (!m.find()) {
                throw new IllegalStateException("bench first-frame printed no figure: " + o.out());
            }
            return Double.parseDouble(m.group(1));
        });
    }

    /** Heap in use after a full collection, in MB: what the loaded map keeps. */
    private static double heapMegabytes() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    private interface Task {
        void run() throws Exception;
    }

    /** A run that measures itself, in milliseconds. */
    private interface Measured {
        double run() throws Exception;
    }

    /**
     * Milliseconds of a task run in this JVM: warmed up for a second (at least once, at most
     * {@value #MAX_WARM_UP} times) so that its code is compiled as it is when the app has run a while,
     * then {@code runs} measured runs, sorted.
     */
    private double[] time(Task task) throws Exception {
        return time(task, MAX_WARM_UP);
    }

    /** {@link #time(Task)} with at most {@code warmUps} warm-up runs. */
    private double[] time(Task task, int warmUps) throws Exception {
        long until = System.nanoTime() + 1_000_000_000L;
        for (int n = 0; n < warmUps && (n == 0 || System.nanoTime() < until); n++) {
            task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Most warm-up runs of a task in this JVM. */
    private static final int MAX_WARM_UP = 30;

    /** One warm-up, then {@code runs} measured runs, sorted: for runs in fresh JVMs, which nothing warms. */
    private double[] inFreshJvms(Measured measured) throws Exception {
        measured.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = measured.run();
        }
        Arrays.sort(ms);
        return ms;
    }

    /** A task drawing {@code vp} and a view one pixel beside it in turn. */
    private static Task alternating(MapRenderer renderer, LoadedMap map, Viewport vp) {
        Viewport aside = vp.pannedBy(1, 0);
        boolean[] odd = new boolean[1];
        return () -> {
            odd[0] = !odd[0];
            frame(renderer, map, odd[0] ? aside : vp);
        };
    }

    private static FrameGroups frame(MapRenderer renderer, LoadedMap map, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            return renderer.render(g, vp, map.model().visibleLayers(), () -> false).groups();
        } finally {
            g.dispose();
        }
    }

    /** The keys of {@code --json}, one per row of the performance table. */
    static final List<String> JSON_KEYS = List.of("country_frame_ms", "oblast_frame_ms", "city_frame_ms",
            "filter_frame_ms", "timeline_ms", "playback_fps", "identify_dense_ms", "first_frame_ms", "window_first_frame_ms",
            "window_full_frame_ms", "snapshot_process_ms",
            "import_rows_per_s", "import_peak_rss_mb", "table_page_ms", "heap_mb");

    /** Times in milliseconds as rates a second, sorted as the times are (lowest first). */
    private static double[] perSecond(double[] ms) {
        double[] rate = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            rate[ms.length - 1 - i] = 1000 / ms[i];
        }
        return rate;
    }

    private void print(Map<String, double[]> figures, int incidentCount) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String key : JSON_KEYS) {
                // A figure that does not apply (a file's only, on a server) is null; see the README.
                double[] figure = figures.get(key);
                m.put(key, figure == null ? null : round(median(figure)));
            }
            if (options.onServer()) {
                m.put("index_load_ms", round(median(figures.get("index_load_ms"))));
            }
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            if (options.onServer()) {
                out.printf(Locale.ROOT, "%d incidents on %s, %dx%d, %d runs after a warm-up%n", incidentCount,
                        options.server, W, H, runs);
            } else {
                out.printf(Locale.ROOT, "%d incidents, %dx%d, %d runs after a warm-up; import of %d CSV rows%n",
                        incidentCount, W, H, runs, importRows);
            }
            out.printf(Locale.ROOT, "%-22s %12s %12s %12s%n", "figure", "median", "min", "max");
            figures.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %12.2f %12.2f %12.2f%n", k, median(v), v[0],
                    v[v.length - 1]));
        }
        out.flush();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
