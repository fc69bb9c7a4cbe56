package kz.incidentmap.store.pg;

import java.time.Instant;

/**
 * One version of an incident in the server's history.
 *
 * @param incidentId the incident
 * @param version the version this entry made (a deletion is the version after the last one kept)
 * @param changedBy the database user who wrote it
 * @param changedAt the server's time of the write
 * @param operation insert, update or delete
 */
public record HistoryEntry(String incidentId, int version, String changedBy, Instant changedAt, String operation) {
}
