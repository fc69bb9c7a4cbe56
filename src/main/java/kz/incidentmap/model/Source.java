package kz.incidentmap.model;

import java.time.LocalDate;

/**
 * A document that reports on incidents.
 *
 * @param key short stable key, unique in a store (e.g. {@code blog-2011-11-12})
 * @param title title or description of the document
 * @param publisher who published it
 * @param url where it can be read, or null
 * @param published publication date, or null when unknown
 * @param language ISO 639-1 code of the document's language
 */
public record Source(String key, String title, String publisher, String url, LocalDate published, String language) {
}
