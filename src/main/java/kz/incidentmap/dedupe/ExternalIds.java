package kz.incidentmap.dedupe;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * The ids under which an incident may come back in a later import: its own, and those the importers
 * derive from the data sets' event ids, found in its sources' keys — ACLED's {@code acled-<event_id_cnty>}
 * (id from "acled:" + event id, as the ACLED importer makes it) and the GTD's {@code gtd-<eventid>} (from
 * "gtd:" + event id).
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    /** Each id, with what it comes from ("id" for the record's own, else the source key), in order; no id twice. */
    public static Map<String, String> of(Incident incident) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(incident.id(), "id");
        java.util.Set<String> keys = new java.util.HashSet<>();
        incident.sources().forEach(s -> keys.add(s.key()));
        for (Source s : incident.sources()) {
            if (!isFurtherSource(s.key(), keys)) {
                derived(s.key()).ifPresent(id -> ids.putIfAbsent(id, s.key()));
            }
        }
        return ids;
    }

    /**
     * Whether the key is that of an event's second, third… source ({@code acled-KAZ9002-2} beside
     * {@code acled-KAZ9002}): it names the same event, not another one.
     */
    private static boolean isFurtherSource(String key, java.util.Set<String> keys) {
        int dash = key.lastIndexOf('-');
        return dash > 0 && dash < key.length() - 1 && key.substring(dash + 1).chars().allMatch(Character::isDigit)
                && keys.contains(key.substring(0, dash));
    }

    /** The id an importer gives the event a source key names, if the key is a data set's. */
    static java.util.Optional<String> derived(String sourceKey) {
        for (String prefix : new String[] {"acled", "gtd"}) {
            if (sourceKey.startsWith(prefix + "-") && sourceKey.length() > prefix.length() + 1) {
                String event = sourceKey.substring(prefix.length() + 1);
                return java.util.Optional.of(UUID.nameUUIDFromBytes((prefix + ":" + event)
                        .getBytes(StandardCharsets.UTF_8)).toString());
            }
        }
        return java.util.Optional.empty();
    }
}
