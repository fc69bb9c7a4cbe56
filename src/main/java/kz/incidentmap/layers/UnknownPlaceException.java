package kz.incidentmap.layers;

import java.util.List;

/** A place name the gazetteer does not know; the message offers the nearest known names. */
public final class UnknownPlaceException extends Exception {

    public UnknownPlaceException(String query, List<String> suggestions) {
        super("unknown city '" + query + "'" + (suggestions.isEmpty() ? ""
                : " (did you mean " + String.join(", ", suggestions) + "?)"));
    }
}
