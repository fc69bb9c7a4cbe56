package kz.incidentmap.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bench first-frame}: does what the app does before its first frame — reads the store's
 * incident index, loads the basemap and builds the layers, renders the country at 1920×1080 — and prints
 * the milliseconds from JVM start; on a server, with the index streamed from it. {@code bench} runs it in fresh JVMs; the window toolkit is not
 * started, so the figure leaves out showing the window.
 */
@Command(name = "first-frame", hidden = true, description = "Print ms from JVM start to the first country frame.")
final class BenchFirstFrameCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        if (options.onServer()) {
            try (ServerMap open = options.openServerMap(); RenderContext rendering = RenderContext.open()) {
                render(open.map(), rendering);
            }
        } else {
            try (MapOptions.OpenMap open = options.openMap(all -> all); RenderContext rendering = RenderContext.open()) {
                render(open.map(), rendering);
            }
        }
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "first_frame_ms %d%n", ms);
        out.flush();
        return 0;
    }

    private static void render(LoadedMap map, RenderContext rendering) throws Exception {
        Viewport home = Places.homeView(map.home(), BenchCommand.W, BenchCommand.H);
        BufferedImage img = new BufferedImage(home.width(), home.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer(rendering).render(g, home, map.model().visibleLayers(), () -> false);
        } finally {
            g.dispose();
        }
    }
}
