package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.ExportFormat;
import kz.incidentmap.render.ExportRequest;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.PageSize;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: measures start-up to the first frame, frame times of the country and of a Taraz view
 * at 1920×1080, identify latency and the export of an A4 page (PDF, and the 300 dpi raster of a PNG);
 * prints medians with min and max. {@code --synthetic N} adds made-up incidents to see how it scales. Run it in a fresh JVM so that
 * the first-frame figure includes class loading.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchGenerateCommand.class,
        description = "Measure first-frame time, frame render times and identify latency (1920x1080).")
final class BenchCommand implements Callable<Integer> {

    private static final int W = 1920;
    private static final int H = 1080;

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per figure, after one warm-up (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "Add N made-up incidents spread over Kazakhstan, in memory only (default: ${DEFAULT-VALUE}).")
    int synthetic;

    @Option(names = "--json", description = "Print one JSON object of medians instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs " + runs + ": must be 1..1000");
        }
        if (synthetic < 0 || synthetic > 2_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--synthetic " + synthetic + ": must be 0..2000000");
        }
        MapRenderer renderer = new MapRenderer();
        List<Incident> incidents = new ArrayList<>(options.incidents());
        incidents.addAll(SyntheticIncidents.generate(synthetic));
        LoadedMap map = options.loadMap(incidents);
        Viewport country = Places.homeView(map, W, H);
        frame(renderer, map, country);
        double firstFrameMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();

        Gazetteer.Place taraz = map.gazetteer().require("Taraz");
        Viewport city = Places.cityView(taraz, W, H);
        Coordinate market = MapProjection.kazakhstan().toMap(71.3670, 42.8970);
        Viewport street = Viewport.atScale(market.x, market.y, 5_000, W, H);
        IdentifyService identify = new IdentifyService();

        Map<String, double[]> figures = new LinkedHashMap<>();
        figures.put("country_frame_ms", time(() -> frame(renderer, map, country)));
        figures.put("city_frame_ms", time(() -> frame(renderer, map, city)));
        figures.put("identify_street_ms", time(() -> identify.identify(map.model(), street, W / 2.0, H / 2.0, 5)));
        figures.put("identify_country_ms", time(() -> identify.identify(map.model(), country, W / 2.0, H / 2.0, 5)));
        Path page = Files.createTempFile("bench-", ".pdf");
        try {
            ExportRequest a4 = new ExportRequest(ExportFormat.PDF, PageSize.A4, false, 300, ExportRequest.DEFAULT_MARGIN_MM,
                    "Bench", "", country.bounds(), ZonedDateTime.now(ZoneOffset.UTC));
            PageExporter exporter = new PageExporter();
            figures.put("export_a4_pdf_ms", time(() -> exporter.write(map.model(), a4, page)));
            figures.put("export_a4_png300_ms", time(() -> exporter.image(map.model(), a4)));
        } finally {
            Files.deleteIfExists(page);
        }
        print(firstFrameMs, figures, incidents.size());
        return 0;
    }

    private interface Task {
        void run() throws Exception;
    }

    private double[] time(Task task) throws Exception {
        task.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void frame(MapRenderer renderer, LoadedMap map, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            renderer.render(g, vp, map.model().visibleLayers(), () -> false);
        } finally {
            g.dispose();
        }
    }

    private void print(double firstFrameMs, Map<String, double[]> figures, int incidentCount) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("first_frame_ms", Math.round(firstFrameMs));
            figures.forEach((k, v) -> m.put(k, round(median(v))));
            m.put("incidents", incidentCount);
            m.put("runs", runs);
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "%d incidents, %dx%d, %d runs after a warm-up%n", incidentCount, W, H, runs);
            out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "figure", "median", "min", "max");
            out.printf(Locale.ROOT, "%-22s %10.0f %10s %10s%n", "first_frame_ms", firstFrameMs, "-", "-");
            figures.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %10.2f%n", k, median(v), v[0],
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
