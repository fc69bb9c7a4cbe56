package kz.incidentmap.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import kz.incidentmap.files.PartFiles;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.timeline.AnimatedGif;
import kz.incidentmap.timeline.Playback;
import kz.incidentmap.timeline.PlaybackFrames;
import kz.incidentmap.timeline.TimeBin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code animate}: plays the timeline into an animated GIF or numbered PNG frames, the dates on each. */
@Command(name = "animate", mixinStandardHelpOptions = true,
        description = "Play the incidents from --from to --to into an animated GIF (--out FILE.gif) or numbered PNG "
                + "frames (--frames DIR), each frame with its dates and the number of incidents drawn. "
                + "The filter options choose which incidents play.")
final class AnimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    /** Its --from and --to are the days played, and must be given; the other options choose the incidents. */
    @Mixin
    FilterOptions filter;

    @Option(names = "--step", defaultValue = "month", paramLabel = "day|week|month|year",
            description = "How far each frame moves on (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--window", defaultValue = "1", paramLabel = "N",
            description = "Each frame shows the last N steps (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--cumulative", description = "Each frame shows everything since --from.")
    boolean cumulative;

    @Option(names = "--fps", defaultValue = "2", paramLabel = "N",
            description = "Frames per second of the GIF, up to 50 (default: ${DEFAULT-VALUE}).")
    double fps;

    @Mixin
    FrameArea area;

    @Option(names = "--width", defaultValue = "960", paramLabel = "W", description = "Frame width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", paramLabel = "H", description = "Frame height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--out", paramLabel = "FILE.gif", description = "Write an animated GIF that loops.")
    Path out;

    @Option(names = "--frames", paramLabel = "DIR", description = "Write frame-0001.png, frame-0002.png, … into this folder.")
    Path frames;

    @Override
    public Integer call() throws Exception {
        // Every argument is checked before the store is opened, so a bad one leaves everything as it was.
        Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
        IncidentFilter chosen = filter.build(gazetteer, null, options);
        Playback playback = playback(chosen);
        List<Playback.Frame> all;
        try {
            all = playback.frames();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        if ((out == null) == (frames == null)) {
            throw bad("give --out FILE.gif or --frames DIR (one of them)");
        }
        if (out != null && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
            throw bad("--out " + out + ": the file name must end in .gif");
        }
        if (!(fps > 0 && fps <= 50)) {
            throw bad("--fps " + fps + ": must be above 0 and at most 50");
        }
        Places.checkSize(spec, width, height, 8_000);
        FrameArea.Chosen place = area.check(gazetteer);
        checkTarget();
        PrintWriter said = spec.commandLine().getOut();
        try (MapOptions.OpenMap open = options.openMap(index -> index)) {
            Viewport vp = place.frame(open.map().home(), width, height).viewport();
            PlaybackFrames drawer = new PlaybackFrames(open.map().model(), chosen, vp, playback);
            if (out != null) {
                gif(drawer, all);
                said.println("wrote " + out + " (" + all.size() + " frames, " + width + "x" + height + " px, "
                        + fps + " frames a second)");
            } else {
                pngs(drawer, all);
                said.println("wrote " + all.size() + " frames to " + frames + " (" + width + "x" + height + " px)");
            }
        }
        return 0;
    }

    private Playback playback(IncidentFilter chosen) {
        if (chosen.from() == null || chosen.to() == null) {
            throw bad("give the days to play with --from and --to");
        }
        TimeBin unit;
        try {
            unit = TimeBin.valueOf(step.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("--step " + step + ": must be day, week, month or year");
        }
        if (window < 1 || window > 1000) {
            throw bad("--window " + window + ": must be between 1 and 1000 steps");
        }
        return new Playback(chosen.from(), chosen.to(), unit, cumulative ? 0 : window);
    }

    /** Frames go into a part file beside the GIF, which takes its name only when every frame is in. */
    private void gif(PlaybackFrames drawer, List<Playback.Frame> all) throws Exception {
        Path part = PartFiles.beside(out, "tmp");
        try {
            try (AnimatedGif gif = new AnimatedGif(part, fps)) {
                for (Playback.Frame f : all) {
                    gif.add(drawer.draw(f, all.size(), () -> false));
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void pngs(PlaybackFrames drawer, List<Playback.Frame> all) throws Exception {
        Files.createDirectories(frames);
        for (Playback.Frame f : all) {
            BufferedImage img = drawer.draw(f, all.size(), () -> false);
            Path file = frames.resolve(String.format(Locale.ROOT, "frame-%04d.png", f.number()));
            Path part = PartFiles.beside(file, "tmp");
            try {
                ImageIO.write(img, "png", part.toFile());
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Refuses, before any work, an output that cannot be written. */
    private void checkTarget() {
        Path target = out != null ? out : frames;
        String flag = out != null ? "--out " : "--frames ";
        if (frames != null && Files.exists(frames) && !Files.isDirectory(frames)) {
            throw bad(flag + frames + ": is a file, not a folder");
        }
        Path dir = out != null ? target.toAbsolutePath().getParent() : existingParent(target.toAbsolutePath());
        if (dir == null || !Files.isDirectory(dir)) {
            throw bad(flag + target + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (out != null && (Files.isDirectory(out) || Files.exists(out) && !Files.isWritable(out)))) {
            throw bad(flag + target + ": cannot write there");
        }
    }

    private static Path existingParent(Path p) {
        Path d = p;
        while (d != null && !Files.exists(d)) {
            d = d.getParent();
        }
        return d;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
