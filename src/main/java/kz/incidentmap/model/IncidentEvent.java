package kz.incidentmap.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An event as a record of its own: one attack in several places (its members are the sites, in the
 * order they happened), or a campaign or wave that groups events (its child events name it as their
 * parent) and may hold incidents of its own too.
 *
 * @param id short key, such as {@code taraz-2011-11-12}; unique in a store
 * @param title what the event is called
 * @param kind event or campaign
 * @param parentId the campaign this event belongs to, or null
 * @param start first day, or null to take it from the members
 * @param end last day, or null to take it from the members
 * @param members the incidents in order
 */
public record IncidentEvent(String id, String title, EventKind kind, String parentId, LocalDate start,
        LocalDate end, List<EventMember> members) {

    public IncidentEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(members);
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the event '" + id + "' ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean isCampaign() {
        return kind == EventKind.CAMPAIGN;
    }

    /** The step (1-based) of the incident in this event, or 0 when it is not a member. */
    public int stepOf(String incidentId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).incidentId().equalsIgnoreCase(incidentId)) {
                return i + 1;
            }
        }
        return 0;
    }

    public IncidentEvent withMembers(List<EventMember> newMembers) {
        return new IncidentEvent(id, title, kind, parentId, start, end, newMembers);
    }
}
