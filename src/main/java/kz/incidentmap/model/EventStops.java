package kz.incidentmap.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbered stops of an event's route. An event's stops are its members in order. A campaign's are
 * its own incidents and, for each event that names it as parent, that event's first site, in date order
 * (the campaign's own order among stops of one day): the same drawing at country scale. A member whose
 * incident is missing (deleted meanwhile, or filtered out) is left out and the stops are numbered on.
 */
public final class EventStops {

    private EventStops() {
    }

    /** {@code incidents} by id in lower case. */
    public static List<EventStop> of(IncidentEvent event, List<IncidentEvent> all, Map<String, Incident> incidents) {
        List<EventStop> stops = new ArrayList<>();
        for (EventMember m : event.members()) {
            Incident i = incidents.get(m.incidentId().toLowerCase(Locale.ROOT));
            if (i != null) {
                stops.add(new EventStop(0, i, m.time(), null));
            }
        }
        if (event.isCampaign()) {
            for (IncidentEvent child : all) {
                if (event.id().equalsIgnoreCase(child.parentId())) {
                    List<EventStop> sites = of(child, all, incidents);
                    if (!sites.isEmpty()) {
                        stops.add(new EventStop(0, sites.get(0).incident(), sites.get(0).time(), child.id()));
                    }
                }
            }
            stops.sort(Comparator.comparing(s -> s.incident().date(), Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())));
        }
        List<EventStop> numbered = new ArrayList<>(stops.size());
        for (EventStop s : stops) {
            numbered.add(new EventStop(numbered.size() + 1, s.incident(), s.time(), s.eventId()));
        }
        return numbered;
    }

    /** The first and last day of the event: its own when given, else its stops' earliest and latest. */
    public static DateSpan span(IncidentEvent event, List<EventStop> stops) {
        LocalDate first = event.start();
        LocalDate last = event.end();
        for (EventStop s : stops) {
            LocalDate d = s.incident().date();
            if (d != null && event.start() == null && (first == null || d.isBefore(first))) {
                first = d;
            }
            if (d != null && event.end() == null && (last == null || d.isAfter(last))) {
                last = d;
            }
        }
        return first == null ? null : new DateSpan(first, last == null ? first : last);
    }
}
