package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kz.incidentmap.AppPaths;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.model.Incident;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.ImportReport;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.render.FramesAhead;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.render.ZoomSteps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code bench --osm}: generates an OpenStreetMap extract of a given number of nodes (PBF, and XML up to
 * {@value #XML_UP_TO} nodes), imports each into fresh stores in a temporary folder (after a warm-up import
 * of a small one) and reports the median elements per second of {@value #IMPORTS} imports, their peak heap,
 * and the peak resident memory of a whole {@code import-osm} process; then loads the imported streets and
 * times frames at 1:5,000 and 1:25,000 at 1920×1080, in the made-up town and at the Taraz market, and at
 * 1:250,000 and 1:1,000,000 in the town, where the generalised levels draw it. With {@code json}, one
 * object of {@link #JSON_KEYS} instead of the tables. Each frame is drawn whole (no two runs in a row
 * share a view, so none copies the basemap of the one before). Nothing outside the temporary folder is
 * written.
 */
final class OsmBench {

    private static final int W = 1920;
    private static final int H = 1080;

    /** Imports timed per format; their median is the figure. */
    private static final int IMPORTS = 5;
    /** Above this many nodes only the PBF file is made: XML takes 88 bytes a node. */
    static final int XML_UP_TO = 5_000_000;
    /** The keys of {@code --json}, as the issue of street-level speed names them. */
    static final List<String> JSON_KEYS = List.of("osm_pbf_elements_per_s", "osm_xml_elements_per_s",
            "osm_import_peak_rss_mb", "town_5000_ms", "town_25000_ms", "town_250000_ms", "town_5000_pan_ms",
            "town_25000_pan_ms", "town_250000_pan_ms", "town_5000_zoom_ms", "town_25000_zoom_ms",
            "town_5000_zoom_after_idle_ms", "town_25000_zoom_after_idle_ms", "town_5000_draw_ahead_ms",
            "town_25000_draw_ahead_ms");
    /** Pixels a panning frame moves (east, and a third of it south): a steady drag of the mouse. */
    static final int PAN_STEP_PX = 20;
    /** Panning frames timed after as many untimed ones. */
    static final int PAN_FRAMES = 100;

    private final PrintWriter out;
    private final PrintWriter table;
    private final int runs;
    private final boolean json;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    OsmBench(PrintWriter out, int runs, boolean json) {
        this.out = out;
        this.table = json ? new PrintWriter(Writer.nullWriter()) : out;
        this.runs = runs;
        this.json = json;
    }

    void run(AppPaths paths, List<Incident> incidents, int nodes) throws Exception {
        Path dir = Files.createTempDirectory("kim-bench-osm-");
        try {
            SyntheticExtract town = new SyntheticExtract(nodes);
            List<Path> files = new ArrayList<>();
            files.add(dir.resolve("town.osm.pbf"));
            town.writePbf(files.get(0));
            if (nodes <= XML_UP_TO) {
                files.add(dir.resolve("town.osm"));
                town.writeXml(files.get(1));
            }
            for (Path f : files) {
                table.printf(Locale.ROOT, "generated extract: %s (%,d bytes)%n", f.getFileName(), Files.size(f));
            }
            if (nodes > XML_UP_TO) {
                table.printf(Locale.ROOT, "no XML above %,d nodes%n", XML_UP_TO);
            }
            table.printf(Locale.ROOT, "%-6s %10s %10s %8s %12s %10s %14s%n", "format", "elements", "features",
                    "median s", "elements/s", "peak heap", "process peak");
            Path empty = dir.resolve("empty.gpkg");
            IncidentStore.openOrCreate(empty, paths.seedFile()).close();
            warmUp(dir, empty);
            Path store = null;
            for (Path file : files) {
                store = importFigures(file, empty, dir);
            }
            renderFigures(paths, incidents, store, town);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String key : JSON_KEYS) {
                Double v = figures.get(key);
                m.put(key, v == null ? null : Math.round(v * 10) / 10.0);
            }
            out.println(new ObjectMapper().writeValueAsString(m));
        }
        out.flush();
    }

    /** Imports a small town in both formats first, so that the timed imports run compiled code. */
    private static void warmUp(Path dir, Path empty) throws Exception {
        SyntheticExtract small = new SyntheticExtract(50_000);
        Path pbf = dir.resolve("warm-up.osm.pbf");
        Path xml = dir.resolve("warm-up.osm");
        small.writePbf(pbf);
        small.writeXml(xml);
        for (Path file : List.of(pbf, xml)) {
            Path db = Files.copy(empty, dir.resolve(file.getFileName() + ".gpkg"));
            try (IncidentStore store = IncidentStore.open(db);
                    StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), 0)) {
                OsmImporter.run(file, null, writer, ImportProgress.NONE);
                writer.commit();
            }
            Files.delete(db);
        }
    }

    /**
     * Imports {@code file} {@value #IMPORTS} times, each into a fresh copy of {@code empty}, and once more in
     * an {@code import-osm} process of its own, with the heap bound the launcher gives it, for the peak
     * resident memory. Returns the last store written.
     */
    private Path importFigures(Path file, Path empty, Path dir) throws Exception {
        boolean pbf = file.toString().endsWith(".pbf");
        double[] rates = new double[IMPORTS];
        ImportReport report = null;
        long peakHeap = 0;
        Path db = null;
        for (int i = 0; i < IMPORTS; i++) {
            if (db != null) {
                Files.delete(db);
            }
            db = Files.copy(empty, dir.resolve(file.getFileName() + ".gpkg"));
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            try (IncidentStore store = IncidentStore.open(db);
                    StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), 0)) {
                report = OsmImporter.run(file, null, writer, ImportProgress.NONE);
                writer.commit();
            }
            rates[i] = report.elementsPerSecond();
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        Arrays.sort(rates);
        double rate = rates[IMPORTS / 2];
        Path child = Files.copy(empty, dir.resolve("child-" + file.getFileName() + ".gpkg"));
        double rss = ChildJvm.run(List.of(ImportBench.LAUNCHER_OSM_IMPORT_HEAP),
                List.of("import-osm", "--db", child.toString(), file.toString())).peakResidentMb();
        Files.delete(child);
        figures.put(pbf ? "osm_pbf_elements_per_s" : "osm_xml_elements_per_s", rate);
        figures.merge("osm_import_peak_rss_mb", rss, Math::max);
        table.printf(Locale.ROOT, "%-6s %,10d %,10d %8.2f %,12.0f %7.0f MB %11.0f MB%n", pbf ? "PBF" : "XML",
                report.elements(), report.featureCount(), report.elements() / rate, rate, peakHeap / 1e6, rss);
        table.flush();
        return db;
    }

    private void renderFigures(AppPaths paths, List<Incident> incidents, Path store, SyntheticExtract town)
            throws Exception {
        long t0 = System.nanoTime();
        ImportedStreets streets = ImportedStreets.inStore(store);
        long count = streets.count();
        boolean queried = count > StreetLayers.IN_MEMORY_LIMIT || streets.hasLevels();
        LoadedMap map = LoadedMap.load(paths.mapsDir(), incidents, streets);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        table.printf(Locale.ROOT, "map of %,d imported features, %s: loaded in %.1f s, heap in use after: %.0f MB%n",
                count, queried ? "read from the store box by box" : "held in memory",
                seconds, heap / 1e6);
        double[] b = town.bounds();
        MapProjection projection = MapProjection.kazakhstan();
        Coordinate centre = projection.toMap((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        Coordinate market = projection.toMap(71.3670, 42.8970);
        try (RenderContext rendering = RenderContext.open()) {
            MapRenderer renderer = new MapRenderer(rendering);
            table.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "frame 1920x1080", "median ms", "min", "max");
            figures.put("town_5000_ms", frame(renderer, map, "made-up town 1:5,000", Viewport.atScale(centre.x, centre.y, 5_000, W, H)));
            figures.put("town_25000_ms", frame(renderer, map, "made-up town 1:25,000",
                    Viewport.atScale(centre.x, centre.y, 25_000, W, H)));
            // The generalised levels, read from their own tables.
            figures.put("town_250000_ms", frame(renderer, map, "made-up town 1:250,000 (levels)",
                    Viewport.atScale(centre.x, centre.y, 250_000, W, H)));
            frame(renderer, map, "made-up town 1:1,000,000 (levels)",
                    Viewport.atScale(centre.x, centre.y, 1_000_000, W, H));
            frame(renderer, map, "Taraz market 1:5,000 (schematic)", Viewport.atScale(market.x, market.y, 5_000, W, H));
            frame(renderer, map, "Taraz 1:25,000 (schematic)", Viewport.atScale(market.x, market.y, 25_000, W, H));
        }
        table.printf(Locale.ROOT, "%n%-34s %10s %10s %10s%n", "as the window draws (tiles kept)", "median ms", "p90", "max");
        for (double scale : new double[] {5_000, 25_000, 250_000}) {
            figures.put(String.format(Locale.ROOT, "town_%.0f_pan_ms", scale), panning(map, scale,
                    Viewport.atScale(centre.x, centre.y, scale, W, H)));
        }
        for (double scale : new double[] {5_000, 25_000}) {
            figures.put(String.format(Locale.ROOT, "town_%.0f_zoom_ms", scale), zoomedTo(map, scale,
                    Viewport.atScale(centre.x, centre.y, scale, W, H)));
        }
        for (double scale : new double[] {5_000, 25_000}) {
            zoomedAfterIdle(map, scale, centre);
        }
    }

    /**
     * Times the first frame after a notch of the wheel in, about the middle of the view, to the wheel's
     * scale nearest {@code scale}, in a window that had drawn the view a notch out and then been still
     * long enough for the drawing ahead to finish ({@link FramesAhead}, which is timed too), {@code runs}
     * times after an untimed one; puts the medians as {@code town_N_zoom_after_idle_ms} and
     * {@code town_N_draw_ahead_ms}.
     */
    private void zoomedAfterIdle(LoadedMap map, double scale, Coordinate centre) throws Exception {
        Viewport target = Viewport.atScale(centre.x, centre.y, ZoomSteps.nearestRungScale(scale), W, H);
        Viewport from = ZoomSteps.stepped(target, W / 2.0, H / 2.0, -1);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        double[] ms = new double[runs];
        double[] ahead = new double[runs];
        for (int i = -1; i < runs; i++) {
            try (RenderContext window = RenderContext.tiled()) {
                MapRenderer renderer = new MapRenderer(window);
                Viewport before = from.pannedBy(i, 0);
                Graphics2D g = img.createGraphics();
                renderer.render(g, before, map.model().visibleLayers(), () -> false);
                g.dispose();
                long t0 = System.nanoTime();
                new FramesAhead(window).draw(before, ZoomSteps.next(before, W / 2.0, H / 2.0),
                        map.model().visibleLayers(), () -> false);
                long t1 = System.nanoTime();
                g = img.createGraphics();
                renderer.render(g, ZoomSteps.wheel(before, W / 2.0, H / 2.0, ZoomSteps.NOTCH_DELTA),
                        map.model().visibleLayers(), () -> false);
                g.dispose();
                if (i >= 0) {
                    ahead[i] = (t1 - t0) / 1e6;
                    ms[i] = (System.nanoTime() - t1) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        Arrays.sort(ahead);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        double aheadMedian = runs % 2 == 1 ? ahead[runs / 2] : (ahead[runs / 2 - 1] + ahead[runs / 2]) / 2;
        table.printf(Locale.ROOT, "%-34s %10.1f %10s %10.1f%n",
                String.format(Locale.ROOT, "1:%,.0f, a notch in after idle", target.scaleDenominator()), median, "",
                ms[runs - 1]);
        table.printf(Locale.ROOT, "%-34s %10.1f %10s %10.1f%n", "  drawing ahead before it (1 core)", aheadMedian, "",
                ahead[runs - 1]);
        table.flush();
        figures.put(String.format(Locale.ROOT, "town_%.0f_zoom_after_idle_ms", scale), median);
        figures.put(String.format(Locale.ROOT, "town_%.0f_draw_ahead_ms", scale), aheadMedian);
    }

    /**
     * Times {@value #PAN_FRAMES} frames of a steady pan from {@code vp}, as the window draws them (its
     * basemap in kept tiles, {@link RenderContext#tiled}), after as many untimed ones; prints the median,
     * the 90th percentile and the slowest (the frames that draw the tiles coming into view) and returns
     * the median.
     */
    private double panning(LoadedMap map, double scale, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        double[] ms = new double[PAN_FRAMES];
        try (RenderContext window = RenderContext.tiled()) {
            MapRenderer renderer = new MapRenderer(window);
            for (int i = -PAN_FRAMES; i < PAN_FRAMES; i++) {
                Viewport view = vp.pannedBy(PAN_STEP_PX * i, PAN_STEP_PX * i / 3.0);
                Graphics2D g = img.createGraphics();
                long t0 = System.nanoTime();
                renderer.render(g, view, map.model().visibleLayers(), () -> false);
                g.dispose();
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        double median = (ms[PAN_FRAMES / 2 - 1] + ms[PAN_FRAMES / 2]) / 2;
        table.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f%n",
                String.format(Locale.ROOT, "made-up town 1:%,.0f, panning", scale), median, ms[PAN_FRAMES * 9 / 10],
                ms[PAN_FRAMES - 1]);
        table.flush();
        return median;
    }

    /**
     * Times the first frame of {@code vp} in a window that has drawn none there yet (every tile drawn, on
     * both cores: the frame after a zoom), {@code runs} times after an untimed one; returns the median.
     */
    private double zoomedTo(LoadedMap map, double scale, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        double[] ms = new double[runs];
        for (int i = -1; i < runs; i++) {
            try (RenderContext window = RenderContext.tiled()) {
                Graphics2D g = img.createGraphics();
                long t0 = System.nanoTime();
                new MapRenderer(window).render(g, vp.pannedBy(i, 0), map.model().visibleLayers(), () -> false);
                g.dispose();
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        table.printf(Locale.ROOT, "%-34s %10.1f %10s %10.1f%n",
                String.format(Locale.ROOT, "made-up town 1:%,.0f, after a zoom", scale), median, "", ms[runs - 1]);
        table.flush();
        return median;
    }

    /** Times {@code runs} frames of {@code vp} after a warm-up one, prints them and returns the median. */
    private double frame(MapRenderer renderer, LoadedMap map, String name, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        double[] ms = new double[runs];
        for (int i = -1; i < runs; i++) {
            Graphics2D g = img.createGraphics();
            // Every other run a pixel aside: no frame is the view of the one before, whose basemap the
            // renderer would copy (BaseFrames); each is drawn whole, as while panning.
            Viewport view = (i & 1) == 0 ? vp : vp.pannedBy(1, 0);
            long t0 = System.nanoTime();
            renderer.render(g, view, map.model().visibleLayers(), () -> false);
            g.dispose();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        table.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f%n", name, median, ms[0], ms[runs - 1]);
        table.flush();
        return median;
    }
}
