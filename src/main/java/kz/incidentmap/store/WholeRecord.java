package kz.incidentmap.store;

import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;

/**
 * Everything {@link RecordStore#writeAll} moves from one store to another.
 *
 * @param sources every source, cited or not
 * @param incidents every incident with its sources and claims
 * @param views the saved views
 * @param addedSubTypes the sub-types the store added to the built-in ones, with their numbers
 * @param tables the rest, row by row ({@link CarriedTable}): events, kept copies of sources, the user's places,
 *        merged duplicates' aliases and pairs that are not duplicates, the OpenStreetMap layers
 */
public record WholeRecord(List<Source> sources, List<Incident> incidents, List<SavedView> views,
        List<IncidentSubType> addedSubTypes, List<TableRows> tables) {

    public WholeRecord {
        sources = List.copyOf(sources);
        incidents = List.copyOf(incidents);
        views = List.copyOf(views);
        addedSubTypes = List.copyOf(addedSubTypes);
        tables = List.copyOf(tables);
    }

    /** A record of incidents, sources, views and sub-types only, without the tables carried row by row. */
    public WholeRecord(List<Source> sources, List<Incident> incidents, List<SavedView> views,
            List<IncidentSubType> addedSubTypes) {
        this(sources, incidents, views, addedSubTypes, List.of());
    }

    /** The whole record {@code from} holds. */
    public static WholeRecord of(RecordStore from) throws StoreException {
        return from.whole();
    }

    /** Whether there is nothing in it. */
    public boolean isEmpty() {
        return sources.isEmpty() && incidents.isEmpty() && views.isEmpty() && addedSubTypes.isEmpty()
                && tables.stream().allMatch(t -> t.rows().isEmpty());
    }
}
