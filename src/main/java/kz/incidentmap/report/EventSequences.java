package kz.incidentmap.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Incident;

/**
 * The event sequences: the report's incidents that share an event group, in date (and time) order, one
 * numbered list per event, the events in the order they began. Events as records of their own (a title,
 * a span, members in order) come later; until then the group key names the event.
 */
final class EventSequences {

    private EventSequences() {
    }

    /** The groups, each in order, the earliest first; incidents of no group are not in any. */
    static Map<String, List<Incident>> of(List<Incident> incidents) {
        Map<String, List<Incident>> groups = new LinkedHashMap<>();
        incidents.stream().filter(i -> i.eventGroup() != null && !i.eventGroup().isBlank())
                .sorted(ORDER).forEach(i -> groups.computeIfAbsent(i.eventGroup(), k -> new ArrayList<>()).add(i));
        return groups;
    }

    static final Comparator<Incident> ORDER = Comparator
            .comparing(Incident::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Incident::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.title() == null ? "" : i.title());

    static void draw(Pages p, List<Incident> incidents, Texts texts) throws IOException {
        Map<String, List<Incident>> groups = of(incidents);
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
