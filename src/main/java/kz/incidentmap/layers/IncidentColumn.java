package kz.incidentmap.layers;

import kz.incidentmap.store.IncidentOrder;

/**
 * A column of the incident table, and where its order comes from: the date and the type from the
 * map's index, the others from the store (see {@link IncidentOrder}).
 */
public enum IncidentColumn {
    DATE("Date", null),
    TITLE("Title", IncidentOrder.TITLE),
    TYPE("Type", null),
    PLACE("Place", IncidentOrder.PLACE),
    KILLED("Killed", IncidentOrder.KILLED),
    WOUNDED("Wounded", IncidentOrder.WOUNDED),
    SOURCES("Sources", IncidentOrder.SOURCES);

    private final String header;
    private final IncidentOrder storeOrder;

    IncidentColumn(String header, IncidentOrder storeOrder) {
        this.header = header;
        this.storeOrder = storeOrder;
    }

    public String header() {
        return header;
    }

    /** The store's order of this column, or null when the index sorts it. */
    IncidentOrder storeOrder() {
        return storeOrder;
    }
}
