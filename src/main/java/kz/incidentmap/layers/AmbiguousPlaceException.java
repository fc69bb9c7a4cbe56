package kz.incidentmap.layers;

import java.util.List;

/** A name that means more than one place; the message lists each with what it is and where. */
public final class AmbiguousPlaceException extends Exception {

    public AmbiguousPlaceException(String query, List<String> candidates) {
        super("'" + query + "' names more than one place: " + String.join("; ", candidates)
                + " (give a city by the name it bears now)");
    }
}
