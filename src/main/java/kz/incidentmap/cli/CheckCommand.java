package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code check}: the whole store checked (see {@link StoreVerifier}), a line per problem; exit code 0
 * when it is whole, 1 when anything was found.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the whole store: SQLite's integrity and foreign-key checks, the spatial indexes against"
                + " their tables, the map's positions against the incidents, the kept copies of sources against their"
                + " SHA-256, and the tables GIS programs list."
                + " Reads only.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        Path file;
        try (IncidentStore store = options.openForViewing()) {
            file = store.file();
        }
        List<String> problems = StoreVerifier.problems(file);
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println(file + ": ok");
        } else {
            problems.forEach(p -> out.println(file + ": " + p));
        }
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
