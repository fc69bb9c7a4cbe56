package kz.incidentmap.model;

import java.time.LocalDate;

/**
 * What one source says about one incident. Sources disagree (one says seven were killed in Taraz,
 * another six), so every figure is kept with the source that gives it; null means the source does
 * not say.
 *
 * @param sourceKey the {@link Source#key()} of the source making the claim
 * @param killed number killed the source reports, or null
 * @param wounded number wounded the source reports, or null
 * @param date the date the source gives, or null
 * @param note what else the source says that bears on the figures, or null
 * @param credibility how credible the claim is (Admiralty 1–6), or null when not graded
 */
public record Claim(String sourceKey, Integer killed, Integer wounded, LocalDate date, String note,
        Credibility credibility) {

    /** A claim not graded. */
    public Claim(String sourceKey, Integer killed, Integer wounded, LocalDate date, String note) {
        this(sourceKey, killed, wounded, date, note, null);
    }
}
