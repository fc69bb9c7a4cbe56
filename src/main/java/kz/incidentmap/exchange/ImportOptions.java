package kz.incidentmap.exchange;

/**
 * How an import reads what some formats leave open.
 *
 * @param columns for a CSV of another program: which of its columns holds which of our fields; null
 *     for our own CSV and the other formats
 * @param unlocated what to do with an event whose source knows only the country (GTD's specificity 5,
 *     UCDP's where_prec 6 and 7)
 */
public record ImportOptions(ColumnMapping columns, Unlocated unlocated) {

    /** An event placed nowhere more precise than the country. */
    public enum Unlocated {
        /** Refused with the reason: a point on the map would claim a place the source does not give. */
        REFUSE,
        /** Placed at Kazakhstan's centre, with the coarsest precision the record has (region). */
        COUNTRY
    }

    public static final ImportOptions DEFAULT = new ImportOptions(null, Unlocated.REFUSE);

    public ImportOptions {
        unlocated = unlocated == null ? Unlocated.REFUSE : unlocated;
    }
}
