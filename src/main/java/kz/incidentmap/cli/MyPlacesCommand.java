package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code places}: the user's own places in the store, listed, added, renamed or deleted. */
@Command(name = "places", mixinStandardHelpOptions = true,
        description = "List your own places kept in the store (name, position, rings in metres, when added)."
                + " They are never exported.",
        subcommands = {MyPlacesCommand.Add.class, MyPlacesCommand.Rename.class, MyPlacesCommand.Delete.class})
final class MyPlacesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openForViewing()) {
            List<MyPlace> places = store.myPlaces();
            if (places.isEmpty()) {
                out.println(options.storeFile() + " has no places of yours");
            }
            for (MyPlace p : places) {
                out.printf(Locale.ROOT, "%s\t%.6f,%.6f\trings %s\tadded %s%n", p.name(), p.lon(), p.lat(),
                        p.rings().isEmpty() ? "none" : MyPlace.ringsText(p.rings()) + " m", p.created());
            }
        }
        out.flush();
        return 0;
    }

    /** {@code places add NAME --lon X --lat Y [--rings 200,1000]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a place of yours under NAME (a name not taken yet), with rings at the distances"
                    + " given in metres (default 200,1000,5000; --rings \"\" for none).")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "NAME", description = "The place's name (1 to 100 characters).")
        String name;

        @Option(names = "--lon", required = true, paramLabel = "X", description = "Longitude, degrees east.")
        double lon;

        @Option(names = "--lat", required = true, paramLabel = "Y", description = "Latitude, degrees north.")
        double lat;

        @Option(names = "--rings", paramLabel = "M,M,...", description = "Rings' distances in metres, with commas.")
        String rings;

        @Override
        public Integer call() throws Exception {
            MyPlace place;
            try {
                List<Integer> distances = rings == null ? MyPlace.DEFAULT_RINGS : MyPlace.parseRings(rings);
                place = new MyPlace(name, lon, lat, distances, Instant.now());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "places add: " + e.getMessage());
            }
            try (IncidentStore store = options.openStore()) {
                store.addMyPlace(place);
            }
            spec.commandLine().getOut().println("added the place '" + place.name() + "' to " + options.storeFile());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code places rename NAME NEW}. */
    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give the place NAME the name NEW.")
    static final class Rename implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The place's name now.")
        String name;

        @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
        String newName;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                if (!store.renameMyPlace(name, newName)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "places rename " + name + ": "
                            + options.storeFile() + " has no place of that name");
                }
            }
            spec.commandLine().getOut().println("renamed the place '" + name + "' to '" + newName.strip() + "'");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code places delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the place of yours named NAME.")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "NAME", description = "The place's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                if (!store.deleteMyPlace(name)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "places delete " + name + ": "
                            + options.storeFile() + " has no place of that name");
                }
            }
            spec.commandLine().getOut().println("deleted the place '" + name + "' from " + options.storeFile());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
