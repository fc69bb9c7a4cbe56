package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code views}: the views saved in the store, listed, saved or deleted. */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "List the views saved in the store (name, area, filter, when saved).",
        subcommands = {ViewsCommand.Save.class, ViewsCommand.Delete.class})
final class ViewsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openForViewing()) {
            List<SavedView> views = store.views();
            if (views.isEmpty()) {
                out.println(options.storeFile() + " has no saved views");
            }
            for (SavedView v : views) {
                out.printf(Locale.ROOT, "%s\tarea %.4f,%.4f,%.4f,%.4f\tfilter %s\tsaved %s%n", v.name(), v.minLon(),
                        v.minLat(), v.maxLon(), v.maxLat(), String.join(" ", FilterArguments.parse(v.filter())), v.saved());
            }
        }
        out.flush();
        return 0;
    }

    /** {@code views save NAME}: saves a view of the area and the filter the options give. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Save a view under NAME (replacing one of that name): the area of --city or --bbox "
                    + "(default: all of Kazakhstan) and the filter options given. The layers are kept as the map has them.")
    static final class Save implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Mixin
        FilterOptions filter;

        @Parameters(paramLabel = "NAME", description = "The view's name (1 to 100 characters).")
        String name;

        @Mixin
        FrameArea place;

        @Override
        public Integer call() throws Exception {
            Supplier<Gazetteer> gazetteer = FilterOptions.gazetteerOf(options);
            // Of a city, what a 1600x1000 window shows when it zooms there.
            Envelope area = place.check(gazetteer).lonLat(1600, 1000);
            IncidentFilter chosen = filter.build(gazetteer, null, options);
            SavedView view;
            try {
                view = new SavedView(name, area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY(), Double.NaN,
                        FilterArguments.json(chosen), "{}", Instant.now());
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
            try (IncidentStore store = options.openStore()) {
                store.saveView(view);
            }
            spec.commandLine().getOut().println("saved the view '" + view.name() + "' in " + options.storeFile());
            spec.commandLine().getOut().flush();
            return 0;
        }

        private CommandLine.ParameterException bad(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code views delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the view saved under NAME.")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "NAME", description = "The view's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                if (!store.deleteView(name)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "views delete " + name + ": "
                            + options.storeFile() + " has no view of that name");
                }
            }
            spec.commandLine().getOut().println("deleted the view '" + name + "' from " + options.storeFile());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
