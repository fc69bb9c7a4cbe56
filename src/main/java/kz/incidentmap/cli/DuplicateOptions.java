package kz.incidentmap.cli;

import kz.incidentmap.dedupe.DuplicateRules;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that say how alike two incidents must be to count as duplicates. */
final class DuplicateOptions {

    @Option(names = "--within-days", paramLabel = "D", defaultValue = "1",
            description = "Days two dates may lie apart beyond what their precision allows (default: ${DEFAULT-VALUE}).")
    int withinDays;

    @Option(names = "--within-km", paramLabel = "K",
            description = "At most this many km apart, whatever the location precision allows"
                    + " (exact 1 km, street 5, city 25, region 300).")
    Double withinKm;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.6",
            description = "Least score of a pair, 0..1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    DuplicateRules rules(CommandSpec spec) {
        OptionRange.check(spec, "--within-days", withinDays, 0, 366);
        if (withinKm != null && !(withinKm >= 0 && withinKm <= 1000)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--within-km must be between 0 and 1000, not " + withinKm);
        }
        FindDuplicatesCommand.checkScore(spec, minScore);
        return new DuplicateRules(withinDays, withinKm == null ? Double.NaN : withinKm, minScore);
    }
}
