package kz.incidentmap.model;

import java.util.Locale;

/**
 * How reliable a source is, on the Admiralty scale: A completely reliable down to E unreliable, and F
 * when its reliability cannot be judged. Stored under the letter; the letters are also the order of
 * merit, except F, which says nothing of merit and so never counts as "at or above" a grade.
 */
public enum Reliability {
    A("completely reliable"), B("usually reliable"), C("fairly reliable"), D("not usually reliable"),
    E("unreliable"), F("reliability cannot be judged");

    private final String meaning;

    Reliability(String meaning) {
        this.meaning = meaning;
    }

    /** The letter, "A" to "F". */
    public String code() {
        return name();
    }

    /** What the letter means, as the scale words it. */
    public String meaning() {
        return meaning;
    }

    /**
     * Whether a source of this grade passes a minimum grade: A passes B, C does not; F passes nothing
     * but F itself, since an unjudged source is not shown to be any good.
     */
    public boolean atLeast(Reliability minimum) {
        if (this == F || minimum == F) {
            return this == minimum;
        }
        return ordinal() <= minimum.ordinal();
    }

    /** The grade with this letter (either case, blanks around ignored); anything else is an error naming it. */
    public static Reliability fromCode(String code) {
        String letter = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        for (Reliability r : values()) {
            if (r.name().equals(letter)) {
                return r;
            }
        }
        throw new IllegalArgumentException("grade '" + (code == null ? "" : code.strip()) + "' is not one of A–F");
    }

    /** The grade of a field that may be blank: null for blank. */
    public static Reliability fromOptional(String code) {
        return code == null || code.isBlank() ? null : fromCode(code);
    }
}
