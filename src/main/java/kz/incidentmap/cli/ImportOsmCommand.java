package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.ImportReport;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import-osm}: loads streets, buildings, land use, water and places from an OpenStreetMap file. */
@Command(name = "import-osm", mixinStandardHelpOptions = true,
        description = "Import streets, buildings, land use, parks, water and named places from an OpenStreetMap "
                + "extract (.osm XML or .osm.pbf) into the store, as street-level map layers. All or nothing: "
                + "on any error nothing is stored.")
final class ImportOsmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenStreetMap file: .osm (XML) or .osm.pbf.")
    Path file;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat",
            description = "Keep only features that reach into this box (degrees), e.g. one city of a country extract.")
    String bbox;

    @Override
    public Integer call() throws Exception {
        Envelope box = bbox == null ? null : Places.parseBbox(spec, bbox);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FILE " + file + ": no such file");
        }
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        Path db;
        try (IncidentStore store = options.openStore();
                StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), OsmImporter.roomNeeded(file))) {
            db = store.file();
            report = OsmImporter.run(file, box, writer, new PhasePercent(err));
            writer.commit();
        } catch (StreetLayerWriter.StreetWriteException e) {
            throw e.getCause();
        }
        err.println();
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.summary());
        out.println(String.format(Locale.ROOT, "into %s", db));
        out.flush();
        return 0;
    }

    /** Prints the phase and percentage on one line, updated at most every whole per cent. */
    private static final class PhasePercent implements ImportProgress {
        private final PrintWriter err;
        private int lastPercent = -1;

        PhasePercent(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(double fraction, String phase) {
            int percent = (int) Math.floor(fraction * 100);
            if (percent != lastPercent) {
                lastPercent = percent;
                err.print(String.format(Locale.ROOT, "\r%-28s %3d%%", phase, percent));
                err.flush();
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
