package kz.incidentmap.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;

/**
 * The event sequences: one numbered list per event of the store (its title, its members in the event's
 * order) that has incidents in the report, then the report's incidents that share an event group no
 * event is made of, in date (and time) order, the group key naming them.
 */
final class EventSequences {

    private EventSequences() {
    }

    /** The groups, each in order, the earliest first; incidents of no group are not in any. */
    static Map<String, List<Incident>> of(List<Incident> incidents) {
        return of(incidents, List.of());
    }

    /** The events' members that are in the report, in each event's order, then the groups of no event. */
    static Map<String, List<Incident>> of(List<Incident> incidents, List<IncidentEvent> events) {
        Map<String, Incident> byId = new HashMap<>();
        incidents.forEach(i -> byId.put(i.id().toLowerCase(Locale.ROOT), i));
        Map<String, List<Incident>> groups = new LinkedHashMap<>();
        Set<String> made = new HashSet<>();
        for (IncidentEvent e : events) {
            made.add(e.id());
            List<Incident> in = new ArrayList<>();
            for (EventMember m : e.members()) {
                Incident i = byId.get(m.incidentId().toLowerCase(Locale.ROOT));
                if (i != null) {
                    in.add(i);
                }
            }
            if (!in.isEmpty()) {
                groups.merge(e.title(), in, (a, b) -> a);
            }
        }
        incidents.stream().filter(i -> i.eventGroup() != null && !i.eventGroup().isBlank() && !made.contains(i.eventGroup()))
                .sorted(ORDER).forEach(i -> groups.computeIfAbsent(i.eventGroup(), k -> new ArrayList<>()).add(i));
        return groups;
    }

    static final Comparator<Incident> ORDER = Comparator
            .comparing(Incident::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Incident::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.title() == null ? "" : i.title());

    static void draw(Pages p, List<Incident> incidents, List<IncidentEvent> events, Texts texts) throws IOException {
        Map<String, List<Incident>> groups = of(incidents, events);
        if (groups.isEmpty()) {
            p.paragraph(texts.text("report.events.none"), Pages.LEFT, Pages.WIDTH, false, 9, Pages.MUTED);
            return;
        }
        for (var g : groups.entrySet()) {
            p.ensure(40);
            p.paragraph(texts.format("report.events.group", g.getKey(), g.getValue().size()), Pages.LEFT, Pages.WIDTH,
                    true, 9.5f, Pages.INK);
            int n = 1;
            for (Incident i : g.getValue()) {
                String line = n++ + ". " + Dates.of(i, texts) + (i.time() == null ? "" : " " + i.time()) + " \u2014 "
                        + (i.title() == null ? "" : i.title()) + (i.place() == null ? "" : " \u2014 " + i.place());
                p.paragraph(line, Pages.LEFT + 10, Pages.WIDTH - 10, false, 8.5f, Pages.INK);
            }
            p.down(6);
        }
    }
}
