package kz.incidentmap.store;

import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.Source;

/**
 * The content of a seed file: the sources and the incidents that cite them, in file order.
 *
 * @param sources every source the incidents may cite
 * @param incidents the incidents, each carrying its sources and claims
 * @param events the events and campaigns that group the incidents, in file order
 */
public record SeedData(List<Source> sources, List<Incident> incidents, List<IncidentEvent> events) {

    public SeedData {
        sources = List.copyOf(sources);
        incidents = List.copyOf(incidents);
        events = List.copyOf(events);
    }

    /** Sources and incidents without events of their own (a store made from them still gets one per event_group). */
    public SeedData(List<Source> sources, List<Incident> incidents) {
        this(sources, incidents, List.of());
    }
}
