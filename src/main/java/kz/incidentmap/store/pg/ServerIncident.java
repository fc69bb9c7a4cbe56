package kz.incidentmap.store.pg;

import java.time.Instant;
import kz.incidentmap.model.Incident;

/**
 * An incident as the server holds it, with the version every write raises and who wrote it last.
 *
 * @param incident the record
 * @param version its version on the server, 1 when first written
 * @param updatedBy the database user who wrote this version
 * @param updatedAt the server's time of that write
 */
public record ServerIncident(Incident incident, int version, String updatedBy, Instant updatedAt) {
}
