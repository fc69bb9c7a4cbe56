package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.EventKind;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.EventStop;
import kz.incidentmap.model.EventStops;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code events}: events (one attack in several places, in order) and campaigns (events and incidents of
 * one wave), listed, shown step by step, added, their members added, moved and removed, deleted. A
 * refused change writes nothing.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "List the events and campaigns in the store (key, kind, title, first and last day, members).",
        subcommands = {EventsCommand.Show.class, EventsCommand.Add.class, EventsCommand.AddMember.class,
            EventsCommand.MoveMember.class, EventsCommand.RemoveMember.class, EventsCommand.Delete.class})
final class EventsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openForViewing()) {
            List<IncidentEvent> events = store.events();
            if (events.isEmpty()) {
                out.println(options.storeFile() + " has no events");
            }
            Map<String, Incident> incidents = store.incidentsOf(events);
            for (IncidentEvent e : events) {
                List<EventStop> stops = EventStops.of(e, events, incidents);
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%d %s%s%n", e.id(), e.kind().code(), e.title(),
                        spanText(EventStops.span(e, stops)), stops.size(), stops.size() == 1 ? "stop" : "stops",
                        e.parentId() == null ? "" : "\tpart of " + e.parentId());
            }
        }
        out.flush();
        return 0;
    }

    static String spanText(DateSpan span) {
        if (span == null) {
            return "no date";
        }
        return span.first().equals(span.last()) ? span.first().toString() : span.first() + " to " + span.last();
    }

    /** "events add-member", as a message names the command: without the program's name. */
    static String commandName(CommandSpec spec) {
        return spec.qualifiedName().replaceFirst("^\\S+ ", "");
    }

    /** The event named, or a usage error naming what was asked for. */
    static IncidentEvent named(IncidentStore store, String name, CommandSpec spec, MapOptions options) throws Exception {
        Optional<IncidentEvent> e = store.event(name);
        if (e.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), EventsCommand.commandName(spec) + " " + name + ": "
                    + options.storeFile() + " has no event with that key or title (see 'events' for the list)");
        }
        return e.get();
    }

    /** The incident whose id is {@code id}, or a usage error naming it. */
    static Incident incident(IncidentStore store, String id, CommandSpec spec, MapOptions options) throws Exception {
        return store.byId(id.strip()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                EventsCommand.commandName(spec) + ": " + options.storeFile() + " has no incident with the id '" + id.strip() + "'"));
    }

    static LocalTime time(String text, CommandSpec spec) {
        try {
            return EventMember.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), EventsCommand.commandName(spec) + ": --time: " + e.getMessage());
        }
    }

    /** {@code events show NAME}: the stops in order with their time and place. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List the stops of the event or campaign NAME (its key or title) in order, with date, time and place.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "NAME", description = "The event's key or title.")
        String name;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (IncidentStore store = options.openForViewing()) {
                IncidentEvent e = named(store, name, spec, options);
                List<IncidentEvent> all = store.events();
                List<EventStop> stops = EventStops.of(e, all, store.incidentsOf(all));
                out.printf(Locale.ROOT, "%s (%s, %s): %s%n", e.title(), e.kind().code(), e.id(),
                        spanText(EventStops.span(e, stops)));
                for (EventStop s : stops) {
                    Incident i = s.incident();
                    out.printf(Locale.ROOT, "%d. %s %s\t%s\t%s\t%.5f,%.5f (%s)%s%n", s.number(), i.date(),
                            s.time() == null ? "--:--" : new EventMember(i.id(), s.time()).timeText(),
                            s.eventId() == null ? i.title() : "event " + s.eventId() + ", first site: " + i.title(),
                            i.place(), i.lon(), i.lat(),
                            i.locationPrecision() == null ? "precision not given" : i.locationPrecision().code(),
                            "\t" + i.id());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code events add KEY --title T [--campaign] [--parent C] [--start D] [--end D] [--member ID[@HH:MM]]...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an event (or with --campaign a campaign) under KEY, its members in the order given.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "KEY", description = "A short key, such as taraz-2011-11-12.")
        String key;

        @Option(names = "--title", required = true, paramLabel = "TITLE", description = "What the event is called.")
        String title;

        @Option(names = "--campaign", description = "A campaign or wave, grouping events.")
        boolean campaign;

        @Option(names = "--parent", paramLabel = "CAMPAIGN", description = "The campaign this event belongs to.")
        String parent;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day (default: the members' first).")
        String start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last day (default: the members' last).")
        String end;

        @Option(names = "--member", paramLabel = "ID[@HH:MM]", description = "An incident, with its time of day; repeat, in order.")
        List<String> members = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (key.isBlank() || title.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "events add: the key and --title must not be blank");
            }
            IncidentEvent event;
            try (IncidentStore store = options.openStore()) {
                List<EventMember> list = new ArrayList<>();
                for (String m : members) {
                    int at = m.indexOf('@');
                    String id = at < 0 ? m : m.substring(0, at);
                    LocalTime time = at < 0 ? null : time(m.substring(at + 1), spec);
                    list.add(new EventMember(incident(store, id, spec, options).id(), time));
                }
                try {
                    event = new IncidentEvent(key.strip(), title.strip(), campaign ? EventKind.CAMPAIGN : EventKind.EVENT,
                            parent == null || parent.isBlank() ? null : parent.strip(), day("--start", start), day("--end", end), list);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "events add: " + e.getMessage());
                }
                store.addEvent(event);
            }
            spec.commandLine().getOut().println("added the " + event.kind().code() + " '" + event.id() + "' with "
                    + event.members().size() + " members to " + options.storeFile());
            spec.commandLine().getOut().flush();
            return 0;
        }

        private LocalDate day(String option, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "events add: " + option + ": '" + text.strip()
                        + "' is not a date (expected YYYY-MM-DD)");
            }
        }
    }

    /** {@code events add-member EVENT INCIDENT [--time HH:MM] [--at N]}. */
    @Command(name = "add-member", mixinStandardHelpOptions = true,
            description = "Add the incident INCIDENT (its id) to EVENT, last or at step N, with its time of day.")
    static final class AddMember implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's key or title.")
        String name;

        @Parameters(index = "1", paramLabel = "INCIDENT", description = "The incident's id.")
        String incidentId;

        @Option(names = "--time", paramLabel = "HH:MM", description = "Time of day of this step.")
        String time;

        @Option(names = "--at", paramLabel = "N", description = "Its step, 1 for the first (default: last).")
        Integer at;

        @Override
        public Integer call() throws Exception {
            LocalTime t = time(time, spec);
            IncidentEvent e;
            try (IncidentStore store = options.openStore()) {
                e = named(store, name, spec, options);
                Incident i = incident(store, incidentId, spec, options);
                if (e.stepOf(i.id()) > 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "events add-member: the incident '"
                            + i.id() + "' is step " + e.stepOf(i.id()) + " of '" + e.id() + "' already");
                }
                List<EventMember> members = new ArrayList<>(e.members());
                int index = at == null ? members.size() : step(at, members.size() + 1, spec) - 1;
                members.add(index, new EventMember(i.id(), t));
                store.setEventMembers(e.id(), members);
                spec.commandLine().getOut().println("added '" + i.title() + "' to '" + e.id() + "' as step " + (index + 1)
                        + " of " + members.size());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** A step number within 1..{@code last}, or a usage error naming it. */
    static int step(int n, int last, CommandSpec spec) {
        if (n < 1 || n > last) {
            throw new CommandLine.ParameterException(spec.commandLine(), EventsCommand.commandName(spec) + ": step " + n
                    + " is outside 1.." + last);
        }
        return n;
    }

    /** {@code events move-member EVENT INCIDENT --to N}. */
    @Command(name = "move-member", mixinStandardHelpOptions = true, description = "Make the incident INCIDENT step N of EVENT.")
    static final class MoveMember implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's key or title.")
        String name;

        @Parameters(index = "1", paramLabel = "INCIDENT", description = "The incident's id.")
        String incidentId;

        @Option(names = "--to", required = true, paramLabel = "N", description = "Its new step, 1 for the first.")
        int to;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                IncidentEvent e = named(store, name, spec, options);
                int from = e.stepOf(incidentId.strip());
                if (from == 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "events move-member: the incident '"
                            + incidentId.strip() + "' is not a member of '" + e.id() + "'");
                }
                List<EventMember> members = new ArrayList<>(e.members());
                EventMember m = members.remove(from - 1);
                members.add(step(to, members.size() + 1, spec) - 1, m);
                store.setEventMembers(e.id(), members);
                spec.commandLine().getOut().println("moved step " + from + " of '" + e.id() + "' to step " + to);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code events remove-member EVENT INCIDENT}. */
    @Command(name = "remove-member", mixinStandardHelpOptions = true,
            description = "Take the incident INCIDENT out of EVENT (the incident itself stays).")
    static final class RemoveMember implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's key or title.")
        String name;

        @Parameters(index = "1", paramLabel = "INCIDENT", description = "The incident's id.")
        String incidentId;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                IncidentEvent e = named(store, name, spec, options);
                int from = e.stepOf(incidentId.strip());
                if (from == 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "events remove-member: the incident '"
                            + incidentId.strip() + "' is not a member of '" + e.id() + "'");
                }
                List<EventMember> members = new ArrayList<>(e.members());
                members.remove(from - 1);
                store.setEventMembers(e.id(), members);
                spec.commandLine().getOut().println("removed step " + from + " from '" + e.id() + "'");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code events delete EVENT}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete the event EVENT and its list of members; its incidents stay.")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "EVENT", description = "The event's key or title.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (IncidentStore store = options.openStore()) {
                IncidentEvent e = named(store, name, spec, options);
                store.deleteEvent(e.id());
                spec.commandLine().getOut().println("deleted the " + e.kind().code() + " '" + e.id() + "' from "
                        + options.storeFile() + " (its incidents stay)");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
