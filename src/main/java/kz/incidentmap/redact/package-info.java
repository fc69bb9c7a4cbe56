/**
 * Redaction: what a shared map or file may say of the incidents. A {@link kz.incidentmap.redact.RedactionProfile}
 * names how coarse positions and dates become and what is dropped; a {@link kz.incidentmap.redact.Redaction}
 * applies one to the records and to the words an output prints, before anything is drawn or written.
 */
package kz.incidentmap.redact;
