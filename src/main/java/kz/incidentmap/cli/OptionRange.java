package kz.incidentmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Whole-number options that must lie in a range, refused with one wording for all of them. */
final class OptionRange {

    private OptionRange() {
    }

    /** Refuses {@code value} of {@code option} outside {@code min..max} as a bad argument (exit 2). */
    static void check(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + ": must be " + min + ".." + max);
        }
    }
}
