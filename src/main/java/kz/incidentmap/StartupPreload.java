package kz.incidentmap;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import kz.incidentmap.cli.CommandWords;
import kz.incidentmap.layers.MapsAhead;
import kz.incidentmap.store.SqliteNativeLibrary;
import kz.incidentmap.view.MapApplication;

/**
 * Starts, the moment the process starts, the work every command that draws the map needs before its
 * first frame and that does not depend on the command line: SQLite's native library; for a command,
 * the basemap files read and turned into layers in the map projection (GeoTools' referencing set-up,
 * most of start-up, on one thread while the files are read on the other) and the shipped schematic
 * street layer; for the window, the JavaFX toolkit, which must be the first to talk to the display (the
 * window reads its maps itself, behind its preview: see {@code view.StartupPreview}); Java2D's fonts and
 * rasteriser (for the window once the toolkit is up, for commands when there is no display). It runs on two daemon threads, one per core of
 * a small machine, while the main thread parses the command line and opens the store.
 *
 * <p>Nothing here can change what a command does or says: what is read is handed to the command as a
 * {@link MapsAhead}, whose loads read the files themselves if the early read failed (and report that
 * failure in their own words); the rest only leaves libraries loaded.
 * GeoTools is set up on one thread at a time (JAI and the units of measure, which it starts with, side
 * by side before it), so that its classes' static set-up never runs on both threads at once.
 */
final class StartupPreload {

    /** The commands that draw a map (none: the window). */
    private static final Set<String> MAP_COMMANDS = Set.of("snapshot", "identify", "bench", "animate", "report");

    private StartupPreload() {
    }

    /**
     * Starts the work for {@code args} if they name a command that draws a map; returns at once, with the
     * maps being read, for the command to take. It
     * never fails: whatever goes wrong here (an odd {@code --maps} value, say), the command runs and
     * reports as it would without it.
     */
    static MapsAhead begin(String[] args) {
        try {
            if (drawsMap(args)) {
                return start(args);
            }
        } catch (RuntimeException e) {
            // the command meets the same problem and reports it
        }
        return MapsAhead.none();
    }

    private static MapsAhead start(String[] args) {
        // First, so that a --maps value that is no path starts nothing.
        Path maps = mapsDir(args);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "startup-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(quietly(SqliteNativeLibrary::load));
        if (!readsMapsAhead(args)) {
            // JavaFX must be the first to talk to the display: Java2D after it. The window's maps are
            // not read ahead: on two cores that work slowed the toolkit and the window's building,
            // which come first (its preview shows the map meanwhile), and its map loads beside them.
            MapApplication.startToolkit(quietly(StartupPreload::warmJava2d));
            threads.shutdown();
            return MapsAhead.none();
        }
        MapsAhead ahead = MapsAhead.start(maps, threads);
        if (GraphicsEnvironment.isHeadless()) {
            // With a display, Java2D's set-up connects to it; should that fail, it must fail in the
            // command, which reports it, and not here, which would leave the command a different error.
            threads.execute(quietly(StartupPreload::warmJava2d));
        }
        threads.shutdown();
        return ahead;
    }

    /**
     * {@code work}, whose failure is dropped: nothing may be printed for it, and whatever went wrong
     * (no fonts, no display, no native library) happens again, and is reported, where the command
     * needs it.
     */
    private static Runnable quietly(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // reported by the command that needs it
            }
        };
    }

    /**
     * Whether the maps are read ahead for {@code args}: for a command that draws the map, not for the
     * window, whose toolkit and controls come first on a small machine's two cores.
     */
    static boolean readsMapsAhead(String[] args) {
        return drawsMap(args) && !CommandWords.of(args).isEmpty();
    }

    /** Whether {@code args} run the window or a command that draws the map (and not its help). */
    static boolean drawsMap(String[] args) {
        if (CommandWords.asksHelp(args)) {
            return false;
        }
        List<String> words = CommandWords.of(args);
        if (words.isEmpty()) {
            return true;
        }
        // "bench generate" writes a store and draws nothing.
        boolean generate = words.get(0).equals("bench") && words.size() > 1 && words.get(1).equals("generate");
        return MAP_COMMANDS.contains(words.get(0)) && !generate;
    }

    /** The folder {@code --maps} names (the last one given), else where the app finds its maps. */
    static Path mapsDir(String[] args) {
        String maps = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--maps") && i + 1 < args.length) {
                maps = args[++i];
            } else if (args[i].startsWith("--maps=")) {
                maps = args[i].substring("--maps=".length());
            }
        }
        return maps != null ? Path.of(maps) : AppPaths.locate().mapsDir();
    }

    /**
     * Loads the font machinery and the antialiasing rasteriser the way the renderer's labels use
     * them (outline for the halo, glyphs on top): the first use costs a few hundred milliseconds.
     */
    private static void warmJava2d() {
        BufferedImage image = new BufferedImage(64, 24, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (Font font : new Font[] {new Font(Font.SANS_SERIF, Font.PLAIN, 11), new Font(Font.SANS_SERIF, Font.BOLD, 12)}) {
                GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), "Kazakhstan 2026");
                g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(glyphs.getOutline(2, 16));
                g.setFont(font);
                g.drawGlyphVector(glyphs, 2, 16);
            }
            g.fill(new Ellipse2D.Double(4, 4, 12, 12));
        } finally {
            g.dispose();
        }
    }
}
