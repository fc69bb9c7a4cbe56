package kz.incidentmap.sync;

import kz.incidentmap.model.Incident;
import kz.incidentmap.store.pg.ServerIncident;

/**
 * A change made here that the server refused because someone else wrote the incident first.
 *
 * @param id the incident
 * @param mine the record as changed here, or null when it was deleted here
 * @param theirs the record as the server now holds it, or null when it was deleted there
 */
public record Conflict(String id, Incident mine, ServerIncident theirs) {

    /** The server's version a resolution is written over: 0 when the server no longer has the incident. */
    public int theirVersion() {
        return theirs == null ? 0 : theirs.version();
    }
}
