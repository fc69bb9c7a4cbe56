package kz.incidentmap.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code bench --osm}: generates an OpenStreetMap extract of a given number of nodes (PBF and XML),
 * imports each into a fresh store in a temporary folder (after a warm-up import of a small one) and reports elements per second and the peak
 * heap of the import; then loads the imported streets and times frames at 1:5,000 and 1:25,000 at
 * 1920×1080, in the made-up town and at the Taraz market, and at 1:250,000 and 1:1,000,000 in the town,
 * where the generalised levels draw it. Each frame is drawn whole (no two runs in a row share a view, so
 * none copies the basemap of the one before). Nothing outside the temporary folder is written.
 */
final class OsmBench {

    private static final int W = 1920;
    private static final int H = 1080;

    private final PrintWriter out;
    private final int runs;

    OsmBench(PrintWriter out, int runs) {
        this.out = out;
        this.runs = runs;
    }

    void run(AppPaths paths, List<Incident> incidents, int nodes) throws Exception {
        Path dir = Files.createTempDirectory("kim-bench-osm-");
        try {
            SyntheticExtract town = new SyntheticExtract(nodes);
            Path pbf = dir.resolve("town.osm.pbf");
            Path xml = dir.resolve("town.osm");
            town.writePbf(pbf);
            town.writeXml(xml);
            out.printf(Locale.ROOT, "generated extract: %s (%,d bytes), %s (%,d bytes)%n", pbf.getFileName(), Files.size(pbf),
                    xml.getFileName(), Files.size(xml));
            out.printf(Locale.ROOT, "%-6s %10s %10s %8s %12s %10s %14s%n", "format", "elements", "features", "seconds",
                    "elements/s", "peak heap", "process peak");
            warmUp(paths, dir);
            Path store = null;
            for (Path file : List.of(pbf, xml)) {
                Path db = dir.resolve(file.getFileName() + ".gpkg");
                IncidentStore.openOrCreate(db, paths.seedFile()).close();
                importOnce(file, db);
                store = store == null ? db : store;
            }
            renderFigures(paths, incidents, store, town);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        out.flush();
    }

    /** Imports a small town in both formats first, so that the timed imports run compiled code. */
    private static void warmUp(AppPaths paths, Path dir) throws Exception {
        SyntheticExtract small = new SyntheticExtract(50_000);
        Path pbf = dir.resolve("warm-up.osm.pbf");
        Path xml = dir.resolve("warm-up.osm");
        small.writePbf(pbf);
        small.writeXml(xml);
        for (Path file : List.of(pbf, xml)) {
            Path db = dir.resolve(file.getFileName() + ".gpkg");
            try (IncidentStore store = IncidentStore.openOrCreate(db, paths.seedFile());
                    StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), 0)) {
                OsmImporter.run(file, null, writer, ImportProgress.NONE);
                writer.commit();
            }
        }
    }

    private void importOnce(Path file, Path db) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        ImportReport report;
        try (IncidentStore store = IncidentStore.open(db);
                StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), 0)) {
            report = OsmImporter.run(file, null, writer, ImportProgress.NONE);
            writer.commit();
        }
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf(Locale.ROOT, "%-6s %,10d %,10d %8.1f %,12.0f %7.0f MB %11s%n",
                file.toString().endsWith(".pbf") ? "PBF" : "XML", report.elements(), report.featureCount(),
                report.seconds(), report.elementsPerSecond(), peakHeap / 1e6, processPeak());
        out.flush();
    }

    /** The process's peak resident memory from /proc (Linux), or "-" elsewhere. */
    private static String processPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1e3);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return "-";
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
        out.printf(Locale.ROOT, "map of %,d imported features, %s: loaded in %.1f s, heap in use after: %.0f MB%n",
                count, queried ? "read from the store box by box" : "held in memory",
                seconds, heap / 1e6);
        double[] b = town.bounds();
        MapProjection projection = MapProjection.kazakhstan();
        Coordinate centre = projection.toMap((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        Coordinate market = projection.toMap(71.3670, 42.8970);
        try (RenderContext rendering = RenderContext.open()) {
            MapRenderer renderer = new MapRenderer(rendering);
            out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "frame 1920x1080", "median ms", "min", "max");
            frame(renderer, map, "made-up town 1:5,000", Viewport.atScale(centre.x, centre.y, 5_000, W, H));
            frame(renderer, map, "made-up town 1:25,000", Viewport.atScale(centre.x, centre.y, 25_000, W, H));
            // The generalised levels, read from their own tables.
            frame(renderer, map, "made-up town 1:250,000 (levels)", Viewport.atScale(centre.x, centre.y, 250_000, W, H));
            frame(renderer, map, "made-up town 1:1,000,000 (levels)",
                    Viewport.atScale(centre.x, centre.y, 1_000_000, W, H));
            frame(renderer, map, "Taraz market 1:5,000 (schematic)", Viewport.atScale(market.x, market.y, 5_000, W, H));
            frame(renderer, map, "Taraz 1:25,000 (schematic)", Viewport.atScale(market.x, market.y, 25_000, W, H));
        }
    }

    private void frame(MapRenderer renderer, LoadedMap map, String name, Viewport vp) throws Exception {
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
        out.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f%n", name, median, ms[0], ms[runs - 1]);
        out.flush();
    }
}
