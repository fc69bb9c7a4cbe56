package kz.incidentmap.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.model.EventKind;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.IncidentEvent;

/**
 * The {@code events} array of a seed file: {@code {id, title, kind, parent, start, end, members:
 * [{incident, time}]}}. Every problem names the event (index and id) and the field; a member must be an
 * incident of the same file, a parent a campaign of the same file.
 */
final class SeedEvents {

    static final List<String> EVENT_FIELDS = List.of("id", "title", "kind", "parent", "start", "end", "members");
    static final List<String> MEMBER_FIELDS = List.of("incident", "time");

    /** Hears a problem: where (the event), the field, what is wrong. */
    interface Problems {
        void add(String where, String field, String what);
    }

    private final Problems problems;

    SeedEvents(Problems problems) {
        this.problems = problems;
    }

    /** The events, or what could be read of them; {@code incidentIds} are the file's incident ids in lower case. */
    List<IncidentEvent> parse(JsonNode array, Set<String> incidentIds) {
        if (array == null) {
            return List.of();
        }
        Map<String, IncidentEvent> events = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String id = node.path("id").asText("");
            String where = "events[" + i + "]" + (id.isEmpty() ? "" : " (id " + id + ")");
            if (!node.isObject()) {
                problems.add(where, "", "expected an object");
                continue;
            }
            IncidentEvent e = event(where, node, incidentIds);
            if (e == null) {
                continue;
            }
            if (events.containsKey(e.id().toLowerCase(Locale.ROOT))) {
                problems.add(where, "id", "duplicate event id '" + e.id() + "'");
                continue;
            }
            events.put(e.id().toLowerCase(Locale.ROOT), e);
            if (e.parentId() != null) {
                parents.put(where, e.parentId());
            }
        }
        parents.forEach((where, parent) -> {
            IncidentEvent p = events.get(parent.toLowerCase(Locale.ROOT));
            if (p == null || !p.isCampaign()) {
                problems.add(where, "parent", "'" + parent + "' is not a campaign of this file");
            }
        });
        return new ArrayList<>(events.values());
    }

    private IncidentEvent event(String where, JsonNode node, Set<String> incidentIds) {
        boolean ok = true;
        for (var it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!EVENT_FIELDS.contains(name)) {
                problems.add(where, name, "unknown field (known: " + String.join(", ", EVENT_FIELDS) + ")");
                ok = false;
            }
        }
        String id = text(node, "id");
        String title = text(node, "title");
        if (id == null || title == null) {
            problems.add(where, id == null ? "id" : "title", "missing or blank");
            return null;
        }
        EventKind kind;
        try {
            kind = EventKind.fromCode(node.path("kind").asText("event"));
        } catch (IllegalArgumentException e) {
            problems.add(where, "kind", e.getMessage());
            return null;
        }
        LocalDate start = day(where, node, "start");
        LocalDate end = day(where, node, "end");
        List<EventMember> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode array = node.path("members");
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            String incident = text(m, "incident");
            String field = "members[" + i + "]";
            if (incident == null || !incidentIds.contains(incident.toLowerCase(Locale.ROOT))) {
                problems.add(where, field + ".incident", incident == null ? "missing"
                        : "'" + incident + "' is not an incident of this file");
                ok = false;
                continue;
            }
            if (!seen.add(incident.toLowerCase(Locale.ROOT))) {
                problems.add(where, field + ".incident", "'" + incident + "' is a member twice");
                ok = false;
                continue;
            }
            try {
                LocalTime time = EventMember.parseTime(text(m, "time"));
                members.add(new EventMember(incident, time));
            } catch (IllegalArgumentException e) {
                problems.add(where, field + ".time", e.getMessage());
                ok = false;
            }
        }
        try {
            return ok ? new IncidentEvent(id, title, kind, text(node, "parent"), start, end, members) : null;
        } catch (IllegalArgumentException e) {
            problems.add(where, "end", e.getMessage());
            return null;
        }
    }

    private LocalDate day(String where, JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(where, field, "'" + s + "' is not a valid date (expected yyyy-MM-dd)");
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
