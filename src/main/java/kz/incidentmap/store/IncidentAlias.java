package kz.incidentmap.store;

/**
 * An id that stands for a stored incident since another incident was merged into it.
 *
 * @param alias the id (a UUID) that a later import may bring
 * @param incidentId the incident it stands for now
 * @param mergedId the incident the merge removed, which had this id or carried the event it derives from
 * @param origin "id" for the removed incident's own id, else the source key it was derived from ({@code acled-…})
 */
public record IncidentAlias(String alias, String incidentId, String mergedId, String origin) {
}
