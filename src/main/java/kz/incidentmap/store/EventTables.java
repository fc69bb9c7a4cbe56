package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.model.EventKind;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.IncidentEvent;

/**
 * Events as records (schema version 7): {@code events} holds each event or campaign (key, title, kind,
 * parent campaign, optional first and last day), {@code event_members} its incidents in order with an
 * optional time of day. The incidents' own {@code event_group} stays as it was, for what reads it; a
 * store upgraded from version 6 gets one event per group value.
 */
final class EventTables {

    static final String EVENTS = "events";
    static final String MEMBERS = "event_members";

    static final String EVENTS_DESCRIPTION = "Events and campaigns (key, title, kind, parent campaign, first and last day)"
            + " that group incidents, kept by the Kazakhstan Incident Map";
    static final String MEMBERS_DESCRIPTION = "The incidents of each event in order (event key, incident uuid, position,"
            + " time of day HH:MM)";

    static final String CREATE = """
            CREATE TABLE events (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              event_id TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('event', 'campaign')),
              parent_id TEXT REFERENCES events(event_id) ON UPDATE CASCADE ON DELETE SET NULL,
              start_date DATE,
              end_date DATE);
            CREATE TABLE event_members (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              event_id TEXT NOT NULL REFERENCES events(event_id) ON UPDATE CASCADE ON DELETE CASCADE,
              incident_uuid TEXT NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              position INTEGER NOT NULL,
              time TEXT,
              UNIQUE (event_id, incident_uuid));
            CREATE INDEX event_members_incident ON event_members(incident_uuid)""";

    /**
     * One event per {@code event_group} value that is not an event yet, titled by its key (TITLE), its
     * members ordered by date and then by their order in the record, each with the incident's time of day.
     */
    private static final String FROM_EVENT_GROUPS = """
            INSERT INTO events (event_id, title, kind)
              SELECT event_group, TITLE, 'event' FROM incidents
              WHERE event_group IS NOT NULL AND trim(event_group) <> ''
                AND event_group NOT IN (SELECT event_id FROM events)
              GROUP BY event_group ORDER BY min(date), event_group;
            INSERT INTO event_members (event_id, incident_uuid, position, time)
              SELECT event_group, uuid, row_number() OVER (PARTITION BY event_group ORDER BY date, fid), substr(time, 1, 5)
              FROM incidents
              WHERE event_group IN (SELECT event_id FROM events)
                AND event_group NOT IN (SELECT DISTINCT event_id FROM event_members)""";

    private EventTables() {
    }

    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, EVENTS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            GeoPackageSchema.runStatements(s, CREATE);
        }
    }

    /** Events of the event_group values that are none yet, titled by their keys (what an upgrade makes). */
    static void fromEventGroups(Connection c) throws SQLException {
        fromEventGroups(c, "event_group");
    }

    /**
     * Events of the event_group values that are none yet, titled by their first member's title: what an
     * import makes of the incidents it relates (GTD's {@code related}). Nothing in a store without events.
     */
    static void fromImportedGroups(Connection c) throws SQLException {
        if (exists(c)) {
            fromEventGroups(c, "(SELECT f.title FROM incidents f WHERE f.event_group = incidents.event_group"
                    + " ORDER BY f.date, f.fid LIMIT 1)");
        }
    }

    private static void fromEventGroups(Connection c, String title) throws SQLException {
        try (Statement s = c.createStatement()) {
            GeoPackageSchema.runStatements(s, FROM_EVENT_GROUPS.replace("TITLE", title));
        }
    }

    /** Every event and campaign with its members, campaigns first, then by first member's date and title. */
    static List<IncidentEvent> all(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        Map<String, List<EventMember>> members = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, incident_uuid, time FROM event_members ORDER BY event_id, position, fid")) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(member(rs.getString(2), rs.getString(3)));
            }
        }
        List<IncidentEvent> events = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT e.event_id, e.title, e.kind, e.parent_id, e.start_date, e.end_date FROM events e
                ORDER BY e.kind = 'event', coalesce(e.start_date, (SELECT min(i.date) FROM event_members m
                  JOIN incidents i ON i.uuid = m.incident_uuid WHERE m.event_id = e.event_id)), e.title""")) {
            while (rs.next()) {
                events.add(read(rs, members.getOrDefault(rs.getString(1), List.of())));
            }
        }
        return events;
    }

    /** The event with that key, or else the one with that title, compared without regard to case. */
    static Optional<IncidentEvent> named(Connection c, String name) throws SQLException {
        String n = name.strip();
        for (IncidentEvent e : all(c)) {
            if (e.id().equalsIgnoreCase(n)) {
                return Optional.of(e);
            }
        }
        return all(c).stream().filter(e -> e.title().equalsIgnoreCase(n)).findFirst();
    }

    /** Writes the event and its members; the caller has checked that its key is free. In the caller's transaction. */
    static void add(Connection c, IncidentEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (event_id, title, kind, parent_id, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.title());
            ps.setString(3, e.kind().code());
            ps.setString(4, e.parentId());
            ps.setString(5, e.start() == null ? null : e.start().toString());
            ps.setString(6, e.end() == null ? null : e.end().toString());
            ps.executeUpdate();
        }
        writeMembers(c, e.id(), e.members());
    }

    /** Replaces the members of the event {@code id} by {@code members}, in that order. */
    static void writeMembers(Connection c, String id, List<EventMember> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM event_members WHERE event_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event_members (event_id, incident_uuid, position, time) VALUES (?, ?, ?, ?)")) {
            int position = 1;
            for (EventMember m : members) {
                ps.setString(1, id);
                ps.setString(2, m.incidentId());
                ps.setInt(3, position++);
                ps.setString(4, m.time() == null ? null : m.timeText());
                ps.executeUpdate();
            }
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE event_id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    private static EventMember member(String uuid, String time) throws SQLException {
        try {
            return new EventMember(uuid, EventMember.parseTime(time));
        } catch (IllegalArgumentException e) {
            // Only another program can have written such a time: the step still counts, without it.
            return new EventMember(uuid, null);
        }
    }

    private static IncidentEvent read(ResultSet rs, List<EventMember> members) throws SQLException {
        try {
            return new IncidentEvent(rs.getString(1), rs.getString(2), EventKind.fromCode(rs.getString(3)),
                    rs.getString(4), day(rs.getString(5)), day(rs.getString(6)), members);
        } catch (RuntimeException e) {
            throw new SQLException("the row of event '" + rs.getString(1) + "' in " + EVENTS + " is not an event: "
                    + e.getMessage(), e);
        }
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
