package kz.incidentmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.exchange.ExchangeFormat;
import kz.incidentmap.exchange.ImportReport;
import kz.incidentmap.exchange.Progress;
import kz.incidentmap.exchange.RecordExporter;
import kz.incidentmap.exchange.RecordImporter;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;

/**
 * Measures {@code import} of a CSV file: writes a CSV of made-up incidents once, then imports it into
 * a new, empty store each run, the whole path a user's import takes (read, check, merge in one
 * transaction). All files live in a temporary folder that is deleted afterwards.
 */
final class ImportBench implements AutoCloseable {

    /** The bound the launcher (src/main/sh/kz-incident-map) puts on an import's heap unless the user sets one. */
    static final String LAUNCHER_IMPORT_HEAP = "-Xmx768m";
    /** The bound the launcher gives {@code import-osm} (src/main/sh/kz-incident-map). */
    static final String LAUNCHER_OSM_IMPORT_HEAP = "-Xmx640m";

    private final Path dir;
    private final Path csv;
    private final RecordImporter importer;
    private final int rows;
    private int run;

    ImportBench(Path mapsDir, int rows) throws Exception {
        this.rows = rows;
        dir = Files.createTempDirectory("kim-import-bench-");
        csv = dir.resolve("incidents.csv");
        List<Incident> incidents = new ArrayList<>(rows);
        SyntheticIncidents.forMaps(mapsDir, 42).incidents(rows).forEachRemaining(incidents::add);
        RecordExporter.export(incidents, ExchangeFormat.CSV, csv, Progress.NONE);
        importer = new RecordImporter(new IncidentValidator(OblastLocator.load(mapsDir)), LocalDate.now());
    }

    /** Imports the CSV into a new store and returns the milliseconds it took. */
    double importOnce() throws Exception {
        Path db = dir.resolve("run-" + (run++) + ".gpkg");
        IncidentStore.createEmpty(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            long t0 = System.nanoTime();
            ImportReport report = importer.importFile(csv, ExchangeFormat.CSV, false, store, Progress.NONE);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (report.merged().added() != rows) {
                throw new IllegalStateException("import bench: " + report.merged().added() + " of " + rows + " added");
            }
            return ms;
        } finally {
            Files.deleteIfExists(db);
        }
    }

    /**
     * Imports the CSV into a new store in a JVM of its own, started as the launcher starts an import (its
     * heap bounded by {@link #LAUNCHER_IMPORT_HEAP}), and gives that process's peak resident memory in MiB
     * (-1 where the system does not tell it).
     */
    double peakResidentOfImport() throws Exception {
        Path db = dir.resolve("child-" + (run++) + ".gpkg");
        IncidentStore.createEmpty(db);
        try {
            return ChildJvm.run(List.of(LAUNCHER_IMPORT_HEAP), List.of("import", csv.toString(), "--db", db.toString()))
                    .peakResidentMb();
        } finally {
            Files.deleteIfExists(db);
        }
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
