package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
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
        description = "Create a new, empty incident store (GeoPackage). An existing file is never touched.")
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
