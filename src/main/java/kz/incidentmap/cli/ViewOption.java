package kz.incidentmap.cli;

import java.util.List;
import java.util.function.Supplier;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --view NAME}: a view saved in the store gives the command its area, filter and layers. */
final class ViewOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--view", paramLabel = "NAME",
            description = "Use the view saved in the store under this name (see 'views'): its area, filter and layers.")
    String name;

    /** A view read from the store with its filter, as the filter options read it. */
    record Chosen(SavedView view, IncidentFilter filter) {

        Envelope area() {
            return new Envelope(view.minLon(), view.maxLon(), view.minLat(), view.maxLat());
        }
    }

    boolean given() {
        return name != null;
    }

    /**
     * The view named by {@code --view}, read before the command opens anything else; refused by name when
     * the store has none of that name, or when filter options are given as well (which would win is not
     * clear). {@code others} are the command's own filter options.
     */
    Chosen read(MapOptions options, FilterOptions others, Supplier<Gazetteer> gazetteer) throws StoreException {
        if (others.given()) {
            throw bad("--view " + name + ": give a saved view or filter options, not both");
        }
        SavedView v;
        if (options.onServer()) {
            try (PgRecords records = options.openServer()) {
                List<SavedView> all = records.views();
                v = all.stream().filter(saved -> saved.name().equalsIgnoreCase(name.strip())).findFirst()
                        .orElseThrow(() -> missing(records.where(), all.stream().map(SavedView::name).toList()));
            }
            return new Chosen(v, filterOf(v, gazetteer, options));
        }
        try (IncidentStore store = options.openForViewing()) {
            v = store.view(name).orElse(null);
            if (v == null) {
                throw missing(options.storeFile().toString(), store.views().stream().map(SavedView::name).toList());
            }
        }
        return new Chosen(v, filterOf(v, gazetteer, options));
    }

    private CommandLine.ParameterException missing(String where, List<String> names) {
        return bad("--view " + name + ": " + where + " has no view of that name"
                + (names.isEmpty() ? " (it has none; save one in the window or with 'views save')"
                : " (it has: " + String.join(", ", names) + ")"));
    }

    /** The view's filter, read by the same options the command line takes. */
    private IncidentFilter filterOf(SavedView v, Supplier<Gazetteer> gazetteer, MapOptions options) {
        Arguments holder = new Arguments();
        try {
            new CommandLine(holder).parseArgs(FilterArguments.parse(v.filter()));
            return holder.filter.build(gazetteer, null, options);
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw bad("--view " + v.name() + ": its filter cannot be read (" + e.getMessage() + ")");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Only the filter options, to read a view's filter with. */
    @Command(name = "view-filter")
    static final class Arguments {
        @Mixin
        FilterOptions filter;
    }
}
