package kz.incidentmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.render.SnapshotRenderer;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code snapshot}: writes a map view as a PNG, without a window. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Write a map as a PNG with title, legend, scale bar, north arrow and attribution. "
                + "Without --city or --bbox: all of Kazakhstan.")
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--city", paramLabel = "NAME", description = "Centre on this city (Latin or Cyrillic).")
    String city;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Show this area (degrees).")
    String bbox;

    @Option(names = "--width", defaultValue = "1600", description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", paramLabel = "N",
            description = "Show the place at the scale 1:N, centred on it (e.g. 5000 for street level).")
    Double scale;

    @Option(names = "--title", description = "Title printed on the map.")
    String title;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (city != null && bbox != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --city or --bbox, not both");
        }
        if (width < 100 || height < 100 || width > 20_000 || height > 20_000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--width/--height " + width + "x" + height + ": each must be between 100 and 20000 pixels");
        }
        if (scale != null && !(scale >= Viewport.MIN_SCALE && scale <= Viewport.MAX_SCALE)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale " + scale
                    + ": must be between " + (long) Viewport.MIN_SCALE + " and " + (long) Viewport.MAX_SCALE);
        }
        checkWritable(out);
        // Arguments are checked before the store is opened, so a bad one leaves everything as it was.
        Envelope box = bbox == null ? null : Places.parseBbox(spec, bbox);
        LoadedMap map = options.loadMap(options.incidents());
        Viewport vp;
        String place;
        if (city != null) {
            Gazetteer.Place p = Places.city(spec, map.gazetteer(), city);
            vp = Places.cityView(p, width, height);
            place = p.name();
        } else if (bbox != null) {
            vp = Places.bboxView(box, width, height);
            place = "Area " + bbox;
        } else {
            vp = Places.homeView(map, width, height);
            place = "Kazakhstan";
        }
        if (scale != null) {
            vp = Viewport.atScale(vp.centerX(), vp.centerY(), scale, width, height);
        }
        String heading = title != null ? title : place + " \u2014 security incidents";
        String sub = String.format(Locale.ROOT, "Scale 1:%,.0f \u00b7 exported %s", vp.scaleDenominator(), LocalDate.now());
        new SnapshotRenderer().writePng(map.model(), vp, new SnapshotRenderer.Layout(heading, sub), out);
        spec.commandLine().getOut().println("wrote " + out + " (" + width + "x" + height + ", 1:"
                + String.format(Locale.ROOT, "%.0f", vp.scaleDenominator()) + ")");
        return 0;
    }

    /** Refuses, before any work, an output that cannot be written; nothing is created. */
    private void checkWritable(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + file + ": the file name must end in .png");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + file + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file)) || Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + file + ": cannot write there");
        }
    }
}
