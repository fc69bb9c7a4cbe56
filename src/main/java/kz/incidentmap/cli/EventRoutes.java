package kz.incidentmap.cli;

import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.EventStops;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The route of an event named on the command line ({@code snapshot --event}), and the view that shows it whole. */
final class EventRoutes {

    /** Metres the view shows at least round a route, so that a route inside one city still shows its streets. */
    private static final double LEAST_SPAN = 1_200;

    private EventRoutes() {
    }

    /** The route of the event {@code name} (key or title) drawn up to {@code step} (0 for all); a usage error names what is wrong. */
    static EventRoute read(MapOptions options, String name, int step, CommandSpec spec) throws Exception {
        try (IncidentStore store = options.openForViewing()) {
            IncidentEvent e = store.event(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    EventsCommand.commandName(spec) + ": --event " + name + ": " + options.storeFile()
                            + " has no event with that key or title (see 'events' for the list)"));
            List<IncidentEvent> all = store.events();
            EventRoute route = EventRoute.of(e, EventStops.of(e, all, store.incidentsOf(all)));
            if (route.stops().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), EventsCommand.commandName(spec) + ": --event " + name
                        + ": the event has no stops to draw");
            }
            if (step < 0 || step > route.stops().size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), EventsCommand.commandName(spec) + ": --step " + step
                        + ": the event has stops 1.." + route.stops().size());
            }
            return route.atStep(step);
        }
    }

    /** A view of {@code width} × {@code height} pixels that holds every stop with room round them. */
    static Viewport viewport(EventRoute route, int width, int height) {
        Envelope box = new Envelope();
        MapProjection projection = MapProjection.kazakhstan();
        for (EventRoute.Stop s : route.stops()) {
            Coordinate c = projection.toMap(s.lon(), s.lat());
            box.expandToInclude(c);
        }
        box.expandBy(Math.max(0, (LEAST_SPAN - box.getWidth()) / 2), Math.max(0, (LEAST_SPAN - box.getHeight()) / 2));
        box.expandBy(box.getWidth() * 0.12, box.getHeight() * 0.12);
        return Viewport.fitting(box, width, height, 0, projection);
    }
}
