package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vocabulary}: the store's types and sub-types listed, or a sub-type added. */
@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = "List the incident types and sub-types of the store: code, family, name, ACLED event type and "
                + "sub-event type, GTD attack type, marker, and whether built in or added.",
        subcommands = {VocabularyCommand.Add.class})
final class VocabularyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openForViewing()) {
            out.println("code\tfamily\tname\tacled_event_type\tacled_sub_event_type\tdisorder_type\tgtd_attack_type"
                    + "\tmarker\torigin");
            for (IncidentSubType s : store.vocabulary().subTypes()) {
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", s.code(), s.type().code(), s.label(),
                        s.acledEventType(), s.acledSubEventType(), s.disorderType(),
                        s.gtdAttackType() == null ? "" : s.gtdAttackType(),
                        s.ownSymbol() ? (s.mark() == null ? "" : s.mark()) + (s.colour() == null ? "" : " " + s.colour())
                                : "as family", s.builtIn() ? "built in" : "added");
            }
        }
        out.flush();
        return 0;
    }

    /** {@code vocabulary add}: a sub-type of a family, with its own marker if given. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a sub-type to a family (types: suicide_bombing, explosion, armed_attack, armed_clash, "
                    + "security_operation, threat, claim, policy, protest, riot). Markers and filters use it at once.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "the family (a type code)")
        String type;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the sub-type's name")
        String name;

        @Option(names = "--marker", paramLabel = "SHAPE",
                description = "its marker's shape: circle, square, triangle, star, cross, x "
                        + "(default: its family's)")
        String marker;

        @Option(names = "--colour", paramLabel = "#RRGGBB", description = "its marker's colour (default: its family's)")
        String colour;

        @Override
        public Integer call() throws Exception {
            IncidentType family;
            try {
                family = IncidentType.fromCode(type);
            } catch (IllegalArgumentException e) {
                throw bad("--type " + type + ": " + e.getMessage());
            }
            if (marker != null && !IncidentSubType.MARKS.contains(marker.strip().toLowerCase(Locale.ROOT))) {
                throw bad("--marker " + marker + ": not one of " + String.join(", ", IncidentSubType.MARKS));
            }
            if (colour != null && !colour.strip().matches("#[0-9A-Fa-f]{6}")) {
                throw bad("--colour " + colour + ": not a colour written #RRGGBB, such as #1B7837");
            }
            String shape = marker == null ? null : marker.strip().toLowerCase(Locale.ROOT);
            String fill = colour == null ? null : colour.strip().toUpperCase(Locale.ROOT);
            try (IncidentStore store = options.openStore()) {
                boolean had = store.vocabulary().find(family, name).isPresent();
                IncidentSubType s;
                try {
                    s = store.addSubType(family, name, shape, fill);
                } catch (IllegalArgumentException e) {
                    throw bad("--name " + name + ": " + e.getMessage());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println((had ? "already there: " : "added: ") + s.code() + " (" + s.label() + ", a sub-type of "
                        + s.type().label() + ")");
                out.flush();
            }
            return 0;
        }

        private CommandLine.ParameterException bad(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
