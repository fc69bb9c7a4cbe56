package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import kz.incidentmap.dedupe.DuplicateFinder;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.dedupe.DuplicateRules;
import kz.incidentmap.tools.PlantedDuplicates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench dedupe}: the duplicate finder's precision and recall on a made-up record with planted
 * duplicates and near misses (see {@link PlantedDuplicates}), and how long the search took. In memory:
 * no store is read or written.
 */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
        description = "Precision and recall of find-duplicates on a generated record with planted duplicates.")
final class BenchDedupeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "10000", paramLabel = "N",
            description = "Background incidents (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--planted", defaultValue = "500", paramLabel = "K",
            description = "Duplicate pairs planted, each with three near misses (default: ${DEFAULT-VALUE}).")
    int planted;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-score", defaultValue = "0.6", paramLabel = "S",
            description = "Least score of a pair found (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Override
    public Integer call() {
        OptionRange.check(spec, "--count", count, 1, 2_000_000);
        OptionRange.check(spec, "--planted", planted, 0, count);
        FindDuplicatesCommand.checkScore(spec, minScore);
        PlantedDuplicates.Planted set = PlantedDuplicates.generate(count, planted, seed);
        long t0 = System.nanoTime();
        List<DuplicatePair> found = new DuplicateFinder(new DuplicateRules(1, Double.NaN, minScore))
                .find(set.incidents(), Set.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long right = found.stream().filter(p -> set.planted().contains(p.key())).count();
        long nearMisses = found.stream().filter(p -> set.nearMisses().contains(p.key())).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "incidents %d (planted pairs %d, near misses %d)%n", set.incidents().size(),
                set.planted().size(), set.nearMisses().size());
        out.printf(Locale.ROOT, "dedupe_pairs_found %d%n", found.size());
        out.printf(Locale.ROOT, "dedupe_near_misses_found %d%n", nearMisses);
        out.printf(Locale.ROOT, "dedupe_precision %.4f%n", found.isEmpty() ? 1.0 : (double) right / found.size());
        out.printf(Locale.ROOT, "dedupe_recall %.4f%n", set.planted().isEmpty() ? 1.0 : (double) right / set.planted().size());
        out.printf(Locale.ROOT, "dedupe_seconds %.2f%n", seconds);
        out.flush();
        return 0;
    }
}
