package kz.incidentmap.cli;

import java.util.function.Supplier;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.redact.RedactionProfile;
import kz.incidentmap.redact.RedactionProfileException;
import kz.incidentmap.redact.RedactionProfiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --redact PROFILE}: the redaction profile an output is shaped by (see {@link RedactionProfiles}). */
final class RedactOption {

    @Option(names = "--redact", paramLabel = "PROFILE",
            description = "Share without exposing anyone: city (positions to the city's point, dates to the month,"
                    + " source URLs removed), grid25 (positions to the centre of a 25 km cell, dates to the month,"
                    + " source names and URLs removed), a profile of your redaction-profiles.json, or a FILE.json"
                    + " holding one. Incidents tagged 'restricted' are left out by both built-in profiles.")
    String profile;

    /** The redaction asked for ({@link Redaction#NONE} without --redact); a bad profile is a parameter error. */
    Redaction resolve(CommandSpec spec, Supplier<Gazetteer> gazetteer) {
        if (profile == null) {
            return Redaction.NONE;
        }
        try {
            RedactionProfile chosen = RedactionProfiles.ofUser().choose(profile);
            return Redaction.of(chosen, chosen.position() == RedactionProfile.Position.CITY ? gazetteer.get() : null);
        } catch (RedactionProfileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--redact " + profile + ": " + e.getMessage());
        }
    }
}
