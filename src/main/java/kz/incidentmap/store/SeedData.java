package kz.incidentmap.store;

import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * The content of a seed file: the sources and the incidents that cite them, in file order.
 *
 * @param sources every source the incidents may cite
 * @param incidents the incidents, each carrying its sources and claims
 */
public record SeedData(List<Source> sources, List<Incident> incidents) {

    public SeedData {
        sources = List.copyOf(sources);
        incidents = List.copyOf(incidents);
    }
}
