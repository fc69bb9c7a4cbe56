package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code init FILE}: creates a new, empty incident store. Like every command it takes {@code --db} (the
 * store to create, instead of FILE) and {@code --maps} (which an empty store does not need).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new, empty incident store (GeoPackage). An existing file is never touched.",
                "With --db postgresql://user@host:port/dbname: create the record's tables in that database (it needs"
                        + " PostGIS), or bring older ones up to date, and the roles kim_viewer, kim_editor, kim_admin."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The store to create, e.g. my-record.gpkg (or give it with --db).")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (options.onServer()) {
            return initServer();
        }
        Path target = target();
        if (Files.exists(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    target + ": already exists; init never writes over a file (choose a new name)");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), target + ": folder " + dir + " does not exist");
        }
        IncidentStore.createEmpty(target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created an empty incident store: " + target);
        out.flush();
        return 0;
    }

    /**
     * Makes the record's tables on the server (or brings older ones up to date) and the roles
     * kim_viewer, kim_editor and kim_admin, in one transaction. A user who may not make roles is told so
     * and gets the tables all the same.
     */
    private int initServer() throws StoreException {
        if (file != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FILE " + file + " and --db "
                    + options.server.uri() + " name two different stores; give one of them");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PgRecords records = options.openServer()) {
            int before = records.schemaVersion();
            Optional<String> roles = records.initialise();
            int now = records.schemaVersion();
            if (before == 0) {
                out.println("Created an empty incident record (schema version " + now + ") on " + records.where());
            } else if (before < now) {
                out.println("Upgraded the incident record on " + records.where() + " from schema version " + before
                        + " to " + now);
            } else {
                out.println("The incident record on " + records.where() + " is up to date (schema version " + now
                        + "); nothing to create");
            }
            roles.ifPresentOrElse(line -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println(records.where() + ": " + line);
                err.flush();
            }, () -> out.println("Roles kim_viewer, kim_editor and kim_admin are granted the record's tables"));
        }
        out.flush();
        return 0;
    }

    /** The store to create: FILE or --db, which must agree when both are given. */
    private Path target() {
        if (file == null && options.db == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name the store to create: init FILE, or init --db FILE");
        }
        if (file != null && options.db != null
                && !file.toAbsolutePath().normalize().equals(options.db.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FILE " + file + " and --db " + options.db
                    + " name two different stores; give one of them");
        }
        return file != null ? file : options.db;
    }
}
