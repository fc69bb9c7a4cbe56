package kz.incidentmap.render;

import java.util.List;
import kz.incidentmap.model.EventStop;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.LocationPrecision;

/**
 * What an event's route draws: its numbered stops in order and the step a playback is at.
 *
 * @param title the event's title
 * @param stops the stops in order, numbered from 1
 * @param step 0 to draw the whole route; k (1..stops) to draw it up to stop k, stop k highlighted
 */
public record EventRoute(String title, List<Stop> stops, int step) {

    /**
     * One stop: where it is drawn and whether its position is only approximate (a city's point, or a
     * schematic position on the street layout).
     */
    public record Stop(int number, double lon, double lat, boolean approximate) {
    }

    public EventRoute {
        stops = List.copyOf(stops);
        if (step < 0 || step > stops.size()) {
            throw new IllegalArgumentException("step " + step + " is outside 0.." + stops.size());
        }
    }

    /** The route of {@code event} through {@code stops} (see {@link kz.incidentmap.model.EventStops}), whole. */
    public static EventRoute of(IncidentEvent event, List<EventStop> stops) {
        return new EventRoute(event.title(), stops.stream().map(s -> new Stop(s.number(), s.incident().lon(),
                s.incident().lat(), s.incident().locationPrecision() != LocationPrecision.EXACT)).toList(), 0);
    }

    /** The same route drawn up to stop {@code k}, which is highlighted; 0 for all of it. */
    public EventRoute atStep(int k) {
        return new EventRoute(title, stops, k);
    }

    /** The stops drawn: all of them, or those up to the step. */
    public List<Stop> drawn() {
        return step == 0 ? stops : stops.subList(0, step);
    }
}
