package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
                + "extract (.osm XML, .osm.bz2 or .osm.pbf) into the store, as street-level map layers. All or nothing: "
                + "on any error nothing is stored.")
final class ImportOsmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenStreetMap file: .osm (XML), .osm.bz2 (bzip2-compressed XML) or .osm.pbf.")
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
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), file.getFileName().toString());
        ImportReport report;
        Path db;
        try (IncidentStore store = options.openStore();
                StreetLayerWriter writer = store.streetWriter(file.getFileName().toString(), OsmImporter.roomNeeded(file))) {
            db = store.file();
            report = OsmImporter.run(file, box, writer, progress);
            writer.commit();
        } catch (StreetLayerWriter.StreetWriteException e) {
            throw e.getCause();
        } finally {
            progress.endLine(); // an error is printed after this, and must start a line of its own
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.summary());
        out.println(String.format(Locale.ROOT, "into %s", db));
        out.flush();
        return 0;
    }
}
