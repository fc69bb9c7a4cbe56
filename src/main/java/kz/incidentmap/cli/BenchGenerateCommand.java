package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.tools.SyntheticIncidents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench generate --count N --out FILE}: writes a new store of made-up incidents gathered around
 * the gazetteer's cities (see {@link SyntheticIncidents}), through the store's bulk path, for measuring
 * the app at scale. The same seed always gives the same store. {@code bench generate --count N --db
 * postgresql://…} writes the same incidents into an empty record on a server, through COPY in one
 * transaction, up to {@value #MAX_SERVER_COUNT}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a new store (--out FILE, or --db postgresql://… for an empty record on a server) of N"
                + " made-up incidents gathered around the cities, for measurements.")
final class BenchGenerateCommand implements Callable<Integer> {

    static final int MAX_COUNT = 5_000_000;
    /** A server holds more than a file is made for. */
    static final int MAX_SERVER_COUNT = 10_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many incidents (1..5000000 in a file, 1..10000000 on a server).")
    int count;

    @Option(names = "--out", paramLabel = "FILE", description = "The new store; must not exist.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (options.onServer()) {
            if (out != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give either --out FILE or --db postgresql://…, not both");
            }
            OptionRange.check(spec, "--count", count, 1, MAX_SERVER_COUNT);
            return onServer();
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --out FILE (a new store) or --db postgresql://… (an empty record on a server)");
        }
        OptionRange.check(spec, "--count", count, 1, MAX_COUNT);
        if (Files.exists(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    out + ": already exists; generate never writes over a file (choose a new name)");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), out + ": folder " + dir + " does not exist");
        }
        SyntheticIncidents generator = SyntheticIncidents.forMaps(options.paths().mapsDir(), seed);
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        long written = IncidentStore.createBulk(out, generator.sources(), generator.incidents(count), done -> {
            err.printf(Locale.ROOT, "%,d of %,d incidents%n", done, count);
            err.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Wrote %d synthetic incidents to %s in %.1f s%n", written, out, seconds);
        o.flush();
        return 0;
    }

    /** The same incidents into an empty record on the server, through COPY, in one transaction. */
    private int onServer() throws Exception {
        SyntheticIncidents generator = SyntheticIncidents.forMaps(options.paths().mapsDir(), seed);
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        long written;
        try (PgRecords server = options.openServer()) {
            written = server.generate(generator.sources(), generator.incidents(count), done -> {
                err.printf(Locale.ROOT, "%,d of %,d incidents sent%n", done, count);
                err.flush();
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Wrote %d synthetic incidents to %s in %.1f s (%,.0f incidents/s, committed and analysed)%n",
                written, options.server, seconds, written / seconds);
        o.flush();
        return 0;
    }
}
