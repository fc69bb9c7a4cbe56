package kz.incidentmap.edit;

/**
 * One source of an incident as typed (or read from a file), with what it claims, before checking. Every
 * value is text; blank means "not given".
 *
 * @param key the source's key, or blank for a new source (one is made up)
 * @param title title of the document
 * @param publisher who published it
 * @param url where it can be read
 * @param published publication date, yyyy-MM-dd
 * @param language ISO 639 code
 * @param killed number killed this source reports
 * @param wounded number wounded this source reports
 * @param claimDate date of the incident this source gives
 * @param note what else the source says
 * @param reliability the source's grade, a letter A–F
 * @param credibility the claim's credibility, a number 1–6
 */
public record SourceDraft(String key, String title, String publisher, String url, String published, String language,
        String killed, String wounded, String claimDate, String note, String reliability, String credibility) {

    /** A source and claim not graded. */
    public SourceDraft(String key, String title, String publisher, String url, String published, String language,
            String killed, String wounded, String claimDate, String note) {
        this(key, title, publisher, url, published, language, killed, wounded, claimDate, note, null, null);
    }

    /** True when the source makes a claim (any figure, date, note or credibility). */
    boolean hasClaim() {
        return !IncidentDraft.blank(killed) || !IncidentDraft.blank(wounded) || !IncidentDraft.blank(claimDate)
                || !IncidentDraft.blank(note) || !IncidentDraft.blank(credibility);
    }
}
