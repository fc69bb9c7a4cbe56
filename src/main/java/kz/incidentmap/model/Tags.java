package kz.incidentmap.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an incident's tags are written as one text (in the store, CSV and KML): joined by "; ". A tag
 * therefore cannot contain a semicolon; blank tags are dropped.
 */
public final class Tags {

    public static final String SEPARATOR = "; ";

    private Tags() {
    }

    public static String join(List<String> tags) {
        return tags == null || tags.isEmpty() ? null : String.join(SEPARATOR, tags);
    }

    public static List<String> split(String text) {
        List<String> tags = new ArrayList<>();
        if (text == null) {
            return tags;
        }
        Arrays.stream(text.split(";")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        return tags;
    }
}
