package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code init FILE}: creates a new, empty incident store. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new, empty incident store (GeoPackage). An existing file is never touched.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The store to create, e.g. my-record.gpkg.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    file + ": already exists; init never writes over a file (choose a new name)");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": folder " + dir + " does not exist");
        }
        IncidentStore.createEmpty(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created an empty incident store: " + file);
        out.flush();
        return 0;
    }
}
