package kz.incidentmap.model;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One incident as a step of an event, with the time of day the sources give for it, if any.
 *
 * @param incidentId the incident's id
 * @param time time of day of this step, or null when the sources do not say
 */
public record EventMember(String incidentId, LocalTime time) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public EventMember {
        Objects.requireNonNull(incidentId, "incidentId");
        time = time == null ? null : time.withSecond(0).withNano(0);
    }

    /** "14:05", or "" without a time. */
    public String timeText() {
        return time == null ? "" : time.format(HH_MM);
    }

    /**
     * A time of day written HH:MM (00:00 to 23:59); blank is none. A bad value is an
     * IllegalArgumentException that quotes it.
     */
    public static LocalTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("'" + t + "' is not a time of day (expected HH:MM, such as 14:05)");
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t, HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a time of day (hours 00–23, minutes 00–59)");
        }
    }
}
