package kz.incidentmap.model;

import java.time.LocalTime;

/**
 * One numbered stop of an event's route: the incident drawn there and its time of day. For a campaign, a
 * child event stands as a stop at its first site, {@code eventId} naming it.
 *
 * @param number 1 for the first stop
 * @param incident where the stop is drawn
 * @param time time of day, or null
 * @param eventId the child event this stop stands for, or null for an incident of the event's own
 */
public record EventStop(int number, Incident incident, LocalTime time, String eventId) {
}
