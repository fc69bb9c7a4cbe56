package kz.incidentmap.dedupe;

/**
 * How alike two incidents must be to be offered as duplicates.
 *
 * @param withinDays days two dates may lie apart beyond what their precision allows (0 or more)
 * @param withinKm the most kilometres two places may lie apart whatever their precision, or NaN for the
 *     precision's own allowance only
 * @param minScore the least score (0..1) of a pair that is offered
 */
public record DuplicateRules(int withinDays, double withinKm, double minScore) {

    /** One day, the precisions' distances, score 0.6. */
    public static final DuplicateRules DEFAULT = new DuplicateRules(1, Double.NaN, 0.6);

    public DuplicateRules {
        if (withinDays < 0 || withinDays > 366) {
            throw new IllegalArgumentException("days must be 0 to 366, not " + withinDays);
        }
        if (!Double.isNaN(withinKm) && !(withinKm >= 0 && withinKm <= 1000)) {
            throw new IllegalArgumentException("kilometres must be 0 to 1000, not " + withinKm);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("the score must be 0 to 1, not " + minScore);
        }
    }
}
