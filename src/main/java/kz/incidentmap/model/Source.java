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
 * @param reliability how reliable the source is (Admiralty A–F), or null when not graded
 */
public record Source(String key, String title, String publisher, String url, LocalDate published, String language,
        Reliability reliability) {

    /** A source not graded. */
    public Source(String key, String title, String publisher, String url, LocalDate published, String language) {
        this(key, title, publisher, url, published, language, null);
    }

    /** The same source with another grade. */
    public Source withReliability(Reliability grade) {
        return new Source(key, title, publisher, url, published, language, grade);
    }
}
