package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code views}: the views saved in the store, listed, saved or deleted. */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "List the views saved in the store (name, area, filter, when saved).",
        subcommands = {ViewsCommand.Save.class, ViewsCommand.Delete.class})
final class ViewsCommand implements Callable<Integer> {

    /** The area of Kazakhstan a view saved without --city or --bbox shows, degrees. */
    static final Envelope COUNTRY = new Envelope(46.4, 87.4, 40.5, 55.5);

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

        @Option(names = "--city", paramLabel = "NAME", description = "The area a window shows of this city.")
        String city;

        @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "This area (degrees).")
        String bbox;

        @Override
        public Integer call() throws Exception {
            if (city != null && bbox != null) {
                throw bad("give --city or --bbox, not both");
            }
            IncidentFilter chosen = filter.build(FilterOptions.gazetteerOf(options), null);
            Envelope area = bbox != null ? Places.parseBbox(spec, bbox) : city != null ? cityArea() : COUNTRY;
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

        /** What a 1600x1000 window shows of the city when it zooms there, in degrees. */
        private Envelope cityArea() throws Exception {
            Viewport vp = Places.cityView(Places.city(spec, BasemapLayers.gazetteer(options.paths().mapsDir()), city),
                    1600, 1000);
            return MapProjection.kazakhstan().toLonLat(vp.bounds());
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
