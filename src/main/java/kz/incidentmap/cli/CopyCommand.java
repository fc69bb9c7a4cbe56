package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.incidentmap.store.GeoPackageRecords;
import kz.incidentmap.store.RecordStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.WholeRecord;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ServerAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code copy --from A --to B}: moves a whole record between a GeoPackage and a PostgreSQL server (or
 * between two of either). Every incident field, source, claim, saved view and added sub-type goes across,
 * and every row of the events, kept copies of sources, places of the user's, merged duplicates' aliases and
 * street layers, in one transaction; the target must be a new file or a database without a record, and a
 * failure leaves it as it was.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a whole record from one store to another: a GeoPackage file or a record on a PostgreSQL"
                + " server, postgresql://user@host:port/dbname. Incidents, sources, claims, saved views, sub-types,"
                + " events and campaigns, kept copies of sources, my places, merged duplicates' aliases and pairs"
                + " that are not duplicates, and the OpenStreetMap layers with their generalised levels.",
                "The target is a new file, or a database with PostGIS and no record yet (its tables are made);"
                        + " all or nothing."})
final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "STORE",
            description = "The record to copy: FILE.gpkg or postgresql://user@host:port/dbname.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "STORE",
            description = "Where to copy it: a new FILE.gpkg, or postgresql://user@host:port/dbname (the password"
                    + " comes from ~/.pgpass or PGPASSWORD).")
    String to;

    @Override
    public Integer call() throws Exception {
        if (from.strip().equals(to.strip())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to name the same store, " + from);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore source = open("--from", from, true); RecordStore target = open("--to", to, false)) {
            WholeRecord record = WholeRecord.of(source);
            target.writeAll(record);
            out.println("Copied " + record.incidents().size() + " incidents, " + record.sources().size() + " sources, "
                    + record.views().size() + " saved views, " + record.addedSubTypes().size() + " added sub-types, "
                    + count(rows(record, "events"), "event", "events") + ", "
                    + count(rows(record, "source_copies"), "kept copy", "kept copies") + " of sources, "
                    + count(rows(record, "kim_my_places"), "place", "places") + " of yours, "
                    + count(rows(record, "incident_aliases"), "alias", "aliases") + " of merged duplicates and "
                    + count(streetRows(record), "OpenStreetMap feature", "OpenStreetMap features") + " from "
                    + source.where() + " to " + target.where());
        }
        out.flush();
        return 0;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static int rows(WholeRecord record, String table) {
        return record.tables().stream().filter(t -> t.table().name().equals(table)).mapToInt(t -> t.rows().size()).sum();
    }

    /** The features of the street layers, boundaries and places, without the generalised levels made of them. */
    private static int streetRows(WholeRecord record) {
        return record.tables().stream().filter(t -> t.table().hasGeometry() && !t.table().name().endsWith("_lines")
                && !t.table().name().endsWith("_areas")).mapToInt(t -> t.rows().size()).sum();
    }

    private RecordStore open(String option, String store, boolean existing) throws StoreException {
        if (ServerAddress.isAddress(store)) {
            ServerAddress address;
            try {
                address = ServerAddress.parse(store);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
            return PgRecords.connect(address, System.getenv());
        }
        Path file = Path.of(store);
        if (existing && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": no such file");
        }
        if (!existing) {
            if (Files.exists(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file
                        + ": already exists; a record is copied only into a new file (choose a new name)");
            }
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": folder " + dir
                        + " does not exist");
            }
        }
        return GeoPackageRecords.at(file);
    }
}
